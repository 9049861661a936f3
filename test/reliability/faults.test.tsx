import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { sdkClient } from '../emulator/helpers.ts';
import { startApp, startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { serverFeedback } from '../helpers/server-reads.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { WriteLedger } from './fuzz-invariants.ts';
import { appliedFeedback, eventIdOf, writeRequests } from './writes.ts';

const NOW = Date.UTC(2026, 5, 1, 12);
const USERS: ListRef = { kind: 'users', poolId: LARGE_POOL_ID, filter: '' };
const EVENTS: ListRef = { kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };

function listOf<T>(h: AppHarness, ref: ListRef): PagedList<T> {
  return h.store.getState().lists[listKey(ref)] as PagedList<T>;
}

async function settled<T>(h: AppHarness, ref: ListRef, what: string, ok: (l: PagedList<T>) => boolean, timeoutMs = 10000): Promise<PagedList<T>> {
  const found = await waitFor(() => {
    const l = listOf<T>(h, ref);
    return l && !l.loading && ok(l) ? l : undefined;
  }, timeoutMs, what);
  return found!;
}

function unique(users: User[]): boolean {
  return new Set(users.map((u) => u.username)).size === users.length;
}

async function serverUserEnabled(emu: RunningEmulator, username: string): Promise<boolean | undefined> {
  const sdk = sdkClient(emu);
  try {
    const out = await sdk.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${username}"` }));
    return out.Users?.[0]?.Enabled;
  } finally {
    sdk.destroy();
  }
}

function loadedEvents(h: AppHarness): Promise<PagedList<AuthEvent>> {
  return settled<AuthEvent>(h, EVENTS, 'events', (l) => l.items.length > 2);
}

describe('faults: reads', () => {
  it('throttled reads are retried while scrolling, the list keeps filling, and the footer counts them', () =>
    withApp({ emulator: { faults: { throttleRate: 0.3 }, usersInLargePool: 600 }, maxReadAttempts: 10, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await settled<User>(h, USERS, 'the first page', (l) => l.items.length > 0);
      const before = listOf<User>(h, USERS).items.length;
      await h.press('G');
      await settled<User>(h, USERS, `the page after ${before} rows`, (l) => l.items.length > before || l.complete);
      const list = listOf<User>(h, USERS);
      assert.equal(list.error, undefined);
      assert.ok(unique(list.items), 'no row loaded twice');
      const emulatorThrottled = h.emulator.requests.filter((r) => r.errorType === 'TooManyRequestsException').length;
      assert.ok(emulatorThrottled > 0, 'the emulator throttled some requests');
      const frame = await h.waitForText(/throttled \d+/);
      const shown = Number(/throttled (\d+)/.exec(frame)![1]);
      assert.ok(shown >= 1 && shown <= emulatorThrottled, `footer says ${shown}, emulator throttled ${emulatorThrottled}`);
      assert.doesNotMatch(frame, /✖/);
    }));

  for (const [fault, message] of [['errorRate', /internal error|HTTP 500/i], ['dropRate', /Lost the connection|socket hang up/i]] as const) {
    it(`a failed page (${fault}) shows the error with r, keeps the loaded rows, and r loads on from there`, () =>
      withApp({ emulator: { usersInLargePool: 1500 }, maxReadAttempts: 2, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
        const first = await settled<User>(h, USERS, 'the first pages', (l) => l.items.length > 0);
        const loaded = first.items.length;
        h.emulator.setFaults({ [fault]: 1 });
        await h.press('G');
        await settled<User>(h, USERS, 'the failed page', (l) => l.error !== undefined);
        const frame = await h.waitForText(message);
        assert.match(frame, /press r|r retries/i);
        assert.equal(listOf<User>(h, USERS).items.length, loaded, 'loaded rows are kept');
        assert.match(frame, /▶ /, 'and still drawn');
        h.emulator.setFaults({});
        await h.press('r');
        const after = await settled<User>(h, USERS, 'the retried page', (l) => l.items.length > loaded && !l.error);
        assert.ok(unique(after.items), 'the retried page was not appended twice');
        assert.doesNotMatch(h.frame(), /✖/);
      }));
  }

  it('latency: keys pressed while pages are in flight neither crash nor mix lists up', () =>
    withApp({ emulator: { faults: { latencyMs: 120 }, usersInLargePool: 500 } }, async (h) => {
      await h.waitForText('Loading');
      await h.waitForText(LARGE_POOL_ID);
      await h.press('enter', 'escape', 'enter', 'G', 'escape', 'enter');
      const users = await settled<User>(h, USERS, 'users after the back and forth', (l) => l.items.length > 0);
      assert.ok(unique(users.items));
      await h.waitForText(/\d+\/\d+\+? users/);
    }));
});

describe('faults: the emulator goes away mid-scroll and comes back', () => {
  for (const sameData of [true, false]) {
    it(`r reloads once it is back on the same port (${sameData ? 'same' : 'new'} data, so the page token ${sameData ? 'still works' : 'is stale'})`, async () => {
      const h = await startApp({ emulator: { usersInLargePool: 1500, now: NOW }, maxReadAttempts: 2, deepLink: { pool: LARGE_POOL_ID } });
      let again: RunningEmulator | undefined;
      try {
        const first = await settled<User>(h, USERS, 'the first pages', (l) => l.items.length > 0);
        const loaded = first.items.length;
        h.emulator.setFaults({ latencyMs: 400 });
        await h.press('G');
        await waitFor(() => listOf(h, USERS).loading, 5000, 'a page in flight');
        await h.emulator.close();
        await settled<User>(h, USERS, 'the error', (l) => l.error !== undefined);
        const frame = await h.waitForText(/refused the connection|Lost the connection/);
        assert.match(frame, /press r|r retries/i);
        assert.equal(listOf<User>(h, USERS).items.length, loaded);
        again = await startEmulator({ port: h.emulator.port, usersInLargePool: 1500, now: sameData ? NOW : NOW + 1 });
        for (let attempt = 0; attempt < 3; attempt++) {
          await h.press('r');
          const l = await settled<User>(h, USERS, 'the answer to r', (x) => x.pagesLoaded > 0 || x.error !== undefined);
          if (!l.error && l.items.length > (sameData ? loaded : 0)) break;
        }
        const after = await settled<User>(h, USERS, 'rows again', (l) => !l.error && l.items.length > 0, 3000).catch((error: Error) => {
          throw new Error(`${error.message}\n${h.frame()}`);
        });
        assert.ok(unique(after.items));
        if (sameData) assert.ok(after.items.length > loaded, 'loading went on from where it stopped');
        assert.doesNotMatch(h.frame(), /✖/);
      } finally {
        await h.close();
        await again?.close();
      }
    });
  }
});

describe('faults: writes are reported, reverted, and never sent twice', () => {
  it('a feedback write that fails is reported, the row reverted, and the server unchanged', () =>
    withApp(startOnEvents, async (h) => {
      const events = await loadedEvents(h);
      const target = events.items[events.cursor];
      const before = (await serverFeedback(h.emulator, TAKEOVER_USERNAME)).get(target.id);
      h.emulator.setFaults({ errorRate: 1 });
      await h.press('v', 'y');
      await h.waitForText('NOT saved');
      h.emulator.setFaults({});
      const writes = writeRequests(h.emulator.requests);
      assert.equal(writes.length, 1, 'a write that failed with a server error is not resent');
      assert.equal(eventIdOf(writes[0]), target.id);
      await settled<AuthEvent>(h, EVENTS, 'the re-read', (l) => l.items.some((e) => e.id === target.id));
      const row = listOf<AuthEvent>(h, EVENTS).items.find((e) => e.id === target.id)!;
      assert.equal(row.feedback?.value, before, 'the row shows what the server has');
      assert.equal((await serverFeedback(h.emulator, TAKEOVER_USERNAME)).get(target.id), before);
    }));

  it('a dropped connection during a write is an UNKNOWN outcome: read back, found not applied, and not resent', () =>
    withApp(startOnEvents, async (h) => {
      const events = await loadedEvents(h);
      const target = events.items[events.cursor];
      h.emulator.setFaults({ dropRate: 1 });
      await h.press('i', 'y');
      await waitFor(() => /outcome UNKNOWN/.test(h.store.getState().flash?.text ?? ''), 10000, 'the unknown outcome');
      h.emulator.setFaults({});
      await waitFor(() => /still shows .* not applied; R to send again/.test(h.store.getState().flash?.text ?? ''), 8000, 'the read-back verdict');
      const frame = await h.waitForText(/R to send again/);
      assert.doesNotMatch(frame, /NOT saved/);
      assert.equal(writeRequests(h.emulator.requests).length, 1);
      assert.equal(appliedFeedback(h.emulator.requests).size, 0);
      assert.equal(listOf<AuthEvent>(h, EVENTS).items.find((e) => e.id === target.id)?.feedback?.value, target.feedback?.value);
    }));

  it('a write that succeeds is sent exactly once, however often y, enter and v are pressed while it is in flight', () =>
    withApp(startOnEvents, async (h) => {
      const events = await loadedEvents(h);
      const target = events.items[events.cursor];
      h.emulator.setFaults({ latencyMs: 250 });
      await h.press('i', 'y', 'y', 'enter', 'i', 'y', 'i', 'enter');
      await h.waitForText('Saved:');
      h.emulator.setFaults({});
      const writes = writeRequests(h.emulator.requests);
      assert.equal(writes.length, 1, writes.map((w) => w.operation).join());
      assert.deepEqual([...appliedFeedback(h.emulator.requests)], [[target.id, 1]]);
      assert.equal((await serverFeedback(h.emulator, TAKEOVER_USERNAME)).get(target.id), 'Invalid');
    }));

  it('a throttled write is retried until it gets through, and applied once', () =>
    withApp(startOnEvents, async (h) => {
      const events = await loadedEvents(h);
      const target = events.items[events.cursor];
      h.emulator.setFaults({ throttleRate: 1, latencyMs: 30 });
      await h.press('v', 'y');
      await waitFor(() => h.emulator.requests.some((r) => r.operation === 'AdminUpdateAuthEventFeedback' && r.errorType === 'TooManyRequestsException'), 5000, 'a throttled write');
      h.emulator.setFaults({});
      await h.waitForText('Saved:');
      const writes = writeRequests(h.emulator.requests);
      assert.ok(writes.length >= 2, 'the write was retried');
      assert.ok(writes.every((w) => eventIdOf(w) === target.id));
      assert.deepEqual([...appliedFeedback(h.emulator.requests)], [[target.id, 1]]);
      assert.equal((await serverFeedback(h.emulator, TAKEOVER_USERNAME)).get(target.id), 'Valid');
    }));

  it('a batch of marked events under random errors: every event ends applied exactly once after retries', () =>
    withApp(startOnEvents, async (h) => {
      const events = await loadedEvents(h);
      const marked = events.items.slice(0, 4).map((e) => e.id);
      await h.press('g', 'space', 'space', 'space', 'space');
      assert.equal(Object.keys(h.store.getState().marks[listKey(EVENTS)] ?? {}).length, 4);
      h.emulator.setFaults({ errorRate: 0.5 });
      for (let round = 0; round < 12; round++) {
        const applied = appliedFeedback(h.emulator.requests);
        if (marked.every((id) => applied.get(id) === 1)) break;
        const writesBefore = writeRequests(h.emulator.requests).length;
        await h.press('i', 'y');
        await waitFor(() => h.store.getState().pendingWrites.size === 0 && writeRequests(h.emulator.requests).length > writesBefore, 10000, 'the batch to settle');
        await h.waitForText(/Saved:|NOT saved/);
      }
      h.emulator.setFaults({});
      const applied = appliedFeedback(h.emulator.requests);
      for (const id of marked) assert.equal(applied.get(id), 1, `event ${id} applied once`);
      assert.deepEqual([...applied.keys()].sort(), [...marked].sort(), 'no other event was written');
      const server = await serverFeedback(h.emulator, TAKEOVER_USERNAME);
      for (const id of marked) assert.equal(server.get(id), 'Invalid');
    }));

  it('disabling a user: a failure is reported and the user stays enabled; a success is sent once', () =>
    withApp(startOnEvents, async (h) => {
      await loadedEvents(h);
      await h.press('escape');
      await h.waitForText(/^username\s+maria/m);
      h.emulator.setFaults({ errorRate: 1 });
      await h.press('d');
      await h.waitForText('AdminDisableUser');
      await h.press('y');
      await h.waitForText('NOT done');
      h.emulator.setFaults({});
      assert.equal(await serverUserEnabled(h.emulator, TAKEOVER_USERNAME), true);
      assert.match(h.frame(), /enabled\s+yes/);
      h.emulator.setFaults({ latencyMs: 150 });
      await h.press('d', 'y', 'd', 'y');
      await h.waitForText('Disabled:');
      h.emulator.setFaults({});
      const disables = h.emulator.requests.filter((r) => r.operation === 'AdminDisableUser');
      assert.equal(disables.length, 2, 'one failed attempt, one that went through');
      assert.equal(disables.filter((r) => r.status === 200).length, 1);
      assert.equal(await serverUserEnabled(h.emulator, TAKEOVER_USERNAME), false);
      await h.waitForText(/enabled\s+NO/);
    }));
});

describe('faults: read-only sends no write at all', () => {
  it('every write key, confirmed, in every view: the app calls no write and the emulator records none', () => {
    const ledger = new WriteLedger();
    return withApp(() => startOnEvents({ readOnly: true, wrapGateway: (gateway) => ledger.wrap(gateway) }), async (h) => {
      await h.waitForText('READ-ONLY');
      await loadedEvents(h);
      const writeKeys = ['v', 'y', 'i', 'y', 'd', 'y', 'S', 'y'];
      await h.press(...writeKeys, 'space', 'space', 'i', 'y', '*', 'v', 'enter', 'F');
      await h.press('enter', ...writeKeys);
      await h.waitForText('event id');
      for (let i = 0; i < 5 && h.store.getState().stack.at(-1)?.view !== 'user'; i++) await h.press('escape');
      await h.waitForText(/^username\s+maria/m);
      await h.press(...writeKeys);
      await h.waitForText('read-only');
      assert.deepEqual(ledger.entries, [], 'the app called no write on the gateway');
      assert.deepEqual(writeRequests(h.emulator.requests), []);
    });
  });
});
