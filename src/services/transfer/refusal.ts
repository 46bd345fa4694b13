import type { MessageKey } from '../../i18n/index.js';

export type RefusalKey = Extract<MessageKey, `refusal.${string}`>;

/** Why a record cannot go, as a catalogue key (refusal.*) with its values, so the UI can word it. */
export interface RefusalReason {
  key: RefusalKey;
  params: Record<string, string>;
}

/**
 * A record that cannot be transferred as it is; the message says what and why, for the status column.
 * `skip`: nothing is wrong, the record needs no transfer (already transferred): shown as skipped, not failed.
 */
export class TransferRefusal extends Error {
  readonly short: string;
  constructor(
    message: string,
    readonly reason?: RefusalReason,
    readonly skip = false,
  ) {
    super(message);
    this.name = 'TransferRefusal';
    this.short = message;
  }
}

/** Builds a refusal from a catalogue key; the English text is the message for logs and tests. */
export function refuse(key: RefusalKey, params: Record<string, string>, english: string, skip = false): TransferRefusal {
  return new TransferRefusal(english, { key, params }, skip);
}

/**
 * The record reached the target but a later write of the same transfer did not (the invoice is booked and
 * its Severa status did not move; the customer exists and its address was not added): recorded as done under
 * `targetKey`, so it is never written twice, reported as failed with why, and finished by the next run.
 */
export class IncompleteTransfer extends Error {
  readonly short: string;
  constructor(
    readonly targetKey: string,
    message: string,
    readonly reason: RefusalReason,
    /** What refused the later write. */
    readonly why: unknown,
  ) {
    super(message);
    this.name = 'IncompleteTransfer';
    this.short = message;
  }
}
