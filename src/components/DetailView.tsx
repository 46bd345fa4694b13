import { Box, Text } from 'ink';
import React from 'react';
import type { Translate } from '../i18n/index.js';
import type { RowStatus } from '../services/transfer/engine.js';
import type { Row } from '../state/list.js';
import type { Column } from './WindowedTable.js';
import { statusText } from './WindowedTable.js';
import { fit } from './text.js';

/** The whole row: every column, and the full error text a status column can only begin. */
export function DetailView({ row, columns, status, height, t }: { row: Row; columns: Column[]; status: RowStatus | undefined; height: number; t: Translate }) {
  const s = statusText(status, t, 0);
  const detail = status?.kind === 'error' ? status.detail ?? status.message : undefined;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`${t('detail.title')} — ${t('detail.close')}`}</Text>
      {columns.map((c, i) => (
        <Text key={c.header}>{fit(c.header, 12)} {row.cells[i] ?? ''}</Text>
      ))}
      {s.text ? <Text color={s.color}>{fit(t('col.status'), 12)} {s.text}</Text> : null}
      {detail ? <Text color="red" wrap="wrap">{detail}</Text> : null}
    </Box>
  );
}
