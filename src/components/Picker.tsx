import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';

/** A list to choose one from (invoice statuses, mapping codes); long lists scroll with the cursor. */
export function Picker({
  title,
  options,
  cursor,
  height,
  t,
}: {
  title: string;
  options: string[];
  cursor: number;
  height: number;
  t: Translate;
}) {
  const room = Math.max(1, height - 4);
  const top = Math.min(Math.max(0, cursor - room + 1), Math.max(0, options.length - room));
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold wrap="truncate-end">
        {options.length > room ? `${title}  (${cursor + 1}/${options.length})` : title}
      </Text>
      {options.slice(top, top + room).map((name, i) => (
        <Text key={`${top + i}-${name}`} inverse={top + i === cursor} wrap="truncate-end">{` ${name} `}</Text>
      ))}
      <Text color="gray">{t('picker.hint')}</Text>
    </Box>
  );
}
