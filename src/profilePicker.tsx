import { Box, render, useApp, useInput } from 'ink';
import { Text } from './components/Text.js';
import React, { useReducer } from 'react';
import type { Translate } from './i18n/index.js';

interface PickerState {
  cursor: number;
  chosen: string | null | undefined;
}

/** Which client company to open, when there are several profiles and no default. */
function ProfilePicker({ names, t, onDone }: { names: string[]; t: Translate; onDone: (name: string | null) => void }) {
  const { exit } = useApp();
  // Keys go through a reducer, so fast typing never acts on a stale cursor.
  const [state, dispatch] = useReducer(
    (s: PickerState, key: 'up' | 'down' | 'enter' | 'escape'): PickerState => {
      if (s.chosen !== undefined) return s;
      if (key === 'up') return { ...s, cursor: Math.max(0, s.cursor - 1) };
      if (key === 'down') return { ...s, cursor: Math.min(names.length - 1, s.cursor + 1) };
      return { ...s, chosen: key === 'enter' ? names[s.cursor]! : null };
    },
    { cursor: 0, chosen: undefined },
  );
  useInput((input, key) => {
    if (key.upArrow || input === 'k') dispatch('up');
    else if (key.downArrow || input === 'j') dispatch('down');
    else if (key.return) dispatch('enter');
    else if (key.escape || input === 'q' || (key.ctrl && input === 'c')) dispatch('escape');
  });
  React.useEffect(() => {
    if (state.chosen !== undefined) {
      onDone(state.chosen);
      exit();
    }
  }, [state.chosen]);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{t('profile.pick')}</Text>
      {names.map((name, i) => (
        <Text key={name} inverse={i === state.cursor}>{` ${name} `}</Text>
      ))}
      <Text color="gray">{t('picker.hint')}</Text>
    </Box>
  );
}

/** Asks for a profile in the terminal; null when the user backs out. */
export async function pickProfile(names: string[], t: Translate): Promise<string | null> {
  let result: string | null = null;
  const app = render(<ProfilePicker names={names} t={t} onDone={(name) => (result = name)} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  app.clear();
  return result;
}
