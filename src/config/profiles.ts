import Conf from 'conf';
import { statSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { ProductType } from '../services/severa/schemas/index.js';
import { Mappings } from '../services/transfer/mappings.js';

const Text = z.string().trim().min(1);

export const Profile = z.object({
  severa: z
    .object({
      /** production, stage, or a base URL (all three may be filled in one by one in sevadm setup) */
      baseUrl: Text.optional(),
      clientId: Text.optional(),
      clientSecret: Text.optional(),
    })
    .optional(),
  administration: z
    .object({
      bridgeUrl: z.url({ protocol: /^https?$/ }).optional(),
      bridgeToken: z.string().min(16).optional(),
      /** The ADK on Windows: Gemensamma filer, the company folder, Adk.dll (else the registry's), login if on. */
      commonFilesPath: Text.optional(),
      companyPath: Text.optional(),
      adkLibrary: Text.optional(),
      adkUser: Text.optional(),
      adkPassword: z.string().min(1).optional(),
    })
    .optional(),
  mappings: Mappings.optional(),
  defaults: z
    .object({
      /** The status whose invoices the Invoices tab lists first. */
      invoiceStatusToTransfer: Text,
      invoiceNumberPolicy: z.enum(['severa', 'administration']),
      afterTransferStatus: Text.nullable(),
      paidStatus: Text,
      supplierProductType: ProductType,
      supplierBillable: z.boolean(),
      supplierMarkupPercent: z.number().min(0).max(1000),
      invoiceStatusPath: z.string().regex(/^(\/[A-Za-z0-9]+)+$/),
    })
    .partial()
    .optional(),
});
export type Profile = z.infer<typeof Profile>;

/** What a profile may be called: 1–40 letters, digits, . _ or -, and none of the names every object has. */
const NAME = /^[\w.-]{1,40}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);
export const PROFILE_NAME_RULE = 'a profile name is 1–40 letters, digits, . _ or - (and not __proto__, constructor or prototype)';
export const ProfileName = z.string().refine((n) => NAME.test(n) && !RESERVED.has(n), PROFILE_NAME_RULE);

/** The name, or a UsageError saying what a name may be. */
export function checkProfileName(name: string): string {
  if (!ProfileName.safeParse(name).success) throw new UsageError(`profile name "${name}": ${PROFILE_NAME_RULE}`);
  return name;
}

export const ProfilesFile = z.object({
  profiles: z.record(ProfileName, Profile).default({}),
  defaultProfile: z.string().optional(),
});
export type ProfilesFile = z.infer<typeof ProfilesFile>;

/** The config file with every client company's profile; written owner-only (0600). */
export class ProfileStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(options: { cwd?: string } = {}) {
    try {
      this.conf = new Conf({
        projectName: 'sevadm',
        projectSuffix: '',
        configName: 'profiles',
        cwd: options.cwd,
        configFileMode: 0o600,
        clearInvalidConfig: false,
      });
    } catch (error) {
      // conf throws on malformed JSON; the file is left exactly as it is.
      throw new UsageError(`the profiles file is not valid JSON (${(error as Error).message}); fix it or move it away`);
    }
  }

  get path(): string {
    return this.conf.path;
  }

  /** The validated file; a hand-edit that breaks the rules names the file, the key and what is allowed. */
  read(): ProfilesFile {
    // conf makes an object of whatever the file holds: look at the file itself first.
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      raw = undefined;
    }
    if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw)))
      throw new UsageError(
        `${this.path} must hold an object {"profiles": {…}}, not ${Array.isArray(raw) ? 'an array' : typeof raw}; fix it or move it away`,
      );
    const parsed = ProfilesFile.safeParse(this.conf.store);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${this.path}: "${issue.path.join('.')}" ${issue.message}; fix it or remove the key (the file was not changed)`);
  }

  /** Others can read the file (it may hold secrets): worth a warning. */
  readableByOthers(): boolean {
    try {
      return process.platform !== 'win32' && (statSync(this.path).mode & 0o077) !== 0;
    } catch {
      return false;
    }
  }

  get(name: string): Profile {
    const file = this.read();
    const profile = file.profiles[name];
    if (!profile)
      throw new UsageError(
        `no profile "${name}"; there are: ${Object.keys(file.profiles).join(', ') || '(none yet: sevadm profile add NAME …)'}`,
      );
    return profile;
  }

  /** The profile to use when none is named: the default, or the only one. */
  defaultName(): string | undefined {
    const file = this.read();
    const names = Object.keys(file.profiles);
    if (file.defaultProfile && !names.includes(file.defaultProfile))
      throw new UsageError(
        `${this.path}: defaultProfile "${file.defaultProfile}" names no profile; there are: ${names.join(', ') || '(none)'} (sevadm profile default NAME sets it)`,
      );
    return file.defaultProfile ?? (names.length === 1 ? names[0] : undefined);
  }

  put(name: string, profile: Profile): void {
    const file = this.read();
    const next = ProfilesFile.parse({ ...file, profiles: { ...file.profiles, [name]: Profile.parse(profile) } });
    this.conf.store = next as unknown as Record<string, unknown>;
  }

  remove(name: string): void {
    const file = this.read();
    if (!file.profiles[name]) throw new UsageError(`no profile "${name}"`);
    const { [name]: _gone, ...rest } = file.profiles;
    this.conf.store = {
      ...file,
      profiles: rest,
      defaultProfile: file.defaultProfile === name ? undefined : file.defaultProfile,
    } as unknown as Record<string, unknown>;
  }

  setDefault(name: string): void {
    this.get(name);
    this.conf.store = { ...this.read(), defaultProfile: name } as unknown as Record<string, unknown>;
  }
}
