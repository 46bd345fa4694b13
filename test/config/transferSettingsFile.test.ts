import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettingsFile, writeSettingsFile } from '../../src/config/transferSettingsFile.js';
import type { TransferSettings } from '../../src/services/transfer/settings.js';

const readTransferSettings = (file: string) => readSettingsFile(file).settings;
const writeTransferSettings = (file: string, settings: TransferSettings) => writeSettingsFile(file, { settings, mappings: undefined });
import { DEMO_TRANSFER_SETTINGS } from '../../src/services/transfer/settings.js';

describe('remembered transfer settings', () => {
  it('defaults without a file, and reads back what was written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-settings-')), 'settings.json');
    expect(readTransferSettings(file)).toEqual(DEMO_TRANSFER_SETTINGS);
    writeTransferSettings(file, { ...DEMO_TRANSFER_SETTINGS, afterTransferStatus: 'Sent' });
    expect(readTransferSettings(file).afterTransferStatus).toBe('Sent');
    writeTransferSettings(file, { ...DEMO_TRANSFER_SETTINGS, afterTransferStatus: undefined });
    expect(readTransferSettings(file).afterTransferStatus).toBeUndefined();
  });

  it('a broken file is an error naming the file and the key, and is left as it was', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-settings-')), 'settings.json');
    writeFileSync(file, '{"invoiceNumberPolicy": "both"}');
    expect(() => readTransferSettings(file)).toThrow(/settings\.json: "invoiceNumberPolicy"/);
    expect(readFileSync(file, 'utf8')).toBe('{"invoiceNumberPolicy": "both"}');
  });
});
