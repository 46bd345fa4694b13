import { Box } from 'ink';
import { Text } from './Text.js';
import { isMessageKey, type MessageKey, type Translate } from '../i18n/index.js';
import type { RowStatus } from '../services/transfer/engine.js';
import type { Row } from '../state/list.js';
import type { Column } from './WindowedTable.js';
import { statusText } from './WindowedTable.js';
import { fit } from '../text.js';

/** The whole row: every column, and the full error text a status column can only begin. */
export function DetailView({
  row,
  columns,
  record,
  status,
  height,
  t,
}: {
  row: Row;
  columns: Column[];
  record?: [string, string][];
  status: RowStatus | undefined;
  height: number;
  t: Translate;
}) {
  const fields: [string, string][] = record && record.length ? record : columns.map((c, i) => [c.header, row.cells[i] ?? '']);
  const s = statusText(status, t, 0);
  const detail = status?.kind === 'error' ? (status.detail ?? status.message) : undefined;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`${t('detail.title')} — ${t('detail.close')}`}</Text>
      {fields.slice(0, Math.max(1, height - 4)).map(([label, value]) => (
        <Text key={label} wrap="truncate-end">
          {fit(isMessageKey(`field.${label}`) ? t(`field.${label}` as MessageKey) : label, 20)} {value}
        </Text>
      ))}
      {s.text ? (
        <Text color={s.color}>
          {fit(t('col.status'), 12)} {s.text}
        </Text>
      ) : null}
      {detail ? (
        <Text color="red" wrap="wrap">
          {detail}
        </Text>
      ) : null}
    </Box>
  );
}
