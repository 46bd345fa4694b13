import { Box, Text } from 'ink';
import { isMessageKey, type Translate } from '../i18n/index.js';
import type { ConflictPrompt, Side } from '../state/app.js';
import { fit } from '../text.js';

/** Both versions side by side, the fields an update would change marked; Update / Skip and the remaining-N box. */
export function ConflictDialog({
  conflict,
  hints,
  height,
  width,
  t,
}: {
  conflict: ConflictPrompt;
  hints: string;
  height: number;
  width: number;
  t: Translate;
}) {
  const target: Side = conflict.source === 'severa' ? 'administration' : 'severa';
  const sourceName = t(`conn.${conflict.source}`);
  const targetName = t(`conn.${target}`);
  const labelWidth = Math.min(22, Math.floor(width * 0.25));
  // Inside the border and padding (4 columns), with two gaps of two.
  const valueWidth = Math.floor((width - 4 - labelWidth - 4) / 2);
  const rows = conflict.view.fields.slice(0, Math.max(1, height - 6));
  const label = (key: string) => {
    const k = `field.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
  // Yes/no fields in the user's language.
  const value = (v: string) => (v === 'yes' ? t('yes') : v === 'no' ? t('no') : v);
  const button = (which: 'update' | 'skip') => (
    <Text
      inverse={conflict.choice === which}
      bold={conflict.choice === which}
    >{` ${t(which === 'update' ? 'conflict.update' : 'conflict.skip')} `}</Text>
  );
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold wrap="truncate-end">
        {t('conflict.title', { target: targetName, record: conflict.view.title })}
      </Text>
      <Text color="gray" wrap="truncate-end">
        {fit(t('conflict.field'), labelWidth)} {fit(t('conflict.incoming', { source: sourceName }), valueWidth)}{' '}
        {fit(t('conflict.existing', { target: targetName }), valueWidth)}
      </Text>
      {rows.map((f) => (
        <Text key={f.label} color={f.changes ? 'yellow' : undefined} wrap="truncate-end">
          {fit(`${f.changes ? '* ' : '  '}${label(f.label)}`, labelWidth)} {fit(value(f.source), valueWidth)}{' '}
          {fit(value(f.target), valueWidth)}
        </Text>
      ))}
      {conflict.view.fields.every((f) => !f.changes) ? <Text color="gray">{t('conflict.noChanges')}</Text> : null}
      <Text>
        {button('update')} {button('skip')}
        {'   '}
        <Text>{`[${conflict.applyToRemaining ? 'x' : ' '}] ${t('conflict.remaining', { n: conflict.remaining })}`}</Text>
      </Text>
      <Text color="gray" wrap="truncate-end">
        {hints}
      </Text>
    </Box>
  );
}
