import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ClockSettingError, clockFrom, daysBefore, defaultDates, localDay, processClock, systemClock } from '../src/clock.js';

describe('the one clock', () => {
  it('SEVADM_NOW pins the program to a day or an instant, running on from there', async () => {
    const pinned = processClock({ SEVADM_NOW: '2027-09-15T10:00:00Z' });
    const first = pinned.now();
    expect(first - Date.parse('2027-09-15T10:00:00Z')).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(pinned.now()).toBeGreaterThan(first);
    expect(localDay(processClock({ SEVADM_NOW: '2026-02-10' }).now())).toBe('2026-02-10');
    expect(processClock({})).toBe(systemClock);
  });

  it('refuses a SEVADM_NOW that is no date, naming the variable and what it takes', () => {
    for (const bad of ['tomorrow', '2026-13-01', '15/09/2027', '2027-09-15T25:00']) {
      expect(() => processClock({ SEVADM_NOW: bad })).toThrow(ClockSettingError);
    }
    expect(() => processClock({ SEVADM_NOW: 'tomorrow' })).toThrow(
      /SEVADM_NOW is "tomorrow": it takes a date \(YYYY-MM-DD\) or a date-time/,
    );
  });

  it('sevadm exits 2 with that message on a bad SEVADM_NOW, before anything starts', () => {
    const run = spawnSync(process.execPath, ['bin/sevadm.js', 'history', '--demo'], {
      env: { ...process.env, SEVADM_NOW: 'soon' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sevadm: SEVADM_NOW is "soon"');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('the default dates count 30 calendar days back, across month ends, leap days and DST', () => {
    expect(defaultDates(Date.parse('2026-12-01T19:00:00'))).toEqual({ since: '2026-11-01', until: '2026-12-01' });
    expect(defaultDates(Date.parse('2028-03-30T00:30:00'))).toEqual({ since: '2028-02-29', until: '2028-03-30' });
    expect(daysBefore(Date.parse('2026-03-30T00:30:00'), 1)).toBe('2026-03-29');
    // From an earlier reference (the demo's day) up to today; a later one is ignored.
    expect(defaultDates(Date.parse('2027-01-30T10:00:00'), Date.parse('2026-12-01T10:00:00'))).toEqual({
      since: '2026-11-01',
      until: '2027-01-30',
    });
    expect(defaultDates(Date.parse('2026-12-01T10:00:00'), Date.parse('2027-01-30T10:00:00'))).toEqual({
      since: '2026-11-01',
      until: '2026-12-01',
    });
    expect(localDay(clockFrom('2026-06-01T12:00:00').now())).toBe('2026-06-01');
  });
});
