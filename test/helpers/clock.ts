/**
 * The day the whole suite runs on, whatever the system clock says: test/setup.ts pins the program's
 * clock to it (SEVADM_NOW), and the pty tests hand it to the app they start.
 */
export const TEST_NOW = '2026-11-28T12:00:00Z';
export const TEST_NOW_MS = Date.parse(TEST_NOW);
