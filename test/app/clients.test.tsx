import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { rawCall } from '../emulator/helpers.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { listKey } from '../../src/store/routes.ts';
import type { AppClient } from '../../src/gateway/types.ts';

const BILLING_CLIENT_ID = '5m4n3b2v1c0x9z8l7k6j5h4g3f';

/** Opens `:clients` of the large pool and waits for its four clients. */
async function openClients(h: AppHarness): Promise<void> {
  await h.waitForText(/\/\d+\+? users/);
  await h.submit(':', 'clients');
  await h.waitForText('billing-backend');
}

/** Moves the cursor to the client called `name` and opens it. */
async function openClient(h: AppHarness, name: string): Promise<void> {
  await h.press('g');
  const items = (h.store.getState().lists[listKey({ kind: 'appClients', poolId: LARGE_POOL_ID })]?.items ?? []) as AppClient[];
  const index = items.findIndex((c) => c.name === name);
  assert.ok(index >= 0, `${name} is listed`);
  for (let i = 0; i < index; i++) await h.press('j');
  await h.press('enter');
  await h.waitForText(`app clients › ${name}`);
}

/** Every file under `dir`, read as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

describe(':clients', () => {
  it('lists the current pool\'s app clients from ListUserPoolClients, with their ids', async () => {
    await withApp({ columns: 120, rows: 30, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await openClients(h);
      const frame = h.frame();
      for (const name of ['customer-web', 'mobile-ios-android', 'support-admin-console', 'billing-backend']) assert.match(frame, new RegExp(name));
      assert.match(frame, new RegExp(BILLING_CLIENT_ID));
      assert.match(frame, /app clients/);
      assert.ok(h.count('ListUserPoolClients') >= 1);
      assert.equal(h.count('DescribeUserPoolClient'), 0, 'the list reads no client until one is opened');
      assert.equal(h.count('DescribeRiskConfiguration'), 0, 'moving in the list asks for no risk configuration');
    });
  });

  it(':clients <pool id> opens another pool\'s clients; :clients without a pool says which to give', async () => {
    await withApp({ columns: 120, rows: 30 }, async (h) => {
      await h.waitForText('acme-prod-customers');
      await h.submit(':', 'clients');
      await h.waitForText('which pool? :clients <pool id>');
      await h.submit(':', `clients ${LARGE_POOL_ID}`);
      await h.waitForText('billing-backend');
    });
  });

  it('enter shows one client: flows, scopes, URLs, token validities with units, attributes, dates and that it has a secret', async () => {
    await withApp({ columns: 120, rows: 40, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await openClients(h);
      await openClient(h, 'billing-backend');
      const frame = await h.waitForText('ALLOW_ADMIN_USER_PASSWORD_AUTH');
      assert.match(frame, /acme-prod-customers › app clients › billing-backend/);
      assert.match(frame, /client secret\s+has a client secret/);
      assert.match(frame, /OAuth flows\s+client_credentials/);
      assert.match(frame, /OAuth scopes\s+billing\/read/);
      assert.match(frame, /access token validity\s+\d+ (minutes|hours|seconds|days)/);
      assert.match(frame, /refresh token validity\s+\d+ (minutes|hours|seconds|days)/);
      assert.match(frame, /prevent user existence errors\s+(ENABLED|LEGACY)/);
      assert.match(frame, /token revocation\s+(enabled|disabled)/);
      assert.match(frame, /created\s+\d{4}-\d{2}-\d{2}/);
      assert.equal(h.count('DescribeUserPoolClient'), 1);
      await h.press('escape');
      await h.waitForText('customer-web');
      await openClient(h, 'customer-web');
      const web = await h.waitForText(/callback URLs\s+https:\/\//);
      assert.match(web, /no client secret/);
      await h.press('r');
      await waitFor(() => h.count('DescribeUserPoolClient') === 3, 5000, 'r to read the client again');
    });
  });

  it('never shows, copies, logs or writes the client secret the emulator returns', async () => {
    const written: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-clients-'));
    try {
      await withApp({ columns: 120, rows: 40, deepLink: { pool: LARGE_POOL_ID }, deps: { writeToTerminal: (b) => { written.push(b); }, env: {}, exportDir: dir } }, async (h) => {
        const answer = await rawCall(h.emulator, 'DescribeUserPoolClient', { UserPoolId: LARGE_POOL_ID, ClientId: BILLING_CLIENT_ID });
        const secret = (answer.json.UserPoolClient as { ClientSecret?: string }).ClientSecret ?? '';
        assert.ok(secret.length >= 20, 'the emulator returns the secret, as Cognito does');
        const needles = [secret, secret.slice(0, 12)];
        await openClients(h);
        await openClient(h, 'billing-backend');
        await h.waitForText('has a client secret');
        await h.press('C');
        await waitFor(() => written.length > 0, 5000, 'the copy');
        await h.press('e', 'E');
        await h.submit(':', 'log');
        await h.waitForText('DescribeUserPoolClient');
        const copied = written.join('');
        const decoded = [...copied.matchAll(/52;c;([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8')).join('\n');
        assert.match(decoded, /billing-backend/, 'the copy holds the client');
        assert.match(decoded, /"hasSecret": ?true/);
        const { actions: _actions, ...state } = h.store.getState();
        const places: [string, string][] = [
          ['frames', h.frames().join('\n')], ['copy', copied], ['decoded copy', decoded],
          ['api log', JSON.stringify(state.api)], ['state', JSON.stringify(state)],
          ...filesUnder(dir).map((f): [string, string] => [f.path, f.text]),
        ];
        for (const [where, text] of places) for (const needle of needles) assert.ok(!text.includes(needle), `the secret is in the ${where}`);
        assert.ok(h.frames().length > 5);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a denied DescribeUserPoolClient is said plainly, with why a read-only policy may leave it out; the rest keeps working', async () => {
    await withApp({
      columns: 100, rows: 30, deepLink: { pool: LARGE_POOL_ID },
      emulator: { faults: { operationErrors: { DescribeUserPoolClient: { type: 'AccessDeniedException', message: 'not authorized to perform: cognito-idp:DescribeUserPoolClient', status: 400 } } } },
    }, async (h) => {
      await openClients(h);
      await openClient(h, 'billing-backend');
      await waitFor(() => /lets its holder read app client secrets/.test(h.frame().replace(/\s+/g, ' ')), 8000, 'the denial note');
      const frame = h.frame();
      assert.match(frame, /Not allowed to call DescribeUserPoolClient/);
      assert.match(frame.replace(/\s+/g, ' '), /cognito-idp:DescribeUserPoolClient/);
      await h.press('escape');
      await h.waitForText('mobile-ios-android');
      await h.press('j');
      await h.submit(':', 'settings');
      await h.waitForText('sign-in identifiers');
    });
  });
});
