/**
 * Text of characters one column wide that are each a grapheme of their own, and colour codes: ASCII, Latin-1 and
 * Latin Extended-A/B (Swedish names), the punctuation, arrows, box drawing and shapes the app draws with. The test
 * checks each character against string-width. U+00AD (soft hyphen) is left out: it takes no column.
 */
// eslint-disable-next-line no-control-regex -- colour codes begin with ESC
export const PLAIN = /^(?:[\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc]|\x1b\[[0-9;]*m)*$/;

/** The colour codes in a text. */
// eslint-disable-next-line no-control-regex -- colour codes begin with ESC
export const COLOUR_CODES = /\x1b\[[0-9;]*m/g;
