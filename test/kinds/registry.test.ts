import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { sv } from '../../src/i18n/sv.js';
import { KIND_NAMES, KINDS, LIST_IDS, listOf, listsOf } from '../../src/kinds/index.js';
import { KEYMAP } from '../../src/state/keymap.js';
import { TABS } from '../../src/state/tabs.js';

describe('the kinds registry', () => {
  it('names each list once; a kind has at most one list per side', () => {
    expect(new Set(LIST_IDS).size).toBe(LIST_IDS.length);
    for (const name of KIND_NAMES) {
      const sides = listsOf(name).map((id) => KINDS.find((k) => k.list === id)!.source);
      expect(new Set(sides).size).toBe(sides.length);
    }
    expect(listOf('customers', 'administration')).toBe('administration-customers');
    expect(listOf('invoices', 'administration')).toBeUndefined();
  });

  it('every text a kind shows is in both catalogues: its tab, title, empty text, columns and name', () => {
    for (const kind of KINDS) {
      const keys = [
        kind.title,
        kind.empty,
        `tab.${kind.name}`,
        `tabShort.${kind.name}`,
        `kind.${kind.name}`,
        ...(kind.dateLabel ? [kind.dateLabel] : []),
        ...kind.columns.map((c) => c.header),
      ];
      for (const key of keys) {
        expect(en, `${kind.list}: ${key}`).toHaveProperty([key]);
        expect(sv, `${kind.list}: ${key}`).toHaveProperty([key]);
      }
    }
  });

  it('the tabs follow the kinds, each with its number key in the keymap', () => {
    expect(TABS).toEqual([...KIND_NAMES, 'history', 'settings', 'compare']);
    TABS.forEach((tab, i) => expect(KEYMAP.find((b) => b.command === `tab${i + 1}`)?.label).toBe(`tab.${tab}`));
  });

  it('every binding is described in both languages, and its hint words too', () => {
    for (const b of KEYMAP) {
      for (const key of [b.label, ...(b.short ? [b.short] : [])]) {
        expect(en, `${b.context} ${b.command}`).toHaveProperty([key]);
        expect(sv, `${b.context} ${b.command}`).toHaveProperty([key]);
      }
    }
  });
});
