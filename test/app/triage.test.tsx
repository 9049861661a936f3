import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { needsAttention } from '../../src/domain/event-risk.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { displayedList } from '../../src/store/displayed-list.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { writeRequests } from '../reliability/writes.ts';

const EVENTS: ListRef = { kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };

function loaded(h: AppHarness): PagedList<AuthEvent> {
  return h.store.getState().lists[listKey(EVENTS)] as PagedList<AuthEvent>;
}

function shown(h: AppHarness): PagedList<AuthEvent> {
  return displayedList<AuthEvent>(h.store.getState(), EVENTS)!;
}

describe('app: events triage on the emulator', () => {
  let h: AppHarness;
  before(async () => { h = await startOnEvents({ columns: 140 }); });
  after(async () => { await h.close(); });

  it('shows every column with text markers for risk and decision', async () => {
    const frame = h.frame();
    assert.equal(loaded(h).items.some((e) => e.feedback?.value), false, 'the demo user starts with no feedback');
    for (const header of ['TIME', 'AGE', 'TYPE', 'RESULT', 'RISK', 'DECISION', 'CC', 'IP', 'LOCATION', 'DEVICE']) {
      assert.match(frame, new RegExp(`\\b${header}\\b`), header);
    }
    assert.doesNotMatch(frame, /FEEDBACK/, 'a column blank in every loaded row gives its width to the others');
    assert.match(frame, /▲▲ High/);
    assert.match(frame, /m ago|h ago|d ago/);
    assert.match(frame, /older events on the server|whole history loaded/);
  });

  it('a shows only events that need attention; a again shows all', async () => {
    await h.press('a');
    await h.waitForText('filter: needs attention');
    await waitFor(() => !loaded(h).loading);
    const all = loaded(h).items.length;
    const rows = shown(h).items;
    assert.ok(rows.length > 0 && rows.length < all, `${rows.length} of ${all}`);
    assert.ok(rows.every(needsAttention));
    await h.waitForText(new RegExp(`${rows.length} shown of ${all}`));
    await h.press('j', 'j');
    await waitFor(() => shown(h).cursor === 2);
    await h.waitForText(new RegExp(`3/${rows.length} shown of ${all}`));
    await h.press('enter');
    await h.waitForText('compromised credentials');
    const opened = h.store.getState().stack.at(-1) as { eventId: string };
    assert.equal(opened.eventId, rows[2].id, 'enter opens the row under the cursor of the filtered view');
    await h.press('escape');
    await h.press('a');
    await h.waitForText('f filters loaded events');
    assert.equal(shown(h).items.length, all);
  });

  it('n and N jump between risky events', async () => {
    await h.press('g');
    const items = loaded(h).items;
    const risky = items.map((e, i) => (needsAttention(e) ? i : -1)).filter((i) => i >= 0);
    const start = loaded(h).cursor;
    const next = risky.find((i) => i > start)!;
    await h.press('n');
    await waitFor(() => loaded(h).cursor === next);
    const after = risky.find((i) => i > next)!;
    await h.press('n');
    await waitFor(() => loaded(h).cursor === after);
    await h.press('N');
    await waitFor(() => loaded(h).cursor === next);
  });

  it('f filters by typed fields with completion, F clears', async () => {
    await h.press('f');
    await h.waitForText('risk=High,Medium');
    await h.type('cou');
    await h.press('tab');
    await h.waitForText('filter: country=');
    await h.type('Brazil');
    await h.press('enter');
    const rows = (await waitFor(() => (shown(h).items.length > 0 && shown(h).items.length < loaded(h).items.length ? shown(h).items : undefined)))!;
    assert.ok(rows.every((e) => e.country === 'Brazil'), rows.map((e) => e.country).join());
    await h.waitForText('filter: country=Brazil');
    await h.press('F');
    await h.waitForText('f filters loaded events');
  });

  it('a filter with a mistake is refused inline and nothing changes', async () => {
    await h.submit('f', 'risk=Extreme');
    await h.waitForText('risk is one of High, Medium, Low, none, not "Extreme"');
    await h.press('escape');
    assert.equal(h.store.getState().prompt, undefined);
    assert.equal(shown(h).items.length, loaded(h).items.length);
  });

  it('space marks 5 events; i tags all 5 after one confirmation, each written once, then re-read', async () => {
    await h.press('g');
    const ids = loaded(h).items.slice(0, 5).map((e) => e.id);
    await h.press('space', 'space', 'space', 'space', 'space');
    await h.waitForText('5 marked');
    const readsBefore = h.count('AdminListUserAuthEvents');
    await h.press('i');
    await h.waitForText('Mark 5 marked events of maria.garcia as Invalid?');
    assert.equal(writeRequests(h.emulator.requests).length, 0);
    await h.press('y');
    await h.waitForText('Saved: 5 events marked Invalid', 10_000);
    const sent = writeRequests(h.emulator.requests).map((r) => (r.body as { EventId: string; FeedbackValue: string }));
    assert.deepEqual(sent.map((b) => b.EventId).sort(), [...ids].sort());
    assert.ok(sent.every((b) => b.FeedbackValue === 'Invalid'));
    await waitFor(() => h.count('AdminListUserAuthEvents') > readsBefore && !loaded(h).loading);
    const now = loaded(h).items.filter((e) => ids.includes(e.id));
    assert.ok(now.every((e) => e.feedback?.value === 'Invalid' && e.feedback.provider !== 'sending…'));
    assert.deepEqual(h.store.getState().marks[listKey(EVENTS)], {});
  });

  it('* marks every event shown; esc clears the marks before going back', async () => {
    await h.press('a', '*');
    await h.waitForText(/Marked \d+ events shown/);
    await h.press('escape');
    await h.waitForText('Marks cleared.');
    assert.equal(h.store.getState().stack.at(-1)?.view, 'events');
    await h.press('a');
  });
});
