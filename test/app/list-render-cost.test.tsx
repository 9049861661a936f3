import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import Yoga from 'yoga-layout';
import { applyPage, beginLoad, emptyList, moveCursorTo, type PagedList } from '../../src/store/paged-list.ts';
import type { Column } from '../../src/ui/columns.ts';
import { ListView } from '../../src/ui/components/ListView.tsx';

interface Row { id: number; name: string }

function loaded(n: number): PagedList<Row> {
  const l = beginLoad(emptyList<Row>());
  return applyPage(l, l.requestId, { items: Array.from({ length: n }, (_, id) => ({ id, name: `row-${id}` })), nextToken: 'more' });
}

function countingColumns(counter: { calls: number }): Column<Row>[] {
  return [
    { header: 'ID', min: 8, max: 8, cell: (r) => { counter.calls++; return String(r.id); } },
    { header: 'NAME', min: 20, max: 40, flex: true, cell: (r) => { counter.calls++; return r.name; } },
  ];
}

function renderCost(total: number, cursor: number, height: number): { calls: number; frame: string } {
  const counter = { calls: 0 };
  const list = moveCursorTo(loaded(total), cursor);
  const app = render(<ListView list={list} columns={countingColumns(counter)} width={80} height={height} noun="rows" emptyText="none" now={0} />);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return { calls: counter.calls, frame };
}

describe('list rendering cost is O(screen)', () => {
  it('formats only the visible rows, however many are loaded', () => {
    const small = renderCost(1_000, 500, 20);
    const large = renderCost(100_000, 75_000, 20);
    const measureAndDraw = 2;
    assert.equal(small.calls, 20 * 2 * measureAndDraw);
    assert.equal(large.calls, 20 * 2 * measureAndDraw);
    assert.match(large.frame, /▶ 75000/);
    assert.match(large.frame, /75001\/100000\+ rows/);
  });

  it('a key that scrolls the window by one row draws only the rows that changed: the one the cursor left and the new one it reached', () => {
    const counter = { calls: 0 };
    const columns = countingColumns(counter);
    const height = 20;
    const draw = (list: PagedList<Row>) => <ListView list={list} columns={columns} width={80} height={height} noun="rows" emptyText="none" now={0} />;
    let list = moveCursorTo(loaded(1_000), height - 1);
    const app = render(draw(list));
    list = moveCursorTo(list, height);
    counter.calls = 0;
    app.rerender(draw(list));
    const frame = app.lastFrame() ?? '';
    app.unmount();
    assert.match(frame, /▶ 20 /);
    const measure = height * columns.length;
    assert.equal(counter.calls, measure + 2 * columns.length, 'measuring the rows in view, then drawing two rows');
  });

  it('a jump of the window (G following the end, PgDn) redraws the rows where they are: no row is made anew', () => {
    const columns = countingColumns({ calls: 0 });
    const height = 20;
    const draw = (list: PagedList<Row>) => <ListView list={list} columns={columns} width={80} height={height} noun="rows" emptyText="none" now={0} />;
    let list = moveCursorTo(loaded(5_000), 100);
    const app = render(draw(list));
    const create = Yoga.Node.create;
    let made = 0;
    Yoga.Node.create = (...args: Parameters<typeof create>) => { made++; return create(...args); };
    try {
      list = moveCursorTo(list, 3_000);
      app.rerender(draw(list));
    } finally {
      Yoga.Node.create = create;
    }
    const frame = app.lastFrame() ?? '';
    app.unmount();
    assert.match(frame, /▶ 3000 /);
    assert.equal(made, 0);
  });
});
