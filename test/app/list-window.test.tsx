import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { emptyList, moveCursorTo, type PagedList } from '../../src/store/paged-list.ts';
import type { Column } from '../../src/ui/columns.ts';
import { ListView } from '../../src/ui/components/ListView.tsx';

const COLUMNS: Column<string>[] = [{ header: 'NAME', min: 12, max: 20, flex: true, cell: (s) => s }];

function draw(list: PagedList<string>, height = 5) {
  return <ListView list={list} columns={COLUMNS} width={40} height={height} noun="rows" emptyText="none" now={0} />;
}

function lineOf(frame: string, text: string): number {
  return frame.split('\n').findIndex((line) => line.includes(text));
}

describe('the list window is the list view\'s, computed from the cursor and the rows it has', () => {
  it('moves as little as keeps the cursor in view', () => {
    const list = { ...emptyList<string>(), items: Array.from({ length: 30 }, (_, i) => `row-${i}`), complete: true, pagesLoaded: 1 };
    const app = render(draw(list));
    try {
      app.rerender(draw(moveCursorTo(list, 7)));
      assert.equal(lineOf(app.lastFrame() ?? '', 'row-7'), 5, 'the cursor row is the window\'s last');
      app.rerender(draw(moveCursorTo(list, 5)));
      assert.equal(lineOf(app.lastFrame() ?? '', 'row-5'), 3, 'moving up inside the window does not scroll it');
      app.rerender(draw(moveCursorTo(list, 5), 3));
      assert.ok(lineOf(app.lastFrame() ?? '', 'row-5') >= 1, 'a smaller window still shows the cursor');
    } finally {
      app.unmount();
    }
  });

  it('keeps the selected row on its line when rows are added above it', () => {
    const items = Array.from({ length: 20 }, (_, i) => `row-${i}`);
    let list: PagedList<string> = moveCursorTo({ ...emptyList<string>(), items, complete: true, pagesLoaded: 1 }, 12);
    const app = render(draw(list));
    try {
      const line = lineOf(app.lastFrame() ?? '', 'row-12');
      for (let i = 0; i < 6; i++) {
        list = { ...list, items: [`new-${i}`, ...list.items], cursor: list.cursor + 1 };
        app.rerender(draw(list));
        assert.equal(lineOf(app.lastFrame() ?? '', 'row-12'), line, `after ${i + 1} rows above`);
      }
    } finally {
      app.unmount();
    }
  });
});
