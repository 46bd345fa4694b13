/**
 * Text from outside (Severa, the bridge, the ADK, files) as it may reach a terminal: escape sequences and other
 * control characters out, so no answer can clear, recolour or retitle the user's screen. Line breaks and tabs
 * become spaces where the text is shown on one line anyway.
 */
export function printable(text: string): string {
  // ESC and CSI sequences first (so their parameters go too), then any control character left: these
  // patterns are about control characters, so the lint rule against them does not apply.
  /* eslint-disable no-control-regex */
  return text
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '')
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  /* eslint-enable no-control-regex */
}

/** Pads or cuts text to exactly `width` columns, ending a cut with …. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const clean = printable(text).replace(/[\r\n\t]+/g, ' ');
  if (clean.length <= width) return clean.padEnd(width);
  return width === 1 ? '…' : clean.slice(0, width - 1) + '…';
}

/** As fit, lined up on the right (amounts). */
export function fitRight(text: string, width: number): string {
  const cut = fit(text, width);
  return text.length <= width ? cut.trimEnd().padStart(width) : cut;
}

/** Splits `total` columns between weighted columns, each at least its minimum. */
export function columnWidths(total: number, weights: number[], mins: number[] = []): number[] {
  const min = (i: number) => mins[i] ?? 3;
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, i) => Math.max(min(i), Math.floor((total * w) / sum)));
  let rest = total - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]!++;
  // Too wide: take from columns above their minimum first (the widest of them), then from any.
  while (rest < 0) {
    const flexible = widths.map((w, i) => (w > min(i) ? w : -1));
    const pool = Math.max(...flexible) > 0 ? flexible : widths;
    const widest = pool.indexOf(Math.max(...pool));
    if (widths[widest]! <= 1) break;
    widths[widest]!--;
    rest++;
  }
  return widths;
}

/** Breaks text into lines of at most `width` columns, at spaces where it can, never dropping a character. */
export function wrapText(text: string, width: number): string[] {
  const clean = printable(text).replace(/[\r\n\t]+/g, ' ');
  if (width <= 0 || clean.length <= width) return [clean];
  const lines: string[] = [];
  let rest = clean;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  if (rest) lines.push(rest);
  return lines;
}

/** A URL as it may be shown: without a user name or password in it. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//');
  }
}

/** True when the URL carries a user name or password (which would then be shown and logged). */
export function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return Boolean(u.username || u.password);
  } catch {
    return /\/\/[^/@\s]*@/.test(url);
  }
}
