import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { needsAttention } from '../../src/domain/event-risk.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { displayedList } from '../../src/store/displayed-list.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import type { ListRef } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { App } from '../../src/ui/App.tsx';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const USER = 'user00001';
const REF: ListRef = { kind: 'events', poolId: POOL, username: USER };

/** Every kind of event once: the Low-risk failed sign-in is the one n/N and `a` used to disagree on. */
const EVENTS: AuthEvent[] = [
  { id: 'low-pass', riskLevel: 'Low', riskDecision: 'NoRisk', response: 'Pass' },
  { id: 'low-fail', riskLevel: 'Low', riskDecision: 'NoRisk', response: 'Fail' },
  { id: 'quiet', riskLevel: 'Low', riskDecision: 'NoRisk', response: 'Pass' },
  { id: 'medium', riskLevel: 'Medium', riskDecision: 'NoRisk', response: 'Pass' },
  { id: 'high', riskLevel: 'High', riskDecision: 'AccountTakeover', response: 'Fail' },
  { id: 'cc', riskLevel: 'Low', riskDecision: 'NoRisk', response: 'Pass', compromisedCredentials: true },
  { id: 'none', response: 'Pass' },
  { id: 'block', riskLevel: 'High', riskDecision: 'Block', response: 'Fail' },
].map((e, i) => ({ ...e, type: 'SignIn', createdAt: 1_700_000_000_000 - i * 60_000, challenges: [] }));

function onEvents() {
  const gw = new FakeGateway();
  gw.users = makeUsers(3);
  gw.events = EVENTS;
  const store = createAppStore({ gateway: gw, listRows: 20, flashMs: 60_000 });
  store.getState().actions.openDeepLink(POOL, USER);
  const press = (key: string) => dispatchKey(store, key, key.length === 1 ? key : '');
  const shown = () => displayedList<AuthEvent>(store.getState(), REF) as PagedList<AuthEvent>;
  const selected = () => shown().items[shown().cursor]?.id;
  return { store, press, shown, selected };
}

describe('one definition of "needs attention"', () => {
  it('n and N visit exactly the rows that `a` shows, the Low-risk failed sign-in included', async () => {
    const s = onEvents();
    await waitFor(() => (s.shown()?.items.length ?? 0) === EVENTS.length);
    s.press('a');
    const attention = s.shown().items.map((e) => e.id);
    assert.deepEqual(attention, ['low-fail', 'medium', 'high', 'cc', 'block']);
    assert.deepEqual(attention, EVENTS.filter(needsAttention).map((e) => e.id));
    s.press('a');
    assert.equal(s.shown().items.length, EVENTS.length);
    s.press('g');
    assert.equal(s.selected(), 'low-pass');

    const forward: string[] = [];
    for (let i = 0; i < attention.length; i++) {
      s.press('n');
      forward.push(s.selected()!);
    }
    assert.deepEqual(forward, attention);
    s.press('n');
    assert.equal(s.selected(), attention[0], 'n wraps to the first');
    const backward: string[] = [];
    for (let i = 0; i < attention.length; i++) {
      s.press('N');
      backward.push(s.selected()!);
    }
    assert.deepEqual(backward, [...attention].reverse());
  });

  it('the events header counts the same rows', async () => {
    const s = onEvents();
    const app = render(<App store={s.store} columns={120} rows={30} />);
    try {
      await waitFor(() => (app.lastFrame() ?? '').includes('8 loaded'));
      assert.match(app.lastFrame() ?? '', /8 loaded · 5 need attention/);
    } finally {
      app.unmount();
    }
  });
});

describe('a flash lives as long as the view it was about', () => {
  it('navigating to another view clears it; a flash raised after navigating stays', async () => {
    const s = onEvents();
    await waitFor(() => (s.shown()?.items.length ?? 0) === EVENTS.length);
    s.store.getState().actions.flash('info', 'Marked 8 events shown: v or i tags them all.');
    assert.ok(s.store.getState().flash);
    s.press('enter');
    assert.equal(currentRoute(s.store.getState()).view, 'event');
    assert.equal(s.store.getState().flash, undefined, 'opening the event cleared the flash about the list');
    s.store.getState().actions.flash('warn', 'about the event');
    s.press('j');
    assert.equal(s.store.getState().flash?.text, 'about the event', 'a key that stays on the view keeps it');
    s.press('escape');
    assert.equal(currentRoute(s.store.getState()).view, 'events');
    assert.equal(s.store.getState().flash, undefined, 'going back cleared it');
  });
});
