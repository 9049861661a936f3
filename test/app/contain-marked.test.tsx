import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsAttention } from '../../src/domain/event-risk.ts';
import type { IpPivotRow } from '../../src/domain/ip-pivot.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import type { SweepFinding } from '../../src/sweep/index.ts';
import { checkedSteps } from '../../src/store/dialog.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { ChecklistDialog } from '../../src/store/state.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { ATTACKER, sharingTheAddress } from '../helpers/shared-address.ts';
import { waitFor } from '../helpers/wait-for.ts';


/** The usernames `operation` was sent for, in order. */
const sentTo = (h: AppHarness, operation: string) => h.emulator.requests.filter((r) => r.operation === operation).map((r) => (r.body as { Username: string }).Username);

async function summaryOf(h: AppHarness): Promise<string> {
  return waitFor(() => {
    const text = h.store.getState().flash?.text ?? '';
    return text.startsWith('Contained') ? text : '';
  }, 20_000, 'the containment summary');
}


describe('app: :contain on the users marked in a list', () => {
  it('users list at 80×24: five marked users; the dry run scrolls (↓, PgDn) to its last line; y sends each call once to exactly the marked users', async () => {
    await withApp({ columns: 80, rows: 24, deepLink: { pool: LARGE_POOL_ID }, deps: { feedbackIntervalMs: 5 } }, async (h) => {
      await h.waitForText(/\d+\/\d+\+ users/);
      const ref: ListRef = { kind: 'users', poolId: LARGE_POOL_ID, filter: '' };
      const chosen = ((h.store.getState().lists[listKey(ref)]?.items ?? []) as User[]).slice(0, 5).map((u) => u.username);
      await h.press('space', 'space', 'space', 'space', 'space');
      await h.waitForText('5 marked');
      await h.submit(':', 'contain');
      await h.waitForText('Contain 5 users?');
      await h.press('d');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      const lines = dialog.describe(checkedSteps(dialog));
      assert.deepEqual(lines.slice(0, 10), chosen.flatMap((u) => [`AdminDisableUser ${u}`, `AdminUserGlobalSignOut ${u}`]));
      assert.equal(lines.at(-1), '10 calls');
      const total = Number((await waitFor(() => /lines 1–8 of (\d+)/.exec(h.frame()), 8_000, 'the dry run\'s first page'))![1]);
      assert.ok(total > lines.length, `the long line naming the users without loaded events is wrapped, not cut (${total} screen lines for ${lines.length})`);
      assert.match(h.frame(), new RegExp(`AdminDisableUser ${chosen[0]} `));
      assert.doesNotMatch(h.frame(), /10 calls/);
      await h.press('pagedown');
      await h.waitForText(`lines ${total - 7}–${total} of ${total}`);
      assert.match(h.frame(), /10 calls/, 'the last page ends on the last line');
      assert.match(h.frame(), /No loaded risky event to mark Invalid for/);
      assert.match(h.frame(), new RegExp(`${chosen[4]!.replaceAll('.', '\\.')}\\. +│`), 'the wrapped line is read to its end');
      await h.press('down');
      await h.waitForText(`lines ${total - 7}–${total} of ${total}`);
      await h.press('up');
      await h.waitForText(`lines ${total - 8}–${total - 1} of ${total}`);
      await h.press('pageup', 'pageup', 'pageup');
      await h.waitForText(`lines 1–8 of ${total}`);
      assert.equal(h.count('AdminDisableUser'), 0, 'the dry run sends nothing');

      await h.press('y');
      const summary = await summaryOf(h);
      assert.match(summary, /^Contained 5 users: 10 calls succeeded\./);
      assert.deepEqual(Object.keys(h.store.getState().marks[listKey(ref)] ?? {}), [], 'the marks are cleared once the playbook runs');
      assert.deepEqual(sentTo(h, 'AdminDisableUser'), chosen);
      assert.deepEqual(sentTo(h, 'AdminUserGlobalSignOut'), chosen);
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), 0, 'no events of theirs were loaded');
    });
  });

  it('group members: two members of support marked; the plan names each; y disables and signs out exactly them', async () => {
    await withApp({ columns: 120, rows: 30, deepLink: { pool: LARGE_POOL_ID }, deps: { feedbackIntervalMs: 5 } }, async (h) => {
      await h.waitForText(/\/60\+ users/);
      await h.submit(':', 'groups');
      await h.waitForText('/5 groups · all loaded');
      const groupsRef: ListRef = { kind: 'groups-of-pool', poolId: LARGE_POOL_ID };
      const groups = (h.store.getState().lists[listKey(groupsRef)]?.items ?? []) as { name: string }[];
      h.store.getState().actions.cursorTo(groupsRef, groups.findIndex((g) => g.name === 'support'));
      await h.press('enter');
      await h.waitForText('1/60+ members');
      const membersRef: ListRef = { kind: 'group-users', poolId: LARGE_POOL_ID, group: 'support' };
      const chosen = ((h.store.getState().lists[listKey(membersRef)]?.items ?? []) as User[]).slice(0, 2).map((u) => u.username);
      await h.press('space', 'space');
      await h.waitForText('2 marked');
      await h.submit(':', 'contain');
      await h.waitForText('Contain 2 users?');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      const lines = dialog.describe(checkedSteps(dialog));
      assert.deepEqual(lines.slice(0, 4), chosen.flatMap((u) => [`AdminDisableUser ${u}`, `AdminUserGlobalSignOut ${u}`]));
      assert.equal(lines.at(-1), '4 calls');
      await h.press('y');
      assert.match(await summaryOf(h), /^Contained 2 users: 4 calls succeeded\./);
      assert.deepEqual(sentTo(h, 'AdminDisableUser'), chosen);
      assert.deepEqual(sentTo(h, 'AdminUserGlobalSignOut'), chosen);
    });
  });

  it('sweep findings: two marked; the plan marks the risky events the sweep read Invalid; y sends each call once', async () => {
    await withApp({ columns: 120, rows: 30, deepLink: { pool: LARGE_POOL_ID }, deps: { feedbackIntervalMs: 5, sweepShare: 1 } }, async (h) => {
      await h.waitForText(/\/60\+ users/);
      await h.submit('/', 'username ^= "maria"');
      await h.waitForText('filter: username ^= "maria"');
      await h.press('s');
      await h.waitForText('the users matching');
      await h.press('y');
      await h.waitForText(/Sweep done: \d+ risky events in \d+ of \d+ users/, 30_000);
      const findingsRef: ListRef = { kind: 'findings', poolId: LARGE_POOL_ID };
      const findings = (h.store.getState().lists[listKey(findingsRef)]?.items ?? []) as SweepFinding[];
      assert.ok(findings.length >= 2, 'the sweep found at least two users');
      const chosen = findings.slice(0, 2);
      const risky = chosen.map((f) => f.events.filter((e) => needsAttention(e) && e.feedback?.value !== 'Invalid').length);
      assert.ok(risky.every((n) => n > 0));
      await h.press('space', 'space');
      await h.waitForText('2 marked');
      await h.submit(':', 'contain');
      await h.waitForText('Contain 2 users?');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      const lines = dialog.describe(checkedSteps(dialog));
      const writes = 4 + risky[0]! + risky[1]!;
      assert.equal(lines.at(-1), `${writes} calls`);
      for (const [i, f] of chosen.entries()) {
        assert.equal(lines.filter((l) => l.startsWith(`AdminUpdateAuthEventFeedback ${f.user.username} `)).length, risky[i], `${f.user.username}'s swept risky events`);
      }
      await h.press('y');
      assert.match(await summaryOf(h), new RegExp(`^Contained 2 users: ${writes} calls succeeded\\.`));
      assert.deepEqual(sentTo(h, 'AdminDisableUser'), chosen.map((f) => f.user.username));
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), risky[0]! + risky[1]!);
    });
  });

  it('IP pivot: the two users whose loaded events carry the address, marked; y disables, signs out and marks the risky events of each', async () => {
    await withApp(() => startOnEvents({ columns: 120, rows: 40, wrapGateway: sharingTheAddress, deps: { feedbackIntervalMs: 5 } }), async (h) => {
      const listed = await rawCall(h.emulator, 'ListUsers', { UserPoolId: LARGE_POOL_ID, Filter: 'username ^= "maria"', Limit: 60 });
      const other = (listed.json.Users as { Username: string }[]).map((u) => u.Username).find((n) => n !== TAKEOVER_USERNAME)!;
      await h.submit(':', `user ${other}`);
      await h.waitForText(`events of ${other}`);
      const eventsOf = (u: string) => (h.store.getState().lists[listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: u })]?.items ?? []) as AuthEvent[];
      await waitFor(() => eventsOf(other).length > 0, 10_000, `${other}'s events`);
      await h.submit(':', `ip ${ATTACKER}`);
      await h.waitForText('from the events of 2 users loaded');
      const ipRef: ListRef = { kind: 'ip', poolId: LARGE_POOL_ID, address: ATTACKER };
      const shown = ((h.store.getState().lists[listKey(ipRef)]?.items ?? []) as IpPivotRow[]).map((r) => r.user.username);
      await h.press('space', 'space');
      await h.waitForText('2 marked');
      await h.submit(':', 'contain');
      await h.waitForText('Contain 2 users?');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      const risky = (u: string) => eventsOf(u).filter((e) => needsAttention(e) && e.feedback?.value !== 'Invalid').length;
      const lines = dialog.describe(checkedSteps(dialog));
      const riskyEach = shown.map(risky);
      assert.ok(riskyEach.every((n) => n > 0), 'each has loaded risky events');
      const writes = riskyEach.reduce((n, r) => n + 2 + r, 0);
      assert.equal(lines.at(-1), `${writes} calls`);
      assert.deepEqual(lines.filter((l) => l.startsWith('AdminDisableUser')), shown.map((u) => `AdminDisableUser ${u}`));

      await h.press('y');
      const summary = await summaryOf(h);
      assert.match(summary, new RegExp(`^Contained 2 users: ${writes} calls succeeded\\.`));
      assert.deepEqual(sentTo(h, 'AdminDisableUser'), shown);
      assert.deepEqual(sentTo(h, 'AdminUserGlobalSignOut'), shown);
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), riskyEach[0]! + riskyEach[1]!);
    });
  });
});
