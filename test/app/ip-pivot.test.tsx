import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { IpPivotRow } from '../../src/domain/ip-pivot.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import type { SweepFinding } from '../../src/sweep/index.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { ATTACKER, sharingTheAddress } from '../helpers/shared-address.ts';
import { waitFor } from '../helpers/wait-for.ts';

const MARIAS = 'username ^= "maria"';


describe('app: the IP pivot', () => {
  let h: AppHarness;
  let other = '';
  const ipRef: ListRef = { kind: 'ip', poolId: LARGE_POOL_ID, address: ATTACKER };
  const pivotUsers = () => ((h.store.getState().lists[listKey(ipRef)]?.items ?? []) as IpPivotRow[]).map((r) => r.user.username);

  before(async () => {
    h = await startOnEvents({ columns: 160, rows: 40, wrapGateway: sharingTheAddress, deps: { sweepShare: 1 } });
    const listed = await rawCall(h.emulator, 'ListUsers', { UserPoolId: LARGE_POOL_ID, Filter: MARIAS, Limit: 60 });
    const names = (listed.json.Users as { Username: string }[]).map((u) => u.Username);
    other = names.find((n) => n !== TAKEOVER_USERNAME)!;
    assert.ok(other, 'another user named maria… in the demo pool');
  });
  after(async () => { await h.close(); });

  it('I on one of maria.garcia\'s risky sign-ins lists her, with the count of events from it, and says what it searched', async () => {
    const ref: ListRef = { kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };
    const events = () => (h.store.getState().lists[listKey(ref)]?.items ?? []) as AuthEvent[];
    await waitFor(() => events().some((e) => e.ip === ATTACKER), 10_000, 'her sign-in from the attacker\'s address to load');
    const at = events().findIndex((e) => e.ip === ATTACKER && e.riskLevel === 'High');
    assert.ok(at >= 0);
    h.store.getState().actions.cursorTo(ref, at);
    await h.press('I');
    await h.waitForText(`users with events from ${ATTACKER}`);
    await h.waitForText(/from the events of 1 user loaded(; asking| and) the pool's user-activity logs \(last 24h\)/);
    assert.deepEqual(pivotUsers(), [TAKEOVER_USERNAME]);
    const row = (h.store.getState().lists[listKey(ipRef)]!.items as IpPivotRow[])[0];
    assert.equal(row.events, events().filter((e) => e.ip === ATTACKER).length);
    assert.equal(row.worst.riskLevel, 'High');
    assert.match(h.frame(), /ip 185\.220\.101\.34/);
    assert.match(h.frame(), new RegExp(`${TAKEOVER_USERNAME}.*▲▲ High`));
  });

  it('I on the event detail pivots on that event\'s address too', async () => {
    await h.press('escape');
    await h.waitForText(`events of ${TAKEOVER_USERNAME}`);
    await h.press('enter');
    await h.waitForText(/IP address\s+185\.220\.101\.34/);
    await h.press('I');
    await h.waitForText(`users with events from ${ATTACKER}`);
    assert.deepEqual(currentRoute(h.store.getState()), { view: 'ip', poolId: LARGE_POOL_ID, address: ATTACKER });
    await h.press('escape', 'escape');
    await h.waitForText(`events of ${TAKEOVER_USERNAME}`);
  });

  it(':ip lists every loaded user with that address, newest first; a bad address gets a one-line message', async () => {
    await h.submit(':', `user ${other}`);
    await h.waitForText(`events of ${other}`);
    await waitFor(() => (h.store.getState().lists[listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: other })]?.items.length ?? 0) > 0, 10_000, `${other}'s events`);
    await h.submit(':', 'ip 185.220.101');
    await h.waitForText('"185.220.101" is not an IP address');
    assert.equal(currentRoute(h.store.getState()).view, 'events');
    await h.press('escape');
    await h.submit(':', `ip ${ATTACKER}`);
    await h.waitForText('from the events of 2 users loaded');
    assert.deepEqual([...pivotUsers()].sort(), [TAKEOVER_USERNAME, other].sort());
    const rows = h.store.getState().lists[listKey(ipRef)]!.items as IpPivotRow[];
    assert.ok(rows.every((r, i) => i === 0 || (rows[i - 1].newestAt ?? 0) >= (r.newestAt ?? 0)), 'newest first');
  });

  it('a sweep\'s findings add the users it read; enter opens a user\'s events; space marks, and the bulk keys act on the marked', async () => {
    await h.press('escape');
    while (currentRoute(h.store.getState()).view !== 'users') await h.press('escape');
    await h.submit('/', MARIAS);
    await h.waitForText(`filter: ${MARIAS}`);
    await h.press('s');
    await h.waitForText('the users matching');
    await h.press('y');
    await h.waitForText(/Sweep done: \d+ risky events in \d+ of \d+ users/, 30_000);
    const findings = (h.store.getState().lists[listKey({ kind: 'findings', poolId: LARGE_POOL_ID })]?.items ?? []) as SweepFinding[];
    const swept = h.store.getState().sweeps[LARGE_POOL_ID]!.progress!.usersScanned;
    await h.submit(':', `ip ${ATTACKER}`);
    await h.waitForText(`and the ${swept.toLocaleString('en-US')} users swept and the pool's user-activity logs (last 24h)`);
    const shown = pivotUsers();
    for (const f of findings) assert.ok(shown.includes(f.user.username), `${f.user.username}, a finding, is listed`);
    const fromSweepOnly = shown.findIndex((u) => u !== TAKEOVER_USERNAME && u !== other);
    assert.ok(fromSweepOnly >= 0, `a user known only from the sweep is listed (${shown.join(', ')})`);
    const name = shown[fromSweepOnly];
    h.store.getState().actions.cursorTo(ipRef, fromSweepOnly);
    await h.waitForText(`▶ ${name}`);
    await h.press('enter');
    await h.waitForText(`events of ${name}`);
    await waitFor(() => (h.store.getState().lists[listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: name })]?.items.length ?? 0) > 0, 10_000, `${name}'s events`);
    await h.press('escape');
    await h.waitForText(`users with events from ${ATTACKER}`);
    h.store.getState().actions.cursorTo(ipRef, 0);
    await h.press('space');
    await h.waitForText('1 marked');
    assert.deepEqual(Object.keys(h.store.getState().marks[listKey(ipRef)] ?? {}), [shown[0]]);
    await h.press('d');
    await h.waitForText(`Disable ${shown[0]}? (AdminDisableUser)`);
    await h.press('n');
    assert.equal(h.count('AdminDisableUser'), 0);
  });
});
