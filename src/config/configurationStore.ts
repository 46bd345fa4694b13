import { hasCredentials } from '../text.js';
import { z } from 'zod';
import { SettingRefused } from '../errors.js';
import type { MessageKey } from '../i18n/index.js';
import { resolveSeveraBaseUrl } from '../services/severa/environments.js';
import { DEMO_CUSTOMER_MAPPINGS, type Mappings } from '../services/transfer/mappings.js';
import { settingsFromStored, settingsToStored, type TransferSettings } from '../services/transfer/settings.js';
import { type Profile, ProfileStore } from './profiles.js';
import { readSettingsFile, writeSettingsFile } from './transferSettingsFile.js';

export const CONNECTION_FIELDS = [
  'severa.baseUrl',
  'severa.clientId',
  'severa.clientSecret',
  'administration.bridgeUrl',
  'administration.bridgeToken',
  'administration.commonFilesPath',
  'administration.companyPath',
  'administration.adkLibrary',
  'administration.adkUser',
  'administration.adkPassword',
] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];
/** Fields never shown again once entered. */
export const SECRET_FIELDS: readonly ConnectionField[] = [
  'severa.clientSecret',
  'administration.bridgeToken',
  'administration.adkPassword',
];
/** The ADK's own fields (Windows host), as against the bridge's. */
export const ADK_FIELDS: readonly ConnectionField[] = [
  'administration.commonFilesPath',
  'administration.companyPath',
  'administration.adkLibrary',
  'administration.adkUser',
  'administration.adkPassword',
];

/** The environment variable that overrides a field, when there is one. */
export const ENV_OF: Partial<Record<ConnectionField, string>> = {
  'severa.baseUrl': 'SEVADM_SEVERA_BASE_URL',
  'severa.clientId': 'SEVADM_SEVERA_CLIENT_ID',
  'severa.clientSecret': 'SEVADM_SEVERA_CLIENT_SECRET',
  'administration.bridgeUrl': 'SEVADM_BRIDGE_URL',
  'administration.bridgeToken': 'SEVADM_BRIDGE_TOKEN',
  'administration.commonFilesPath': 'SEVADM_ADK_COMMON_FILES',
  'administration.companyPath': 'SEVADM_ADK_COMPANY',
  'administration.adkLibrary': 'SEVADM_ADK_LIBRARY',
  'administration.adkUser': 'SEVADM_ADK_USER',
  'administration.adkPassword': 'SEVADM_ADK_PASSWORD',
};

/** The connection as the settings screen shows it: secrets only as set / not set. */
export interface ConnectionView {
  values: Partial<Record<ConnectionField, string>>;
  secretsSet: Partial<Record<ConnectionField, boolean>>;
  /** Fields an environment variable overrides: shown, not editable here. */
  overridden: ConnectionField[];
}

/** Where a profile's (or the demo's) connection, mappings and transfer choices are kept. */
export interface ConfigurationStore {
  /** What the screen says about where this is saved. */
  readonly describe: string;
  /** False for the demo and a bare environment: their connection is fixed. */
  readonly connectionEditable: boolean;
  connection(): ConnectionView;
  /** Validates and saves one field; a bad value is refused naming the field and what is allowed. */
  setConnectionField(field: ConnectionField, value: string): void;
  mappings(): Mappings;
  saveMappings(mappings: Mappings): void;
  settings(): TransferSettings;
  saveSettings(settings: TransferSettings): void;
}

const FIELD_RULES: Record<ConnectionField, { schema: z.ZodType<string>; allowed: MessageKey }> = {
  'severa.baseUrl': {
    schema: z
      .string()
      .trim()
      .min(1)
      .refine((v) => {
        try {
          resolveSeveraBaseUrl(v);
          return true;
        } catch {
          return false;
        }
      }),
    allowed: 'refused.severaBaseUrl',
  },
  'severa.clientId': { schema: z.string().trim().min(1), allowed: 'refused.severaClientId' },
  'severa.clientSecret': { schema: z.string().trim().min(1), allowed: 'refused.severaClientSecret' },
  'administration.bridgeUrl': {
    schema: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+/)
      .refine((v) => !hasCredentials(v)),
    allowed: 'refused.bridgeUrl',
  },
  'administration.bridgeToken': { schema: z.string().trim().min(16), allowed: 'refused.bridgeToken' },
  'administration.commonFilesPath': { schema: z.string().trim().min(1), allowed: 'refused.commonFilesPath' },
  'administration.companyPath': { schema: z.string().trim().min(1), allowed: 'refused.companyPath' },
  'administration.adkLibrary': { schema: z.string().trim().min(1), allowed: 'refused.adkLibrary' },
  'administration.adkUser': { schema: z.string().trim().min(1), allowed: 'refused.adkUser' },
  'administration.adkPassword': { schema: z.string().min(1), allowed: 'refused.adkPassword' },
};

/** A field's value checked against its rule; the error names the field and what it takes. */
export function validateConnectionField(field: ConnectionField, value: string): string {
  const parsed = FIELD_RULES[field].schema.safeParse(value);
  if (!parsed.success) throw new SettingRefused(FIELD_RULES[field].allowed);
  return parsed.data.trim();
}

const fromEnvironment = (env: NodeJS.ProcessEnv, field: ConnectionField) =>
  (ENV_OF[field] ? env[ENV_OF[field]!]?.trim() : undefined) || undefined;

/** Each field from the environment, else from `stored`; secrets only as set or not. */
function connectionView(env: NodeJS.ProcessEnv, stored: (field: ConnectionField) => string | undefined): ConnectionView {
  const values: ConnectionView['values'] = {};
  const secretsSet: ConnectionView['secretsSet'] = {};
  for (const field of CONNECTION_FIELDS) {
    const value = fromEnvironment(env, field) ?? stored(field);
    if (SECRET_FIELDS.includes(field)) secretsSet[field] = Boolean(value);
    else if (value) values[field] = value;
  }
  return { values, secretsSet, overridden: CONNECTION_FIELDS.filter((f) => fromEnvironment(env, f)) };
}

/** The settings of a named profile in profiles.json. */
export class ProfileConfiguration implements ConfigurationStore {
  readonly connectionEditable = true;
  constructor(
    readonly name: string,
    private readonly store: ProfileStore = new ProfileStore(),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get describe(): string {
    return `profile ${this.name} in ${this.store.path}`;
  }

  private profile(): Profile {
    return this.store.read().profiles[this.name] ?? {};
  }

  connection(): ConnectionView {
    const p = this.profile();
    return connectionView(this.env, (field) => {
      const [side, key] = field.split('.') as ['severa' | 'administration', string];
      return (p[side] as Record<string, string | undefined> | undefined)?.[key];
    });
  }

  setConnectionField(field: ConnectionField, value: string): void {
    const clean = validateConnectionField(field, value);
    const p = this.profile();
    const [side, key] = field.split('.') as ['severa' | 'administration', string];
    this.store.put(this.name, { ...p, [side]: { ...(p[side] ?? {}), [key]: clean } });
  }

  mappings(): Mappings {
    return this.profile().mappings ?? DEMO_CUSTOMER_MAPPINGS;
  }

  saveMappings(mappings: Mappings): void {
    this.store.put(this.name, { ...this.profile(), mappings });
  }

  settings(): TransferSettings {
    return settingsFromStored(this.profile().defaults);
  }

  saveSettings(settings: TransferSettings): void {
    this.store.put(this.name, { ...this.profile(), defaults: settingsToStored(settings) });
  }
}

/** The demo's or a bare environment's settings.json: mappings and choices; the connection is fixed. */
export class FileConfiguration implements ConfigurationStore {
  readonly connectionEditable = false;
  constructor(
    private readonly file: string,
    private readonly fixedConnection: ConnectionView,
    private readonly defaultMappings: Mappings = DEMO_CUSTOMER_MAPPINGS,
  ) {}

  get describe(): string {
    return this.file;
  }

  connection(): ConnectionView {
    return this.fixedConnection;
  }

  setConnectionField(_field: ConnectionField, _value?: string): void {
    throw new SettingRefused('refused.fixed');
  }

  mappings(): Mappings {
    return readSettingsFile(this.file).mappings ?? this.defaultMappings;
  }

  saveMappings(mappings: Mappings): void {
    writeSettingsFile(this.file, { settings: this.settings(), mappings });
  }

  settings(): TransferSettings {
    return readSettingsFile(this.file).settings;
  }

  saveSettings(settings: TransferSettings): void {
    writeSettingsFile(this.file, { settings, mappings: readSettingsFile(this.file).mappings });
  }
}

/** The connection of the environment alone (no profile), for the screen. */
export function environmentConnectionView(env: NodeJS.ProcessEnv = process.env): ConnectionView {
  return connectionView(env, () => undefined);
}
