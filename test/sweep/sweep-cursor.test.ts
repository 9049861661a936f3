import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { selectedItem, type PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { compareFindings } from '../../src/sweep/severity.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const LEVELS = ['Medium', 'High', 'Low'];

/** Each user has one risky event; levels and times vary so that later findings land above and below earlier ones. */
function riskyEventsOf(username: string): AuthEvent[] {
  const i = Number(username.slice(4));
  return [{
    id: `evt-${username}`, type: 'SignIn', createdAt: 1_700_000_000_000 + ((i * 7919) % 1000) * 60_000, response: 'Fail',
    riskLevel: LEVELS[i % 3], riskDecision: 'NoRisk', challenges: [],
  }];
}

describe('sweep findings stream in under a still cursor', () => {
  it('keeps the cursor on the same finding and the list worst first while new ones arrive', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(120);
    gw.listAuthEvents = (poolId: string, username: string) => {
      gw.calls.push({ op: 'AdminListUserAuthEvents', args: [poolId, username] });
      return Promise.resolve({ items: riskyEventsOf(username) });
    };
    const store = createAppStore({ gateway: gw, listRows: 10, sweepShare: 0.2 });
    const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k); };
    const findings = () => store.getState().lists[listKey({ kind: 'findings', poolId: POOL })] as PagedList<SweepFinding> | undefined;
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => store.getState().pools[POOL]?.value, 5000, 'pool details');
    press('s', 'y');
    await waitFor(() => (findings()?.items.length ?? 0) >= 6, 10_000, 'the first findings');
    press('j', 'j', 'j');
    const chosen = selectedItem(findings())!.user.username;
    const seen = findings()!.items.length;
    for (let round = 0; round < 5; round++) {
      await waitFor(() => findings()!.items.length > seen + round * 3, 10_000, 'more findings');
      assert.equal(selectedItem(findings())!.user.username, chosen, `after ${findings()!.items.length} findings the cursor is still on ${chosen}`);
    }
    const items = findings()!.items;
    for (let i = 1; i < items.length; i++) assert.ok(compareFindings(items[i - 1], items[i]) <= 0, `finding ${i} out of order`);
    press('escape');
    await waitFor(() => store.getState().sweeps[POOL]?.running === false, 5000, 'the sweep to stop');
  });
});
