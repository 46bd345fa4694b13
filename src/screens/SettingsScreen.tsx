import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { Picker } from '../components/Picker.js';
import { fit } from '../text.js';
import { withCaret } from '../state/textEdit.js';
import type { Translate } from '../i18n/index.js';
import { type AppState, tableHeight } from '../state/app.js';
import { currentLine } from '../state/settings.js';
import { settingsRows } from '../state/settingsRows.js';

const TONE = { ok: 'green', error: 'red', dim: 'gray' } as const;

/** The settings tab: connection, statuses, choices and mappings as lines; Enter edits the line under the cursor. */
export function SettingsScreen({ state, t }: { state: AppState; t: Translate }) {
  const s = state.settings;
  const width = state.size.columns;
  const height = tableHeight(state);
  const rows = settingsRows(s.view, t, s.loading);
  const line = currentLine(s, rows);
  if (s.picking && line?.edit?.kind === 'pick') {
    return (
      <Picker
        title={line.label.trim()}
        options={line.edit.options.map((o) => o.label)}
        cursor={s.picking.cursor}
        height={height + 2}
        t={t}
      />
    );
  }
  const header = s.setup
    ? t('settings.setupGuide', { profile: state.profile ?? '' })
    : s.view
      ? t('settings.where', { where: s.view.describe })
      : '';
  const labelWidth = Math.min(34, Math.max(14, Math.floor(width * 0.34)));
  const valueWidth = Math.max(10, width - labelWidth - 3);
  // A value cut short at this width is shown whole on the bottom line while the cursor is on it.
  const whole = line && line.value.length > valueWidth && !s.editing ? line.value : '';
  const footer = s.saving ? '…' : s.loading && s.view ? t('settings.fetching') : (s.message?.text ?? whole);
  return (
    <Box flexDirection="column" height={height + 2}>
      <Text color={s.setup ? 'cyan' : 'gray'} wrap="truncate-end">{` ${header}`}</Text>
      <Box flexDirection="column" height={height}>
        {rows.slice(s.offset, s.offset + height).map((row, i) => {
          const index = s.offset + i;
          if (row.kind === 'section') return <Text key={index} bold underline wrap="truncate-end">{` ${row.label}`}</Text>;
          const here = index === s.cursor;
          if (row.value === '') {
            return (
              <Text
                key={index}
                inverse={here}
                color={here ? undefined : row.tone ? TONE[row.tone] : undefined}
                wrap="truncate-end"
              >{` ${fit(row.label, width - 2)}`}</Text>
            );
          }
          if (here && s.editing && row.edit?.kind === 'text') {
            const shown = withCaret(row.edit.secret ? '•'.repeat(s.editing.draft.length) : s.editing.draft, s.editing.back ?? 0);
            return (
              <Text key={index} wrap="truncate-end">
                {` ${fit(row.label, labelWidth)} `}
                <Text inverse>{fit(shown.slice(-(valueWidth - 1)), valueWidth)}</Text>
              </Text>
            );
          }
          return (
            <Text key={index} inverse={here} wrap="truncate-end">
              {` ${fit(row.label, labelWidth)} `}
              <Text color={here ? undefined : row.tone ? TONE[row.tone] : undefined}>{fit(row.value, valueWidth)}</Text>
            </Text>
          );
        })}
      </Box>
      {/* A refusal is shown whole: it names the setting and what it takes. */}
      <Text color={s.message?.error ? 'red' : s.message ? 'green' : undefined} wrap={s.message?.error ? 'wrap' : 'truncate-end'}>
        {` ${footer}`}
      </Text>
    </Box>
  );
}
