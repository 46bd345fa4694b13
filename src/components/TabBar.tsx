import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import { TABS, type TabId } from '../state/app.js';

export function tabLabel(tab: TabId, t: Translate): string {
  return t(`tab.${tab}`);
}

/** How much of each tab's name is shown: whole, the catalogue's short form, or its number alone. */
type TabFit = 'whole' | 'short' | 'number';

function tabText(id: TabId, i: number, fitted: TabFit, t: Translate): string {
  if (fitted === 'whole') return ` ${i + 1} ${tabLabel(id, t)} `;
  // Short forms sit one space apart, so seven of them and a long active name fit 80 columns.
  if (fitted === 'short') return ` ${i + 1} ${t(`tabShort.${id}`)}`;
  return ` ${i + 1} `;
}

/** The widest form that fits: the active tab always whole, the others whole, short, or as their number. */
export function tabFit(active: TabId, width: number, t: Translate): TabFit {
  for (const fitted of ['whole', 'short', 'number'] as const) {
    const used = TABS.reduce((n, id, i) => n + tabText(id, i, id === active ? 'whole' : fitted, t).length, 0);
    if (used <= width) return fitted;
  }
  return 'number';
}

export function TabBar({ tab, demo, width, t }: { tab: TabId; demo: boolean; width: number; t: Translate }) {
  // When the whole names do not fit, the other tabs shrink to a short form a user knows ("Inst.", "Fakt."),
  // then to their number: never a name cut mid-word.
  const badge = demo ? t('conn.demo').length + 2 : 0;
  const fitted = tabFit(tab, width - badge, t);
  return (
    <Box>
      <Box flexGrow={1}>
        <Text wrap="truncate-end">
          {TABS.map((id, i) => (
            <Text key={id} inverse={id === tab} bold={id === tab}>
              {tabText(id, i, id === tab ? 'whole' : fitted, t)}
            </Text>
          ))}
        </Text>
      </Box>
      {demo ? <Text color="black" backgroundColor="yellow">{` ${t('conn.demo')} `}</Text> : null}
    </Box>
  );
}
