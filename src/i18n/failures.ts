import { AdministrationError } from '../services/administration/errors.js';
import { SeveraAnswerError, SeveraApiError, SeveraError, SeveraNetworkError, SeveraSchemaError } from '../services/severa/errors.js';
import { IncompleteTransfer, TransferRefusal } from '../services/transfer/refusal.js';
import { type Lang, translator } from './index.js';
import { printable } from '../text.js';

/** A failure in a few words, in the user's language: Severa by its stable code, the ADK by its own texts. */
export function failureText(error: unknown, lang: Lang): string {
  return printable(failureWords(error, lang));
}

function failureWords(error: unknown, lang: Lang): string {
  const t = translator(lang);
  if (error instanceof TransferRefusal && error.reason) return t(error.reason.key, error.reason.params);
  if (error instanceof IncompleteTransfer) return t(error.reason.key, { ...error.reason.params, why: failureText(error.why, lang) });
  if (error instanceof AdministrationError) return error.text(lang);
  if (error instanceof SeveraApiError) {
    switch (error.code) {
      case 'auth':
        return t('failure.severaAuth');
      case 'scope':
        return t('failure.severaScope', { detail: error.detailText });
      case 'not-found':
        return t('failure.severaNotFound');
      case 'quota':
        return t('failure.severaQuota', { attempts: error.attempts });
      case 'server':
        return t('failure.severaServer', { status: error.status });
      default:
        return error.detailText || t('failure.severaRefused', { status: error.type ?? error.status });
    }
  }
  if (error instanceof SeveraAnswerError) return t('failure.severaAnswer', { detail: error.short });
  if (error instanceof SeveraSchemaError) return t('failure.severaSchema', { field: error.field });
  if (error instanceof SeveraNetworkError) {
    if (error.mayHaveBeenApplied) return t('failure.severaUncertain');
    return error.code === 'timeout' ? t('failure.severaTimeout') : t('failure.severaNetwork', { detail: error.detail });
  }
  if (error instanceof SeveraError) return error.short;
  const e = error as { short?: string; message?: string };
  return e?.short ?? e?.message ?? String(error);
}
