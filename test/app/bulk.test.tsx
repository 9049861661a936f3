import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import type { User } from '../../src/gateway/types.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { SweepFinding } from '../../src/sweep/index.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const MARIAS = 'username ^= "maria"';
const KHALILS = 'username ^= "mariam.khalil"';

describe('app: marks and bulk writes on users', () => {
  let h: AppHarness;
  const ref = (): ListRef => ({ kind: 'users', poolId: LARGE_POOL_ID, filter: h.store.getState().searches[LARGE_POOL_ID] ?? '' });
  const rows = () => (h.store.getState().lists[listKey(ref())] as PagedList<User> | undefined)?.items ?? [];
  const marks = (r: ListRef = ref()) => Object.keys(h.store.getState().marks[listKey(r)] ?? {}).sort();
  /** The usernames `operation` was sent for, in order. */
  const sentTo = (operation: string) => h.emulator.requests.filter((r) => r.operation === operation).map((r) => (r.body as { Username: string }).Username);

  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID } });
    await h.waitForText(/\d+\/\d+\+ users/);
  });
  after(async () => { await h.close(); });

  it('space marks 3 users (●); d asks once with the count; y disables each once, showing progress, and the rows show it', async () => {
    const chosen = rows().slice(0, 3).map((u) => u.username);
    await h.press('space', 'space', 'space');
    await h.waitForText('3 marked');
    assert.equal(h.frame().split('\n').filter((line) => line.includes('●')).length, 3);
    h.emulator.setFaults({ latencyMs: 150 });
    await h.press('d');
    await h.waitForText('Disable 3 users? (AdminDisableUser)');
    assert.equal(h.count('AdminDisableUser'), 0);
    await h.press('y');
    await h.waitForText(/Disable 3 users: [0-2]\/3…/);
    await h.waitForText('Disabled: 3 users (AdminDisableUser succeeded for each).');
    h.emulator.setFaults({});
    assert.deepEqual(sentTo('AdminDisableUser'), chosen, 'each marked user exactly once');
    assert.deepEqual(marks(), []);
    assert.deepEqual(rows().slice(0, 3).map((u) => u.enabled), [false, false, false]);
    await waitFor(() => h.frame().split('\n').filter((line) => / NO /.test(line)).length >= 3);
  });

  it('* on a filtered users list marks every user shown, and S signs them all out after one confirmation', async () => {
    await h.submit('/', KHALILS);
    await h.waitForText(`filter: ${KHALILS}`);
    await waitFor(() => rows().length > 0 && h.store.getState().lists[listKey(ref())]?.complete === true, 8000, 'the filtered list to load');
    const shown = rows().map((u) => u.username);
    assert.ok(shown.every((u) => u.startsWith('maria')));
    await h.press('*');
    await h.waitForText(`Marked ${shown.length} users shown`);
    assert.deepEqual(marks(), [...shown].sort());
    await h.press('S');
    await h.waitForText(`Sign out everywhere ${shown.length} users? (AdminUserGlobalSignOut)`);
    await h.press('y');
    await h.waitForText(`Signed out everywhere: ${shown.length} users`, 20_000);
    assert.deepEqual(sentTo('AdminUserGlobalSignOut'), shown);
    await h.press('escape');
    await h.waitForText('/ searches users on the server');
  });

  it('a partial failure lists who failed and why, leaves only them marked, and R asks to send just them', async () => {
    await h.press('g', 'j', 'j', 'j');
    const chosen = rows().slice(3, 6).map((u) => u.username);
    await h.press('space', 'space', 'space');
    await h.waitForText('3 marked');
    const gone = chosen[1];
    const deleted = await rawCall(h.emulator, 'AdminDeleteUser', { UserPoolId: LARGE_POOL_ID, Username: gone });
    assert.equal(deleted.status, 200);
    const before = sentTo('AdminDisableUser').length;
    await h.press('d', 'y');
    await h.waitForText(`Disabled 2 of 3; 1 NOT disabled: ${gone}`);
    assert.match(h.store.getState().flash?.text ?? '', new RegExp(`NOT disabled: ${gone.replace('.', '\\.')} \\(No such user in this pool\\. .*\\)\\. R to retry`));
    assert.deepEqual(sentTo('AdminDisableUser').slice(before), chosen);
    assert.deepEqual(marks(), [gone]);
    await h.press('R');
    await h.waitForText(`Send again: Disable ${gone}? (AdminDisableUser)`);
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(sentTo('AdminDisableUser').length, before + 3);
    await h.press('escape');
    await waitFor(() => marks().length === 0);
  });

  it('sweep findings: space marks users, S signs them out', async () => {
    await h.submit('/', MARIAS);
    await h.waitForText(`filter: ${MARIAS}`);
    await h.press('s');
    await h.waitForText('the users matching');
    await h.press('y');
    await h.waitForText(/Sweep done: \d+ risky events in \d+ of \d+ users/, 15_000);
    const findingsRef: ListRef = { kind: 'findings', poolId: LARGE_POOL_ID };
    const findings = (h.store.getState().lists[listKey(findingsRef)] as PagedList<SweepFinding>).items;
    assert.ok(findings.length >= 2, 'the sweep found at least two users');
    const chosen = findings.slice(0, 2).map((f) => f.user.username);
    await h.press('space', 'space');
    await h.waitForText('2 marked');
    assert.deepEqual(marks(findingsRef), [...chosen].sort());
    const before = sentTo('AdminUserGlobalSignOut').length;
    await h.press('S');
    await h.waitForText('Sign out everywhere 2 users? (AdminUserGlobalSignOut)');
    await h.press('y');
    await h.waitForText('Signed out everywhere: 2 users');
    assert.deepEqual(sentTo('AdminUserGlobalSignOut').slice(before), chosen);
    assert.deepEqual(marks(findingsRef), []);
  });
});
