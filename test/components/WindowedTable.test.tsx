import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { WindowedTable } from '../../src/components/WindowedTable.js';
import { translator } from '../../src/i18n/index.js';
import { KINDS } from '../../src/kinds/index.js';
import { tableColumns } from '../../src/screens/rows.js';
import { emptyList } from '../../src/state/list.js';

describe('the table', () => {
  it('shows every header whole when the width leaves room for all of them, in both languages', () => {
    for (const lang of ['en', 'sv'] as const) {
      const t = translator(lang);
      for (const kind of KINDS) {
        const columns = tableColumns(kind.list, t);
        const r = render(
          <WindowedTable
            columns={columns}
            statusHeader={t('col.status')}
            list={emptyList()}
            height={3}
            width={100}
            t={t}
            tick={0}
            emptyText=""
          />,
        );
        const header = (r.lastFrame() ?? '').split('\n')[0]!;
        for (const c of columns) expect(header, `${kind.list} ${lang}`).toContain(c.header);
        expect(header).not.toContain('…');
        r.unmount();
      }
    }
  });
});
