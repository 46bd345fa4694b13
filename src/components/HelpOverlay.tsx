import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import { fit } from '../text.js';

export interface HelpGroup {
  title: string;
  bindings: { display: string; text: string }[];
}

/** The keys of where the keyboard is, group by group (from the keymap), in columns that fit the height. */
export function HelpOverlay({ groups, height, width, t }: { groups: HelpGroup[]; height: number; width: number; t: Translate }) {
  const perColumn = Math.max(1, height - 2);
  const lines: { text: string; heading: boolean }[] = groups.flatMap((g) => [
    { text: g.title, heading: true },
    ...g.bindings.map((b) => ({ text: `${fit(b.display, 11)} ${b.text}`, heading: false })),
  ]);
  const columns = Math.ceil(lines.length / perColumn);
  const colWidth = Math.floor(width / columns);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`${t('help.title')} — ${t('help.close')}`}</Text>
      {Array.from({ length: Math.min(perColumn, lines.length) }, (_, row) => (
        <Text key={row} wrap="truncate-end">
          {Array.from({ length: columns }, (_, col) => {
            const line = lines[col * perColumn + row];
            return line ? (
              <Text key={col} bold={line.heading} color={line.heading ? 'cyan' : undefined}>
                {fit(line.text, colWidth)}
              </Text>
            ) : null;
          })}
        </Text>
      ))}
    </Box>
  );
}
