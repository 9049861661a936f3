import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { User } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('store over the SDK gateway: walking the 20,000-user pool', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0 }); });
  after(async () => { await emu.close(); });

  it('one G loads every user to the end exactly once, one ListUsers call per page, cursor on the last', async () => {
    const gateway = createSdkGateway({ region: 'us-east-1', endpoint: emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const store = createAppStore({ gateway, listRows: 30 });
    store.getState().actions.openDeepLink(LARGE_POOL_ID);
    const key = listKey({ kind: 'users', poolId: LARGE_POOL_ID, filter: '' });
    const list = () => store.getState().lists[key] as PagedList<User> | undefined;
    await waitFor(() => (list()?.pagesLoaded ?? 0) >= 1);
    dispatchKey(store, 'G');
    await waitFor(() => list()!.complete || list()!.error, 60_000, 'the end of the list');
    assert.equal(list()!.error, undefined);
    assert.equal(list()!.followUntil, undefined);
    assert.equal(list()!.cursor, 19999);
    const users = list()!.items;
    assert.equal(users.length, 20000);
    assert.equal(new Set(users.map((u) => u.username)).size, 20000);
    const calls = emu.requests.filter((r) => r.operation === 'ListUsers').length;
    assert.equal(calls, Math.ceil(20000 / 60));
    dispatchKey(store, 'G');
    assert.equal(list()!.cursor, 19999);
  });
});
