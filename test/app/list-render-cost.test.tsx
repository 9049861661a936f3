import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
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
});
