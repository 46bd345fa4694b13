/**
 * Countries by their ISO 3166 code. Severa names a head-office country in English ("Sweden"), Administration keeps
 * a code and a Swedish name ("SE", "Sverige"): the code is what is compared, the name what is shown.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const names = { en: new Intl.DisplayNames(['en'], { type: 'region' }), sv: new Intl.DisplayNames(['sv'], { type: 'region' }) };

let byName: Map<string, string> | undefined;

function index(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const a of LETTERS)
    for (const b of LETTERS) {
      const code = a + b;
      for (const dn of [names.en, names.sv]) {
        const name = dn.of(code);
        if (name && name !== code) byName.set(name.toLowerCase(), code);
      }
    }
  return byName;
}

/** "Sweden", "Sverige" or "SE" → "SE"; undefined for what is no country. */
export function countryCode(nameOrCode: string | null | undefined): string | undefined {
  const text = nameOrCode?.trim();
  if (!text) return undefined;
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return index().get(text.toLowerCase());
}

/** The country's name in Swedish, as Administration shows it: "SE" → "Sverige". */
export function swedishCountryName(code: string): string {
  return names.sv.of(code) ?? code;
}
