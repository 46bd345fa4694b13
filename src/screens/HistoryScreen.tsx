import { Text } from '../components/Text.js';
import type { Translate } from '../i18n/index.js';
import type { AppState } from '../state/app.js';
import { DateField, TableScreen } from './TableScreen.js';

/** Past transfers row by row, newest first: read only, with the date they are listed from. */
export function HistoryScreen({ state, t }: { state: AppState; t: Translate }) {
  const title = <Text bold>{` ${t('list.history')} `}</Text>;
  const filters = (
    <Text>
      {`  ${t('list.changedSince')}: `}
      <DateField state={state} which="since" value={state.since.history} />
    </Text>
  );
  return <TableScreen state={state} id="history" t={t} tick={0} title={title} filters={filters} />;
}
