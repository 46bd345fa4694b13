import { Box } from 'ink';
import { Text } from './Text.js';
import { isMessageKey, type Translate } from '../i18n/index.js';
import type { ConflictPrompt, Side } from '../state/app.js';
import { fit, wrapText } from '../text.js';

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
  // The chosen button is in brackets too, so it shows without colour.
  const button = (which: 'update' | 'skip') => {
    const chosen = conflict.choice === which;
    const text = t(which === 'update' ? 'conflict.update' : 'conflict.skip');
    return (
      <Text inverse={chosen} bold={chosen}>
        {chosen ? `[${text}]` : ` ${text} `}
      </Text>
    );
  };
  const remaining =
    conflict.remaining === 0
      ? ''
      : conflict.remaining === 1
        ? t('conflict.remainingOne')
        : t('conflict.remaining', { n: conflict.remaining });
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold wrap="truncate-end">
        {t('conflict.title', { target: targetName, record: conflict.view.title })}
      </Text>
      <Text color="gray" wrap="truncate-end">
        {fit(t('conflict.field'), labelWidth)} {fit(t('conflict.incoming', { source: sourceName }), valueWidth)}{' '}
        {fit(t('conflict.existing', { target: targetName }), valueWidth)}
      </Text>
      {rows.map((f) => {
        // A changed value is shown whole, over as many lines as it takes; the others are cut to fit.
        const source = f.changes ? wrapText(value(f.source), valueWidth) : [value(f.source)];
        const targetLines = f.changes ? wrapText(value(f.target), valueWidth) : [value(f.target)];
        return Array.from({ length: Math.max(source.length, targetLines.length) }, (_, i) => (
          <Text key={`${f.label}-${i}`} color={f.changes ? 'yellow' : undefined} wrap="truncate-end">
            {fit(i === 0 ? `${f.changes ? '* ' : '  '}${label(f.label)}` : '', labelWidth)} {fit(source[i] ?? '', valueWidth)}{' '}
            {fit(targetLines[i] ?? '', valueWidth)}
          </Text>
        ));
      })}
      {conflict.view.fields.every((f) => !f.changes) ? <Text color="gray">{t('conflict.noChanges')}</Text> : null}
      <Text>
        {button('update')} {button('skip')}
        {remaining ? <Text>{`   [${conflict.applyToRemaining ? 'x' : ' '}] ${remaining}`}</Text> : null}
      </Text>
      <Text color="gray" wrap="truncate-end">
        {hints}
      </Text>
    </Box>
  );
}
