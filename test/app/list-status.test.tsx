import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { parseEventFilter } from '../../src/domain/event-filter.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { applyError, applyPage, beginLoad, emptyList, moveCursorTo, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { EventView } from '../../src/store/state.ts';
import { fitColumns, type Column } from '../../src/ui/columns.ts';
import { ListView } from '../../src/ui/components/ListView.tsx';
import { listPosition, StatusText } from '../../src/ui/components/StatusLine.tsx';
import { THEMES } from '../../src/ui/theme.ts';
import { StoreContext } from '../../src/ui/store-context.ts';
import { eventsView } from '../../src/views/events.tsx';
import { FakeGateway, makeEvents } from '../helpers/fake-gateway.ts';
import { assertSafeFrame } from '../reliability/screen.ts';

const POOL = 'us-test-1_Pool1';
const REF: ListRef = { kind: 'events', poolId: POOL, username: 'alice' };
const ERROR = { kind: 'throttled', message: 'Rate exceeded', retryable: true };

function failedAfterOnePage(): PagedList<AuthEvent> {
  const first = beginLoad(emptyList<AuthEvent>());
  const loaded = applyPage(first, first.requestId, { items: makeEvents(30), nextToken: 'more' });
  const second = beginLoad(loaded);
  return applyError(second, second.requestId, ERROR);
}

function eventsFrame(list: PagedList<AuthEvent>, view?: EventView): string {
  const store = createAppStore({ gateway: new FakeGateway() });
  const key = listKey(REF);
  store.setState((s) => ({ lists: { ...s.lists, [key]: list }, eventViews: view ? { ...s.eventViews, [key]: view } : s.eventViews }));
  const app = render(
    <StoreContext.Provider value={store}>
      <eventsView.Render route={{ view: 'events', poolId: POOL, username: 'alice' }} width={140} height={20} now={0} />
    </StoreContext.Provider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

function statusLine(frame: string): string {
  return frame.split('\n').filter((l) => /^ {2}\d+\/\d+/.test(l)).at(-1) ?? '';
}

describe('list status lines', () => {
  it('an events list whose next page failed says so in its status line', () => {
    const list = failedAfterOnePage();
    assert.equal(list.items.length, 30);
    const line = statusLine(eventsFrame(list));
    assert.match(line, /^ {2}1\/30\+ events · ✖ Rate exceeded · r retries/);
  });

  it('a filtered events list shows the error of the list behind it', () => {
    const parsed = parseEventFilter('');
    assert.ok(parsed.ok);
    const view: EventView = { text: '', filter: parsed.filter, attention: true, cursor: 0 };
    const line = statusLine(eventsFrame(failedAfterOnePage(), view));
    assert.match(line, /shown of 30\+ loaded · ✖ Rate exceeded · r retries/);
  });

  it('a status line in a view\'s own words is red while its list has an error, dim otherwise', () => {
    const failed = StatusText({ list: failedAfterOnePage(), noun: 'events', text: 'own words', theme: THEMES.dark });
    assert.equal(failed.props.color, 'red');
    assert.equal(failed.props.dimColor, false);
    const fine = StatusText({ list: emptyList(), noun: 'events', text: 'own words', theme: THEMES.dark });
    assert.equal(fine.props.color, undefined);
    assert.equal(fine.props.dimColor, true);
  });

  it('positions count from one, and an empty list is at 0/0', () => {
    const list = applyPage(beginLoad(emptyList<number>()), 1, { items: [1, 2, 3] });
    assert.equal(listPosition(emptyList()), '0/0');
    assert.equal(listPosition(list), '1/3');
    assert.equal(listPosition(moveCursorTo(list, 2)), '3/3');
  });
});

describe('list rows redraw only when they change', () => {
  it('fitColumns answers the same widths array for the same columns and width', () => {
    const columns: Column<number>[] = [{ header: 'N', min: 4, max: 4, cell: String }, { header: 'X', min: 8, max: 8, flex: true, cell: String }];
    const a = fitColumns(columns, 60);
    assert.equal(fitColumns(columns, 60).widths, a.widths);
    assert.equal(fitColumns(columns, 60).columns, a.columns);
    assert.notEqual(fitColumns(columns, 61).widths, a.widths);
  });

  it('moving the cursor redraws the two rows it leaves and reaches, not the others', () => {
    const counter = { calls: 0 };
    const columns: Column<number>[] = [
      { header: 'N', min: 6, max: 6, cell: (n) => { counter.calls++; return String(n); } },
      { header: 'DOUBLE', min: 10, max: 10, flex: true, cell: (n) => { counter.calls++; return String(n * 2); } },
    ];
    const first = beginLoad(emptyList<number>());
    const list = applyPage(first, first.requestId, { items: Array.from({ length: 100 }, (_, i) => i), nextToken: 'more' });
    const draw = (l: PagedList<number>) =>
      <ListView list={l} columns={columns} width={80} height={10} noun="numbers" emptyText="none" now={0} />;
    const app = render(draw(list));
    try {
      assert.equal(counter.calls, 10 * 2 * 2, 'each visible cell measured for the layout and drawn');
      counter.calls = 0;
      app.rerender(draw(moveCursorTo(list, 1)));
      assert.equal(counter.calls, 2 * 2);
      assert.match(app.lastFrame() ?? '', /2\/100\+ numbers/);
      counter.calls = 0;
      const loading = beginLoad(list);
      const more = applyPage(loading, loading.requestId, { items: Array.from({ length: 50 }, (_, i) => 100 + i) });
      app.rerender(draw(moveCursorTo(more, 1)));
      assert.match(app.lastFrame() ?? '', /2\/150 numbers/);
      assert.equal(counter.calls, 10 * 2, 'a page more measures the rows in view and redraws none of them: they did not change');
    } finally {
      app.unmount();
    }
  });
});

describe('list errors from the server', () => {
  it('are drawn safe: control sequences in the message reach neither the status line nor the empty list', () => {
    const hostile = { kind: 'server', message: 'denied \u001b]0;pwned\u0007\u001b[2J by proxy', retryable: true };
    const first = beginLoad(emptyList<AuthEvent>());
    const empty = applyError(first, first.requestId, hostile);
    const loaded = applyPage(first, first.requestId, { items: makeEvents(5), nextToken: 'more' });
    const second = beginLoad(loaded);
    const partly = applyError(second, second.requestId, hostile);
    for (const list of [empty, partly]) {
      const frame = eventsFrame(list);
      assert.match(frame, /denied .*by proxy/);
      assertSafeFrame(frame, 'events with a hostile error');
    }
  });
});

