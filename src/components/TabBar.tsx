import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import { TABS, type TabId } from '../state/app.js';

export function tabLabel(tab: TabId, t: Translate): string {
  return t(`tab.${tab}`);
}

export function TabBar({ tab, demo, width, t }: { tab: TabId; demo: boolean; width: number; t: Translate }) {
  // When the whole names do not fit, the other tabs shrink to their number and a short form ("Inst."), never
  // a name cut mid-word.
  const badge = demo ? t('conn.demo').length + 2 : 0;
  const whole = TABS.reduce((n, id, i) => n + ` ${i + 1} ${tabLabel(id, t)} `.length, 0);
  const narrow = whole > width - badge;
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
