import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEventFilter } from '../../src/domain/event-filter.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { applyEventView } from '../../src/store/displayed-list.ts';
import { emptyList } from '../../src/store/paged-list.ts';
import type { EventView } from '../../src/store/state.ts';
import { makeEvents } from '../helpers/fake-gateway.ts';

describe('filtered event views', () => {
  const parsed = parseEventFilter('risk=high');
  assert.ok(parsed.ok);
  const list = { ...emptyList<AuthEvent>(), items: makeEvents(300), pagesLoaded: 5 };
  const view: EventView = { text: 'risk=high', filter: parsed.filter, attention: false, cursor: 0 };

  it('filter the loaded events once: moving the cursor reuses the rows that passed', () => {
    const first = applyEventView(list, view);
    assert.ok(first.items.length > 0 && first.items.length < list.items.length, 'the filter keeps some events');
    const moved = applyEventView(list, { ...view, cursor: 2 });
    assert.equal(moved.cursor, 2);
    assert.equal(moved.items, first.items, 'the same array: not filtered again');
  });

  it('filter again when the rows, the filter or the attention toggle change', () => {
    const first = applyEventView(list, view);
    assert.notEqual(applyEventView(list, { ...view, attention: true }).items, first.items);
    assert.notEqual(applyEventView({ ...list, items: [...list.items] }, view).items, first.items);
    const other = parseEventFilter('risk=high');
    assert.ok(other.ok);
    assert.notEqual(applyEventView(list, { ...view, filter: other.filter }).items, first.items);
  });
});
