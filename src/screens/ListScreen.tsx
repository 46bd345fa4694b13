import { Text } from '../components/Text.js';
import type { Translate } from '../i18n/index.js';
import { kindOf, listsOf } from '../kinds/index.js';
import { activeList, type AppState } from '../state/app.js';
import { DateField, TableScreen } from './TableScreen.js';

/** One kind's list: its title (on Customers, the Severa/Administration switch), its filter and the table. */
export function ListScreen({ state, t, tick }: { state: AppState; t: Translate; tick: number }) {
  const id = activeList(state)!;
  const kind = kindOf(id);
  const narrow = state.size.columns < 100;
  const side = (which: 'severa' | 'administration') => (
    <Text inverse={state.side === which} bold={state.side === which}>
      {` ${narrow ? t(`conn.${which}`) : t(which === 'severa' ? 'list.severa-customers' : 'list.administration-customers')} `}
    </Text>
  );
  const statusName = state.invoiceStatuses.find((s) => s.guid === state.invoiceStatus)?.name;
  const title =
    listsOf(kind.name).length > 1 ? (
      <Text>
        {side('severa')}
        {side('administration')}
      </Text>
    ) : (
      // Narrow, the tab bar names the list and the title only its side, so the filter's dates stay whole.
      <Text bold>{` ${narrow ? t(`conn.${kind.source}`) : t(kind.title)} `}</Text>
    );
  const filters =
    kind.filter === 'status' ? (
      <Text>
        {`  ${t('list.status')}: `}
        <Text color={statusName ? 'cyan' : 'yellow'}>{statusName ?? t('list.pickStatusFirst')}</Text>
        {`  ${t('list.afterStatus')}: `}
        <Text color="cyan">{state.afterStatus ?? t('list.none')}</Text>
      </Text>
    ) : kind.filter === 'range' ? (
      <Text>
        {`  ${t('list.from')}: `}
        <DateField state={state} which="since" value={state.since[id]} />
        {`  ${t('list.to')}: `}
        <DateField state={state} which="until" value={state.until} />
      </Text>
    ) : (
      <Text>
        {`  ${t(kind.dateLabel ?? 'list.changedSince')}: `}
        <DateField state={state} which="since" value={state.since[id]} />
      </Text>
    );
  return <TableScreen state={state} id={id} t={t} tick={tick} title={title} filters={filters} />;
}
