import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import type { Binding } from '../state/keymap.js';
import { fit } from '../text.js';

/** The commands of this screen and the app, narrowed as you type; one that is off here says why. */
export function CommandPalette({
  query,
  caretBack = 0,
  cursor,
  matches,
  height,
  width,
  t,
}: {
  query: string;
  /** The caret, counted from the end of the query. */
  caretBack?: number;
  cursor: number;
  /** Each command, its keys as the user's keyboard names them, and why it is off here (if it is). */
  matches: { binding: Binding; keys: string; off: string | undefined }[];
  height: number;
  width: number;
  t: Translate;
}) {
  const room = Math.max(1, height - 2);
  const at = Math.max(0, query.length - Math.min(caretBack, query.length));
  const start = Math.max(0, Math.min(cursor - room + 1, matches.length - room));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>
        {`${t('palette.title')}: `}
        <Text color="cyan">{query.slice(0, at)}</Text>
        <Text inverse>{query[at] ?? ' '}</Text>
        <Text color="cyan">{query.slice(at + 1)}</Text>
        <Text color="gray">{`  ${t('palette.placeholder')}`}</Text>
      </Text>
      {matches.length === 0 ? <Text color="gray">{t('palette.none')}</Text> : null}
      {matches.slice(start, start + room).map(({ binding, keys, off }, i) => (
        <Text key={binding.command} inverse={start + i === cursor} color={off ? 'gray' : undefined} wrap="truncate-end">
          {fit(`${fit(keys, 12)} ${t(binding.label)}${off ? ` (${off})` : ''}`, width)}
        </Text>
      ))}
    </Box>
  );
}
