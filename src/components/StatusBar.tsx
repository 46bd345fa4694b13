import { Box } from 'ink';
import { Text } from './Text.js';
import type { Translate } from '../i18n/index.js';
import type { Connection, Side } from '../state/app.js';

function connectionText(side: Side, c: Connection, t: Translate, wide: boolean): { text: string; color: string } {
  const name = t(`conn.${side}`);
  // Narrow terminals keep the dot and the side; a disconnected side always says why.
  if (c.state === 'connected')
    return { text: wide ? `● ${t('conn.connected', { side: name, name: c.name ?? '' })}` : `● ${name}`, color: 'green' };
  if (c.state === 'connecting') return { text: `○ ${t('conn.connecting', { side: name })}`, color: 'yellow' };
  return { text: `✗ ${t('conn.disconnected', { side: name, reason: c.reason ?? '' })}`, color: 'red' };
}

export interface StatusBarProps {
  connections: Record<Side, Connection>;
  middle: string;
  hints: string;
  width: number;
  /** Show the hint line as a problem (red). */
  hintsAreError?: boolean;
  /** The client company's profile in use. */
  profile?: string;
  t: Translate;
}

/** Two lines: both connections, the selection and the transfer's progress; then a notice, or the key hints for where the cursor is. */
export function StatusBar({ connections, middle, hints, hintsAreError, profile, width, t }: StatusBarProps) {
  const wide = width >= 100;
  const severa = connectionText('severa', connections.severa, t, wide);
  const administration = connectionText('administration', connections.administration, t, wide);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {profile ? <Text color="black" backgroundColor="cyan">{` ${profile} `}</Text> : null}
        {profile ? ' ' : null}
        <Text color={severa.color}>{severa.text}</Text>
        {'  '}
        <Text color={administration.color}>{administration.text}</Text>
        {middle ? <Text bold>{`  │ ${middle}`}</Text> : null}
      </Text>
      <Text color={hintsAreError ? 'red' : 'gray'} wrap="truncate-end">
        {hints}
      </Text>
    </Box>
  );
}
