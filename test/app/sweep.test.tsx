import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, OFF_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { QUOTAS } from '../../src/sweep/quotas.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startApp, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { listKey } from '../../src/store/routes.ts';

const SWEEP_SHARE = 1;
/** The longest a running sweep waits between two calls of one kind, at SWEEP_SHARE of the quotas. */
const SWEEP_INTERVAL_MS = 1000 / (Math.min(QUOTAS.UserList, QUOTAS.UserResourceRead) * SWEEP_SHARE);
const QUIET_INTERVALS = 10;

describe('app: a pool-wide sweep', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, deps: { sweepShare: SWEEP_SHARE } });
    await h.waitForText('threat protection');
    await h.waitForText(/\d+\/\d+\+ users/);
  });
  after(async () => { await h.close(); });

  it('asks first with the estimated calls and time, and sends nothing on n', async () => {
    const events = h.count('AdminListUserAuthEvents');
    await h.press('s');
    await h.waitForText(/Sweep 20,000 users of acme-prod-customers for risky events\?/);
    await h.waitForText(/about 20,334 calls, about \d+ minutes at 100% of Cognito's quotas/);
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(h.count('AdminListUserAuthEvents'), events);
  });

  it('narrowed by the search, streams findings; enter opens a user\'s events to tag them', async () => {
    await h.submit('/', 'username ^= "maria"');
    await h.waitForText('filter: username ^= "maria"');
    await h.press('s');
    await h.waitForText('the users matching username ^= "maria"');
    await h.press('y');
    await h.waitForText(/sweep (running|done)/);
    await h.waitForText(/Sweep done: \d+ risky events in \d+ of \d+ users/, 15_000);
    const frame = h.frame();
    assert.match(frame, new RegExp(TAKEOVER_USERNAME));
    assert.match(frame, /▲▲ High/);
    const listed = h.emulator.requests.filter((r) => r.operation === 'ListUsers').map((r) => (r.body as { Filter?: string }).Filter);
    assert.ok(listed.includes('username ^= "maria"'));
    const findings = h.store.getState().lists[listKey({ kind: 'findings', poolId: LARGE_POOL_ID })]!.items as { user: { username: string }; events: unknown[] }[];
    const at = findings.findIndex((f) => f.user.username === TAKEOVER_USERNAME);
    assert.ok(at >= 0 && at < 5, `maria.garcia's takeover is among the worst findings (at ${at})`);
    for (let i = 0; i < at; i++) await h.press('j');
    await h.waitForText(`▶ ${TAKEOVER_USERNAME}`);
    await h.press('enter');
    await h.waitForText(`events of ${TAKEOVER_USERNAME}`);
    await h.waitForText(/\/\d+\+? events/);
    await h.press('i');
    await h.waitForText('as Invalid?');
    await h.press('y');
    await h.waitForText('Saved:');
    await h.press('escape');
    assert.equal(currentRoute(h.store.getState()).view, 'sweep');
  });

  it(`esc cancels a running sweep; no sweep call lands in ${QUIET_INTERVALS} sweep intervals between two fence calls after it`, async () => {
    await h.press('escape');
    await h.waitForText('filter: username ^= "maria"');
    await h.press('escape');
    await h.waitForText('/ searches users on the server');
    await h.press('s', 'y');
    await h.waitForText('sweep running');
    await waitFor(() => (h.store.getState().sweeps[LARGE_POOL_ID]?.progress?.usersScanned ?? 0) > 3);
    await h.press('escape');
    await h.waitForText(/Sweep cancelled: \d+ risky events/);
    const sweepCalls = (from: number, to: number) => h.emulator.requests.slice(from, to)
      .filter((r) => r.operation === 'ListUsers' || r.operation === 'AdminListUserAuthEvents').length;
    const fence = async () => {
      await rawCall(h.emulator, 'ListUserPools', { MaxResults: 1 });
      return h.emulator.requests.length;
    };
    const first = await fence();
    await new Promise((resolve) => setTimeout(resolve, QUIET_INTERVALS * SWEEP_INTERVAL_MS));
    const second = await fence();
    assert.equal(sweepCalls(first, second), 0,
      `no sweep call landed in the ${Math.round(QUIET_INTERVALS * SWEEP_INTERVAL_MS)} ms (${QUIET_INTERVALS} sweep intervals) after the cancel, a pause timed between two fence calls`);
    assert.equal(currentRoute(h.store.getState()).view, 'sweep');
  });
});

describe('app: sweep on a pool without threat protection', () => {
  it('is refused with the reason, nothing is sent', () =>
    withApp({ deepLink: { pool: OFF_POOL_ID } }, async (h) => {
      await h.waitForText('threat protection');
      await h.waitForText('OFF');
      await h.press('s');
      await h.waitForText('Threat protection is OFF for this pool');
      assert.equal(h.store.getState().confirm, undefined);
      assert.equal(h.count('AdminListUserAuthEvents'), 0);
    }));
});
