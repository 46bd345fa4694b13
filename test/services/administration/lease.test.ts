import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { FileLease, LEASE_TTL_MS, MemoryLease } from '../../../src/services/administration/lease.js';
import { TEST_NOW } from '../../helpers/clock.js';

const request = (who: string, pid = process.pid) => ({ kind: 'invoices', who, host: hostname(), pid });

describe('the transfer lease', () => {
  for (const [name, make] of [
    [
      'in a file beside the company',
      (clock: ManualClock) => {
        const path = join(mkdtempSync(join(tmpdir(), 'sevadm-lease-')), 'company.lease');
        return [new FileLease(path, clock), new FileLease(path, clock)] as const;
      },
    ],
    [
      'in memory',
      (clock: ManualClock) => {
        const one = new MemoryLease(clock);
        return [one, one] as const;
      },
    ],
  ] as const) {
    it(`${name}: one holder at a time; renewed it holds; expired it is taken over, and the old holder learns it`, () => {
      const clock = new ManualClock(TEST_NOW);
      const [a, b] = make(clock);
      const first = a.take(request('anna@host'));
      expect(first.granted).toBe(true);
      const second = b.take(request('bo@host'));
      expect(second).toMatchObject({ granted: false, holder: { who: 'anna@host', kind: 'invoices' } });
      if (!first.granted) return;
      // Renewed before it expires, it still holds after the first expiry.
      clock.advance(LEASE_TTL_MS - 1000);
      expect(a.renew(first.token)).toBe(true);
      clock.advance(2000);
      expect(b.take(request('bo@host')).granted).toBe(false);
      // Not renewed for a whole TTL while another watched: taken over, and the takeover names whose it was.
      clock.advance(LEASE_TTL_MS);
      const took = b.take(request('bo@host'));
      expect(took).toMatchObject({ granted: true, tookOverFrom: { who: 'anna@host' } });
      expect(a.renew(first.token)).toBe(false);
      // Released, the next taker gets it at once.
      if (took.granted) b.release(took.token);
      expect(a.take(request('anna@host')).granted).toBe(true);
    });
  }

  it("judges a holder by what this process saw, not by another machine's clock; long abandoned, it is taken at once", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sevadm-lease-')), 'company.lease');
    // The holder's clock runs three minutes behind ours: its expiry is past by our clock…
    const theirs = new ManualClock(Date.parse(TEST_NOW) - 3 * 60_000);
    const ours = new ManualClock(TEST_NOW);
    const held = new FileLease(path, theirs).take({ ...request('anna@far'), host: 'elsewhere' });
    expect(held.granted).toBe(true);
    // …yet, renewed, it holds.
    const watcher = new FileLease(path, ours);
    expect(watcher.take(request('bo@host')).granted).toBe(false);
    theirs.advance(10_000);
    ours.advance(10_000);
    if (held.granted) new FileLease(path, theirs).renew(held.token);
    ours.advance(LEASE_TTL_MS - 5000);
    expect(watcher.take(request('bo@host')).granted).toBe(false);
    // Abandoned for longer than any clock skew: a newcomer takes it without watching first.
    ours.advance(60 * 60_000);
    expect(new FileLease(path, ours).take(request('cy@host'))).toMatchObject({ granted: true, tookOverFrom: { who: 'anna@far' } });
  });

  it('a lease whose process is gone on this host is taken over at once, whatever its expiry', () => {
    const clock = new ManualClock(TEST_NOW);
    const path = join(mkdtempSync(join(tmpdir(), 'sevadm-lease-')), 'company.lease');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = new FileLease(path, clock).take(request('ghost@host', gone));
    expect(dead.granted).toBe(true);
    const took = new FileLease(path, clock).take(request('bo@host'));
    expect(took).toMatchObject({ granted: true, tookOverFrom: { pid: gone } });
    // A damaged lease file is no lease.
    writeFileSync(path, '{"half');
    expect(new FileLease(path, clock).take(request('cy@host')).granted).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).who).toBe('cy@host');
  });
});
