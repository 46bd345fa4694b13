import { failureText } from '../i18n/failures.js';
import { translator } from '../i18n/index.js';
import { AdministrationError } from '../services/administration/errors.js';
import { type TransferEvent, TransferRun, type TransferStep } from '../services/transfer/engine.js';
import { IncompleteTransfer, TransferRefusal } from '../services/transfer/refusal.js';
import type { KindContext, RunRequest } from './types.js';

/** A run of these items through the step, with the ledger, the questions and errors in the user's language. */
export function runOf<I, T>(
  ctx: KindContext,
  request: RunRequest,
  items: I[],
  step: TransferStep<I, T>,
  onEvent: (event: TransferEvent) => void = request.onEvent,
): TransferRun<unknown, unknown> {
  const { lang } = request;
  const t = translator(lang);
  // Errors in the user's language; the detail keeps the technical message (endpoint, status) for the log.
  const describeError = (error: unknown) => {
    const e = error as { message?: string; mayHaveBeenApplied?: boolean };
    const message = failureText(error, lang);
    const translated =
      error instanceof AdministrationError || error instanceof IncompleteTransfer || (error instanceof TransferRefusal && error.reason);
    return { message, detail: translated ? message : (e?.message ?? message), mayHaveBeenApplied: Boolean(e?.mayHaveBeenApplied) };
  };
  return new TransferRun({
    ledger: ctx.ledger,
    concurrency: ctx.concurrency,
    onEvent,
    askConflict: request.askConflict,
    describeError,
    describeAnswer: (label, decision, forTheRest) =>
      t(forTheRest ? 'log.answeredRest' : 'log.answered', { label, answer: t(`answer.${decision}`) }),
    dryRun: request.dryRun,
    items,
    step,
  }) as TransferRun<unknown, unknown>;
}
