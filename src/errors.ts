import { type MessageKey, translator } from './i18n/index.js';

/** A command-line value that is not allowed; the message names the option and what it accepts. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A value the settings refuse: the message names the setting and what it takes, in either language. */
export class SettingRefused extends UsageError {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(translator('en')(key, params));
    this.name = 'SettingRefused';
  }
}

/** Exit code when another run holds the company's transfer lease (nothing was tried). */
export const EXIT_LEASE_HELD = 3;
