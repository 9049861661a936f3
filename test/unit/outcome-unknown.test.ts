import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError, writeDeadlineError } from '../../src/gateway/errors.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const USER = 'user00001';
const eventsRef: ListRef = { kind: 'events', poolId: POOL, username: USER };
const FEEDBACK = 'AdminUpdateAuthEventFeedback';

/** A store on USER's events over a fake whose `op` fails with an unknown outcome, applied at the server or not. */
async function onEvents(op: string, applied: boolean, opts: { enabled?: boolean } = {}) {
  const gw = new FakeGateway();
  gw.users = makeUsers(30);
  if (opts.enabled === false) gw.users[1] = { ...gw.users[1], enabled: false };
  gw.events = makeEvents(30);
  const store = createAppStore({ gateway: gw, listRows: 10, feedbackIntervalMs: 1 });
  const flashes: string[] = [];
  store.subscribe((s, prev) => { if (s.flash && s.flash !== prev.flash) flashes.push(s.flash.text); });
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, [...k].length === 1 ? k : ''); };
  const events = () => store.getState().lists[listKey(eventsRef)] as PagedList<AuthEvent>;
  store.getState().actions.openDeepLink(POOL, USER);
  await waitFor(() => events()?.pagesLoaded === 1 && Object.values(store.getState().users).some((u) => u.username === USER));
  gw.failing.set(op, writeDeadlineError(op, 30_000));
  if (applied) gw.appliedBeforeFailing.add(op);
  /** Calls of `name` made after the `n`-th call overall. */
  const callsAfter = (n: number, name: string) => gw.calls.slice(n).filter((c) => c.op === name);
  return { gw, store, press, events, flashes, callsAfter, flash: () => store.getState().flash?.text ?? '' };
}

describe('feedback whose outcome is unknown: said so, read back once, never resent unasked', () => {
  it('applied at the server: "Cognito now shows Invalid … — the write was applied", one re-read, no second write', async () => {
    const s = await onEvents(FEEDBACK, true);
    const target = s.events().items[0];
    const mark = s.gw.calls.length;
    s.press('i', 'y');
    await waitFor(() => /the write was applied/.test(s.flash()), 2000, 'the verdict');
    assert.match(s.flashes.join('\n'), /Mark SignIn .* Invalid: outcome UNKNOWN \(Cognito did not answer AdminUpdateAuthEventFeedback in 30 s\)\. Reading the events back/);
    assert.match(s.flash(), new RegExp(`^Cognito now shows Invalid for SignIn .*\\(${target.id.slice(0, 8)}\\) — the write was applied\\.$`));
    assert.ok(s.flashes.every((f) => !/NOT saved/.test(f)), s.flashes.join('\n'));
    assert.equal(s.callsAfter(mark, FEEDBACK).length, 1, 'one write');
    assert.equal(s.callsAfter(mark, 'AdminListUserAuthEvents').length, 1, 'one read-back');
    assert.equal(s.events().items[0].feedback?.value, 'Invalid');
    assert.equal(s.store.getState().failedWrite, undefined);
  });

  it('not applied: "still shows no feedback — not applied; R to send again", and R only asks', async () => {
    const s = await onEvents(FEEDBACK, false);
    const mark = s.gw.calls.length;
    s.press('i', 'y');
    await waitFor(() => /not applied/.test(s.flash()), 2000, 'the verdict');
    assert.match(s.flash(), /^Cognito still shows no feedback for SignIn .* — not applied; R to send again \(asks first\)\.$/);
    assert.equal(s.events().items[0].feedback, undefined, 'the row shows what the server has');
    assert.equal(s.callsAfter(mark, 'AdminListUserAuthEvents').length, 1);
    s.gw.failing.clear();
    s.press('R');
    assert.match(String(s.store.getState().confirm?.title), /^Send again: Mark SignIn .* as Invalid\?/);
    assert.equal(s.callsAfter(mark, FEEDBACK).length, 1, 'R only asks');
    s.press('y');
    await waitFor(() => /^Saved:/.test(s.flash()), 2000, 'the second write');
    assert.equal(s.callsAfter(mark, FEEDBACK).length, 2);
  });

  it('a batch stops at an unknown outcome: the rest is not sent, and R offers it with the unapplied one', async () => {
    const s = await onEvents(FEEDBACK, false);
    s.press('space', 'space', 'space');
    const mark = s.gw.calls.length;
    s.press('v', 'y');
    await waitFor(() => /not applied/.test(s.flash()), 2000, 'the verdict');
    assert.match(s.flash(), /not applied; R to send again \(asks first\)\. Of the others: 2 not sent \(stopped at the unknown outcome\); R sends them again/);
    assert.equal(s.callsAfter(mark, FEEDBACK).length, 1, 'nothing sent after the unknown outcome');
    assert.deepEqual(s.events().items.slice(0, 3).map((e) => e.feedback), [undefined, undefined, undefined]);
    s.gw.failing.clear();
    s.press('R');
    assert.match(String(s.store.getState().confirm?.title), /^Send again: Mark 3 events of user00001 as Valid\?/);
  });
});

describe('disable and enable whose outcome is unknown: the user row is read back with ListUsers', () => {
  for (const write of ['disable', 'enable'] as const) {
    const op = write === 'disable' ? 'AdminDisableUser' : 'AdminEnableUser';
    const key = write === 'disable' ? 'd' : 'e';
    const done = write === 'disable' ? 'disabled' : 'enabled';
    const undone = write === 'disable' ? 'enabled' : 'disabled';

    it(`${write}, applied: "Cognito now shows ${USER} ${done}", one ListUsers by username, no second write`, async () => {
      const s = await onEvents(op, true, { enabled: write !== 'enable' });
      const mark = s.gw.calls.length;
      s.press(key === 'e' ? 'd' : key, 'y');
      await waitFor(() => /was applied/.test(s.flash()), 2000, 'the verdict');
      assert.match(s.flashes.join('\n'), new RegExp(`outcome UNKNOWN \\(Cognito did not answer ${op} in 30 s\\)\\. Reading ${USER} back`));
      assert.equal(s.flash(), `Cognito now shows ${USER} ${done} — the ${op} was applied.`);
      assert.deepEqual(s.callsAfter(mark, 'ListUsers').map((c) => c.args[1]), [`username = "${USER}"`]);
      assert.equal(s.callsAfter(mark, op).length, 1);
      assert.equal(s.callsAfter(mark, 'AdminGetUser').length, 0);
      const user = Object.values(s.store.getState().users).find((u) => u.username === USER);
      assert.equal(user?.enabled, write === 'enable');
      assert.equal(s.store.getState().failedWrite, undefined);
      assert.ok(s.flashes.every((f) => !/NOT done/.test(f)));
    });

    it(`${write}, not applied: "still shows ${USER} ${undone} — not applied; R to send again"`, async () => {
      const s = await onEvents(op, false, { enabled: write !== 'enable' });
      const mark = s.gw.calls.length;
      s.press('d', 'y');
      await waitFor(() => /not applied/.test(s.flash()), 2000, 'the verdict');
      assert.equal(s.flash(), `Cognito still shows ${USER} ${undone} — ${op} not applied; R to send again (asks first).`);
      assert.equal(s.callsAfter(mark, 'ListUsers').length, 1);
      s.gw.failing.clear();
      s.press('R');
      const confirm = s.store.getState().confirm;
      assert.match(String(confirm?.title), new RegExp(`^Send again: .* ${USER}\\? \\(${op}\\)`));
      assert.match(String(confirm?.detail), /^The outcome of the last attempt is unknown\./);
      assert.equal(s.callsAfter(mark, op).length, 1, 'R only asks');
    });
  }

  it('when the read-back fails too, it says the outcome is unknown and that reading it back failed', async () => {
    const s = await onEvents('AdminDisableUser', true);
    s.gw.failing.set('ListUsers', new GatewayError({ kind: 'server', retryable: true, operation: 'ListUsers', message: 'Cognito answered ListUsers with HTTP 500. Press r to retry.' }));
    s.press('d', 'y');
    await waitFor(() => /reading .* back failed/.test(s.flash()), 2000, 'the message');
    assert.match(s.flash(), /^Disable user00001: outcome UNKNOWN \(.*\), and reading user00001 back failed: Cognito answered ListUsers with HTTP 500\. Check the user before R sends it again/);
    assert.equal(s.gw.count('AdminDisableUser'), 1);
  });
});

describe('sign-out whose outcome is unknown', () => {
  it('says it cannot be read back and that signing out again is harmless; reads nothing, sends nothing more', async () => {
    const s = await onEvents('AdminUserGlobalSignOut', false);
    const mark = s.gw.calls.length;
    s.press('S', 'y');
    await waitFor(() => /outcome UNKNOWN/.test(s.flash()), 2000, 'the message');
    assert.equal(s.flash(), `Sign out everywhere ${USER}: outcome UNKNOWN (Cognito did not answer AdminUserGlobalSignOut in 30 s). A sign-out cannot be read back; signing out again is harmless: R sends it again (asks first).`);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(s.gw.calls.slice(mark).map((c) => c.op), ['AdminUserGlobalSignOut']);
    s.press('R');
    assert.match(String(s.store.getState().confirm?.title), /^Send again: Sign out everywhere user00001\?/);
  });
});
