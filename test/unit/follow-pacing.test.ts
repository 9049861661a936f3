import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { describeFollowProgress } from '../../src/store/follow-progress.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const USERS: ListRef = { kind: 'users', poolId: POOL, filter: '' };

async function onUsers(users: number, paceFollow?: { share: number } | false) {
  const gw = new FakeGateway();
  gw.users = makeUsers(users);
  const store = createAppStore({ gateway: gw, listRows: 20, paceFollow });
  const list = () => store.getState().lists[listKey(USERS)] as PagedList<unknown> | undefined;
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  store.getState().actions.push({ view: 'users', poolId: POOL });
  await waitFor(() => list()?.pagesLoaded === 1 && !list()!.loading && store.getState().pools[POOL]?.value);
  return { gw, store, list, press };
}

/** The times (ms) between consecutive ListUsers requests. */
function gaps(stamps: number[]): number[] {
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

describe('G on AWS is paced below the ListUsers quota', () => {
  it('sends at most half of 30 requests per second with the default share, and says how long it will take', async () => {
    const { gw, store, list, press } = await onUsers(60 * 12, { share: 0.5 });
    const stamps: number[] = [];
    const listUsers = gw.listUsers.bind(gw);
    gw.listUsers = (...args) => { stamps.push(performance.now()); return listUsers(...args); };
    press('G');
    await waitFor(() => list()?.complete, 5000);
    assert.equal(stamps.length, 11);
    const span = stamps[stamps.length - 1] - stamps[0];
    assert.ok(span >= 10 * (1000 / 15) - 20, `10 paced intervals took ${span.toFixed(0)} ms: more than 15 requests per second`);
    const shortest = Math.min(...gaps(stamps));
    assert.ok(shortest >= 1000 / 30, `two requests ${shortest.toFixed(1)} ms apart: over the whole quota`);
    assert.match(store.getState().flash?.text ?? '', /Loaded all 720 rows/);
  });

  it('shows progress with an ETA while it runs, and esc stops it before the next request', async () => {
    const { gw, store, list, press } = await onUsers(60 * 200, { share: 0.5 });
    press('G');
    const shown = await waitFor(() => (/ETA/.test(store.getState().flash?.text ?? '') ? store.getState().flash!.text : ''));
    assert.match(shown, /Loading users: [\d,]+ of about 12,000 · ETA \d+ s · paced at 50% of the ListUsers quota/);
    await waitFor(() => gw.count('ListUsers') >= 4);
    press('escape');
    assert.equal(list()!.followUntil, undefined);
    const sent = gw.count('ListUsers');
    await waitFor(() => !list()!.loading);
    await new Promise((resolve) => setTimeout(resolve, 1000 / 15 + 20));
    assert.ok(gw.count('ListUsers') <= sent + 1, `${gw.count('ListUsers') - sent} requests after esc`);
    assert.equal(store.getState().stack.at(-1)?.view, 'users', 'esc stopped loading and stayed on the list');
  });

  it('runs unpaced against an emulator or the demo (paceFollow false or absent)', async () => {
    const { gw, list, press } = await onUsers(60 * 40, false);
    const start = performance.now();
    press('G');
    await waitFor(() => list()?.complete, 5000);
    assert.equal(gw.count('ListUsers'), 40);
    assert.ok(performance.now() - start < 39 * (1000 / 15), 'faster than the paced rate');
  });

  it('words the progress without an estimate when the pool gives none', () => {
    assert.equal(describeFollowProgress({ loaded: 1200, pagesPerSecond: 15, share: 0.5 }),
      'Loading users: 1,200 so far · paced at 50% of the ListUsers quota (shared with production) · esc stops');
    assert.match(describeFollowProgress({ loaded: 0, estimated: 90_000, pagesPerSecond: 15, share: 0.5 }), /ETA 2 min/);
  });
});
