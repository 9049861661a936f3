import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { CallOptions, CognitoGateway } from '../../src/gateway/types.ts';
import { MAX_IDLE_PAGES } from '../../src/store/paged-list.ts';
import { withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const USERS = { usersInLargePool: 300 };

/** Waits until the server's count of `operation` has not moved for `quietMs` (it stopped), and returns it. */
async function settledCount(h: AppHarness, operation: string, quietMs = 300): Promise<number> {
  let last = -1;
  let since = Date.now();
  const settled = await waitFor(() => {
    const n = h.count(operation);
    if (n !== last) { last = n; since = Date.now(); return undefined; }
    return Date.now() - since >= quietMs ? { n } : undefined;
  }, 8000, `${operation} requests to stop`);
  return settled!.n;
}

describe('app against a server that would page for ever', () => {
  it(`users: empty pages with a next token stop after ${MAX_IDLE_PAGES} ListUsers, say so, and r goes on for one more run`, async (t) => {
    await withApp({ emulator: { ...USERS, adversary: { ListUsers: { mode: 'empty-pages' } } }, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText('The server keeps returning empty pages (10 in a row); press r to continue.');
      const sent = await settledCount(h, 'ListUsers');
      t.diagnostic(`ListUsers sent against empty-pages before the stop: ${sent}`);
      assert.equal(sent, MAX_IDLE_PAGES);
      await h.press('r');
      await waitFor(() => h.count('ListUsers') >= 2 * MAX_IDLE_PAGES);
      assert.equal(await settledCount(h, 'ListUsers'), 2 * MAX_IDLE_PAGES);
      await h.waitForText('keeps returning empty pages');
    });
  });

  it('users: a token the server already gave ends the walk at once (same-token) and says the list may be incomplete', async (t) => {
    await withApp({ emulator: { ...USERS, adversary: { ListUsers: { mode: 'same-token' } } }, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText(/\d+\/\d+\+? users/);
      await h.press('G');
      await h.waitForText('Server repeated a page token: the list may be incomplete; press r to reload.');
      const sent = await settledCount(h, 'ListUsers');
      t.diagnostic(`ListUsers sent against same-token: ${sent}`);
      assert.equal(sent, 2);
    });
  });

  it('users: pages that repeat under fresh tokens are not shown twice and stop after the bound', async (t) => {
    await withApp({ emulator: { ...USERS, adversary: { ListUsers: { mode: 'repeat-pages' } } }, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText(/\d+\/\d+\+? users/);
      await h.press('G');
      await h.waitForText('The server keeps returning the same page (10 in a row); press r to continue.');
      const sent = await settledCount(h, 'ListUsers');
      t.diagnostic(`ListUsers sent against repeat-pages: ${sent}`);
      assert.equal(sent, 1 + MAX_IDLE_PAGES);
      await h.waitForText(/\/60\+? users/);
    });
  });

  it('events, pools and app clients are bounded the same way', async (t) => {
    for (const [operation, start] of [
      ['AdminListUserAuthEvents', { deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } }],
      ['ListUserPools', {}],
      ['ListUserPoolClients', { deepLink: { pool: LARGE_POOL_ID } }],
    ] as const) {
      await withApp({ emulator: { ...USERS, adversary: { [operation]: { mode: 'empty-pages' } } }, ...start }, async (h) => {
        if (operation === 'ListUserPoolClients') {
          await h.waitForText(/\d+\/\d+\+? users/);
          await h.press('c');
        }
        await h.waitForText('keeps returning empty pages');
        const sent = await settledCount(h, operation);
        t.diagnostic(`${operation} sent against empty-pages: ${sent}`);
        assert.equal(sent, MAX_IDLE_PAGES, operation);
      });
    }
  });

  it('the sweep stops on a ListUsers walk of empty pages and says why', async (t) => {
    await withApp({ emulator: { ...USERS }, deepLink: { pool: LARGE_POOL_ID }, deps: { sweepShare: 1 } }, async (h) => {
      await h.waitForText(/\d+\/\d+\+? users/);
      await h.waitForText('threat protection');
      h.emulator.setAdversary({ ListUsers: { mode: 'empty-pages' } });
      const before = h.count('ListUsers');
      await h.press('s');
      await h.waitForText('for risky events?');
      await h.press('y');
      await h.waitForText('ListUsers kept returning empty pages (10 in a row), so the sweep stopped');
      const sent = (await settledCount(h, 'ListUsers')) - before;
      t.diagnostic(`ListUsers sent by the sweep against empty-pages: ${sent}`);
      assert.equal(sent, MAX_IDLE_PAGES);
      await h.waitForText('sweep failed');
    });
  });

  it('the sweep stops when every call fails (5xx), says why, and labels the failures by cause', async (t) => {
    await withApp({ emulator: { ...USERS }, deepLink: { pool: LARGE_POOL_ID }, deps: { sweepShare: 1 } }, async (h) => {
      await h.waitForText(/\d+\/\d+\+? users/);
      await h.waitForText('threat protection');
      h.emulator.setAdversary({ AdminListUserAuthEvents: { mode: 'server-error' } });
      await h.press('s');
      await h.waitForText('for risky events?');
      await h.press('y');
      await h.waitForText('Stopped: the last 10 calls all failed (server errors (5xx))', 20_000);
      await h.waitForText(/\d+ 5xx/);
      const sent = await settledCount(h, 'AdminListUserAuthEvents');
      t.diagnostic(`AdminListUserAuthEvents sent against server-error before the sweep stopped: ${sent}`);
      assert.ok(sent <= 40, `${sent} event reads`);
    });
  });
});

/** Wraps the app's gateway so that every ListUsers waits `ms` before it is sent, and keeps the signals it was given. */
function slowListUsers(ms: number, signals: (AbortSignal | undefined)[]) {
  return (gateway: CognitoGateway): CognitoGateway => {
    const wrapped = Object.create(gateway) as CognitoGateway;
    wrapped.listUsers = async (poolId: string, filter: string | undefined, token?: string, opts?: CallOptions) => {
      signals.push(opts?.signal);
      await delay(ms);
      return gateway.listUsers(poolId, filter, token, opts);
    };
    return wrapped;
  };
}

describe('app: leaving a view stops its loading', () => {
  it('esc in the middle of a walk of empty pages: the request in flight is aborted and no further ListUsers arrives', async (t) => {
    const signals: (AbortSignal | undefined)[] = [];
    await withApp({
      emulator: { ...USERS }, wrapGateway: slowListUsers(40, signals),
    }, async (h) => {
      await h.waitForText('acme-prod-customers');
      h.emulator.setAdversary({ ListUsers: { mode: 'empty-pages' } });
      await h.press('enter');
      await waitFor(() => h.count('ListUsers') >= 3);
      await h.press('escape');
      const atEsc = h.count('ListUsers');
      // Proving that nothing more arrives needs a window of time: 10 of the wrapped gateway's 40 ms gaps between two
      // ListUsers, measured by the server's request count (any request would land in it), not a sleep before a check.
      const after = await settledCount(h, 'ListUsers', 400);
      t.diagnostic(`ListUsers at esc: ${atEsc}; after a 400 ms quiet window: ${after}`);
      assert.ok(after <= atEsc + 1, `${after - atEsc} ListUsers after esc`);
      assert.ok(after < MAX_IDLE_PAGES, 'the walk stopped because the view was left, not at the bound');
      assert.ok(signals.length > 0 && signals.every((s) => s !== undefined), 'every ListUsers carries a signal');
      assert.equal(signals.at(-1)!.aborted, true, 'the request in flight was aborted');
      assert.doesNotMatch(h.frame(), /abort/i, 'the abort is not shown as an error');
    });
  });

  it('esc while ListUsers hangs: the hung request is aborted, nothing more is sent, and the pools view works', async (t) => {
    const signals: (AbortSignal | undefined)[] = [];
    await withApp({ emulator: { ...USERS }, wrapGateway: slowListUsers(0, signals) }, async (h) => {
      await h.waitForText('acme-prod-customers');
      h.emulator.setAdversary({ ListUsers: { mode: 'hang' } });
      await h.press('enter');
      await waitFor(() => h.count('ListUsers') === 1);
      await h.press('escape');
      await waitFor(() => signals[0]?.aborted === true, 2000, 'the hung ListUsers to be aborted');
      const after = await settledCount(h, 'ListUsers', 300);
      t.diagnostic(`ListUsers after esc on a hung request: ${after - 1}`);
      assert.equal(after, 1);
      await h.waitForText('acme-prod-customers');
      assert.doesNotMatch(h.frame(), /abort|did not answer/i);
    });
  });

  it('quitting aborts what is still loading', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    await withApp({ emulator: { ...USERS }, wrapGateway: slowListUsers(0, signals) }, async (h) => {
      await h.waitForText('acme-prod-customers');
      h.emulator.setAdversary({ ListUsers: { mode: 'hang' } });
      await h.press('enter');
      await waitFor(() => h.count('ListUsers') === 1);
      h.store.getState().actions.quit();
      await waitFor(() => signals[0]?.aborted === true, 2000, 'the hung ListUsers to be aborted on quit');
    });
  });
});
