import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import type { DetailLine } from '../kinds/details.js';
import type { RowStatus } from '../services/transfer/engine.js';
import { statusText } from '../kinds/statusText.js';
import { fit, wrapText } from '../text.js';

const LABEL_WIDTH = 22;

/**
 * The whole record, labelled in the user's language, one field per line (a supplier invoice's rows one per
 * line too), and the row's result: a failure's whole text once, wrapped, never cut.
 */
export function DetailView({
  lines,
  status,
  height,
  width,
  t,
}: {
  lines: DetailLine[];
  status: RowStatus | undefined;
  height: number;
  width: number;
  t: Translate;
}) {
  const valueWidth = Math.max(10, width - LABEL_WIDTH - 1);
  const wrapped = lines.flatMap(([label, value]) =>
    wrapText(value, valueWidth).map((part, i) => `${fit(i === 0 ? label : '', LABEL_WIDTH)} ${part}`),
  );
  const s = statusText(status, t, 0);
  // A failure shows its whole explanation (the status column can only begin it), and only once.
  const result = status?.kind === 'error' ? t('status.error', { message: status.detail ?? status.message }) : s.text ? s.text : undefined;
  const resultLines = result
    ? result
        .split('\n')
        .flatMap((part) => wrapText(part, valueWidth))
        .map((part, i) => `${fit(i === 0 ? t('detail.result') : '', LABEL_WIDTH)} ${part}`)
    : [];
  // Title, and the result below the fields; what does not fit says how much is left out.
  const room = Math.max(1, height - 1 - resultLines.length);
  const cut = wrapped.length > room;
  const shown = cut ? wrapped.slice(0, room - 1) : wrapped;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`${t('detail.title')} — ${t('detail.close')}`}</Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {cut ? <Text dimColor>{t('detail.more', { count: wrapped.length - shown.length })}</Text> : null}
      {resultLines.map((line, i) => (
        <Text key={`r${i}`} color={s.color} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
