import { Box, Text } from 'ink';
import type { Translate } from '../i18n/index.js';
import { KEYMAP } from '../state/keymap.js';
import { fit } from './text.js';

/** Every binding of the keymap, in columns that fit the height. */
export function HelpOverlay({ height, width, t }: { height: number; width: number; t: Translate }) {
  const perColumn = Math.max(1, height - 2);
  const columns = Math.ceil(KEYMAP.length / perColumn);
  const colWidth = Math.floor(width / columns);
  const lines = Array.from({ length: Math.min(perColumn, KEYMAP.length) }, (_, row) =>
    Array.from({ length: columns }, (_, col) => {
      const b = KEYMAP[col * perColumn + row];
      return b ? fit(`${fit(b.display, 10)} ${t(b.label)}`, colWidth) : '';
    }).join(''),
  );
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`${t('help.title')} — ${t('help.close')}`}</Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
