import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { summaryText } from '../../src/i18n/summary.js';

describe("a transfer's summary", () => {
  it('agrees with each count, in Swedish too', () => {
    const one = { transferred: 1, updated: 1, skipped: 1, failed: 1, cancelled: 1 };
    const two = { transferred: 2, updated: 0, skipped: 3, failed: 2, cancelled: 0 };
    expect(summaryText(translator('sv'), one)).toBe('Klart: 1 överförd, 1 uppdaterad, 1 överhoppad, 1 misslyckad, 1 avbruten');
    expect(summaryText(translator('sv'), two)).toBe('Klart: 2 överförda, 0 uppdaterade, 3 överhoppade, 2 misslyckade');
    expect(summaryText(translator('en'), two)).toBe('Done: 2 transferred, 0 updated, 3 skipped, 2 failed');
  });
});
