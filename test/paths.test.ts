import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataDir } from '../src/paths.js';

describe('a data directory', () => {
  it.skipIf(process.platform === 'win32')('is refused, naming the option, on a kernel file system or where a file stands', () => {
    expect(() => checkDataDir('/proc/self/sevadm')).toThrow('--data-dir /proc/self/sevadm is on a kernel file system (proc)');
    expect(() => checkDataDir('/sys/sevadm')).toThrow(/kernel file system \(sys\)/);
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-dir-')), 'a-file');
    writeFileSync(file, '');
    expect(() => checkDataDir(join(file, 'demo'))).toThrow(`${file} is a file, not a directory`);
    const fine = join(mkdtempSync(join(tmpdir(), 'sevadm-dir-')), 'new', 'demo');
    expect(checkDataDir(fine)).toBe(fine);
  });
});
