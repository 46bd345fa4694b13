import { Box, Text } from 'ink';
import type { Translate } from '../i18n/index.js';
import { TABS, type TabId } from '../state/app.js';

export function tabLabel(tab: TabId, t: Translate): string {
  return t(`tab.${tab}`);
}

export function TabBar({ tab, demo, width, t }: { tab: TabId; demo: boolean; width: number; t: Translate }) {
  // Narrow terminals: the other tabs shrink to their number and a few letters.
  const narrow = width < 100;
  return (
    <Box>
      <Box flexGrow={1}>
        <Text wrap="truncate-end">
          {TABS.map((id, i) => (
            <Text
              key={id}
              inverse={id === tab}
              bold={id === tab}
            >{` ${i + 1} ${narrow && id !== tab ? `${tabLabel(id, t).slice(0, 4)}.` : tabLabel(id, t)} `}</Text>
          ))}
        </Text>
      </Box>
      {demo ? <Text color="black" backgroundColor="yellow">{` ${t('conn.demo')} `}</Text> : null}
    </Box>
  );
}
