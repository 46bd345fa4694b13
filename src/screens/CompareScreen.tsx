import { Text } from '../components/Text.js';
import type { Translate } from '../i18n/index.js';
import { type CompareKind, COMPARE_KINDS } from '../services/compare/differences.js';
import { type AppState, kindTag } from '../state/app.js';
import { DateField, TableScreen } from './TableScreen.js';

/**
 * What differs between Severa and Administration: each kind with its count, the filters (kind, f; fixable or for a
 * person, h; changed since, d), and the differences, each with what sets it right.
 */
export function CompareScreen({ state, t, tick }: { state: AppState; t: Translate; tick: number }) {
  const table = state.tables.compare;
  const count = (kind: CompareKind) => table.rows.filter((r) => r.tags?.includes(kindTag(kind))).length;
  const counts = COMPARE_KINDS.map((k) => t('compare.counts', { kind: t(`compare.kind.${k}`), count: count(k) })).join(' · ');
  const kind = state.compare.kind ? t(`compare.kind.${state.compare.kind}`) : t('compare.filter.all');
  const title = <Text bold>{` ${t('tab.compare')} `}</Text>;
  const filters = (
    <Text>
      {`  ${t('list.changedSince')}: `}
      <DateField state={state} which="since" value={state.since.compare} />
      {`  ${t('compare.filter.kind')}: `}
      <Text color="cyan">{kind}</Text>
      {`  ${t('compare.filter.fix')}: `}
      <Text color="cyan">{t(`compare.filter.${state.compare.fix}`)}</Text>
      {table.loadedWith ? <Text color="gray">{`  ${counts}`}</Text> : null}
    </Text>
  );
  return <TableScreen state={state} id="compare" t={t} tick={tick} title={title} filters={filters} />;
}
