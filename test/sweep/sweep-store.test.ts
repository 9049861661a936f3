import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

describe('store: sweep findings', () => {
  it('keeps one copy of each finding when the cursor moves while the sweep runs', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(30);
    gw.events = makeEvents(12);
    const store = createAppStore({ gateway: gw, listRows: 20, sweepShare: 1 });
    const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k); };
    const findings = () => store.getState().lists[listKey({ kind: 'findings', poolId: POOL })] as PagedList<SweepFinding> | undefined;
    const usernames = () => (findings()?.items ?? []).map((f) => f.user.username);

    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => store.getState().pools[POOL]?.value, 5000, 'pool details');
    press('s', 'y');
    await waitFor(() => usernames().length >= 2, 5000, 'the first findings');
    assert.equal(store.getState().sweeps[POOL]?.running, true);
    press('j', 'k', 'G');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(new Set(usernames()).size, usernames().length, `no finding twice while running: ${usernames().join(' ')}`);

    await waitFor(() => store.getState().sweeps[POOL]?.running === false, 10_000, 'the sweep to end');
    press('j', 'G');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(usernames().length, 30);
    assert.equal(new Set(usernames()).size, 30);
    assert.equal(findings()?.complete, true);
  });
});
