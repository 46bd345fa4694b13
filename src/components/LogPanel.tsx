import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import type { LogEntry } from '../state/app.js';

const COLOR = { info: undefined, warn: 'yellow', error: 'red' } as const;

export function LogPanel({ log, height, t }: { log: LogEntry[]; height: number; t: Translate }) {
  const shown = log.slice(-height);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold color="gray">{`── ${t('log.title')} ──`}</Text>
      {shown.length === 0 ? <Text color="gray">{t('log.empty')}</Text> : null}
      {shown.map((entry, i) => (
        <Text key={i} color={COLOR[entry.level]} wrap="truncate-end">{`${entry.time} ${entry.text}`}</Text>
      ))}
    </Box>
  );
}
