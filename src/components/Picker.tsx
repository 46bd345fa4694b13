import { Box, Text } from 'ink';
import React from 'react';
import type { Translate } from '../i18n/index.js';

/** A short list to choose one from (invoice statuses). */
export function Picker({ title, options, cursor, height, t }: { title: string; options: string[]; cursor: number; height: number; t: Translate }) {
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>{title}</Text>
      {options.slice(0, Math.max(1, height - 4)).map((name, i) => (
        <Text key={`${i}-${name}`} inverse={i === cursor}>{` ${name} `}</Text>
      ))}
      <Text color="gray">{t('picker.hint')}</Text>
    </Box>
  );
}
