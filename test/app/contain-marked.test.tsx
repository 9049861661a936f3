import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsAttention } from '../../src/domain/event-risk.ts';
import type { IpPivotRow } from '../../src/domain/ip-pivot.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent, CognitoGateway, User } from '../../src/gateway/types.ts';
import { checkedSteps } from '../../src/store/dialog.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { ChecklistDialog } from '../../src/store/state.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const ATTACKER = '185.220.101.34';

/** The usernames `operation` was sent for, in order. */
const sentTo = (h: AppHarness, operation: string) => h.emulator.requests.filter((r) => r.operation === operation).map((r) => (r.body as { Username: string }).Username);

async function summaryOf(h: AppHarness): Promise<string> {
  return waitFor(() => {
    const text = h.store.getState().flash?.text ?? '';
    return text.startsWith('Contained') ? text : '';
  }, 20_000, 'the containment summary');
}

/** Other users named maria… get the attacker's address on every event, so the pivot finds more than one user. */
function sharingTheAddress(gw: CognitoGateway): CognitoGateway {
  return {
    ...gw,
    async listAuthEvents(poolId, username, token, opts) {
      const page = await gw.listAuthEvents(poolId, username, token, opts);
      const other = username.startsWith('maria') && username !== TAKEOVER_USERNAME;
      return other ? { ...page, items: page.items.map((e) => ({ ...e, ip: ATTACKER })) } : page;
    },
  };
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
      const total = lines.length;
      await h.waitForText(`lines 1–8 of ${total}`);
      assert.match(h.frame(), new RegExp(`AdminDisableUser ${chosen[0]} `));
      assert.doesNotMatch(h.frame(), /10 calls/);
      await h.press('pagedown');
      await h.waitForText(`lines ${total - 7}–${total} of ${total}`);
      assert.match(h.frame(), /10 calls/, 'the last page ends on the last line');
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
      assert.deepEqual(sentTo(h, 'AdminDisableUser'), chosen);
      assert.deepEqual(sentTo(h, 'AdminUserGlobalSignOut'), chosen);
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), 0, 'no events of theirs were loaded');
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
