import { Box, Text } from 'ink';
import React from 'react';
import type { Translate } from '../i18n/index.js';
import { TABS, type TabId } from '../state/app.js';

const LABEL: Record<TabId, 'tab.customers' | 'tab.projects' | 'tab.invoices' | 'tab.supplierInvoices' | 'tab.payments'> = {
  customers: 'tab.customers',
  projects: 'tab.projects',
  invoices: 'tab.invoices',
  supplierInvoices: 'tab.supplierInvoices',
  payments: 'tab.payments',
};

export function tabLabel(tab: TabId, t: Translate): string {
  return t(LABEL[tab]);
}

export function TabBar({ tab, demo, profile, t }: { tab: TabId; demo: boolean; profile?: string; t: Translate }) {
  return (
    <Box>
      <Box flexGrow={1}>
        <Text wrap="truncate-end">
          {TABS.map((id, i) => (
            <Text key={id} inverse={id === tab} bold={id === tab}>{` ${i + 1} ${tabLabel(id, t)} `}</Text>
          ))}
        </Text>
      </Box>
      {demo ? <Text color="black" backgroundColor="yellow">{` ${t('conn.demo')} `}</Text> : null}
      {profile ? <Text color="black" backgroundColor="cyan">{` ${profile} `}</Text> : null}
    </Box>
  );
}
