import { en, type MessageKey } from './en.js';
import { sv } from './sv.js';

export type Lang = 'sv' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** Swedish for sv_* locales (LC_ALL, LC_MESSAGES, LANG, or the runtime's), else English. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^sv([_-]|$)/i.test(locale ?? '') ? 'sv' : 'en';
}

export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => {
    const text = catalogue[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
