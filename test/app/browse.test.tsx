import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  LARGE_POOL_ID, OFF_POOL_ID, OVERRIDE_RISK_CLIENT_ID, TAKEOVER_USERNAME,
} from '../../src/emulator/well-known-ids.ts';
import type { AppClient } from '../../src/gateway/types.ts';
import { selectedItem, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, riskKey } from '../../src/store/routes.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

describe('app: browse pools → users → user → events → event', () => {
  let h: AppHarness;
  before(async () => { h = await startApp(); });
  after(async () => { await h.close(); });

  it('shows the pools with one ListUserPools call', async () => {
    await h.waitForText(LARGE_POOL_ID);
    assert.equal(h.operations()[0], 'ListUserPools');
    await h.waitForText('threat protection ENFORCED · tier PLUS');
    assert.deepEqual(h.operations(), ['ListUserPools', 'DescribeUserPool'], 'the list, then the selected pool\'s mode and tier');
  });

  it('opens the large pool: first screen of users from exactly one ListUsers call', async () => {
    await h.press('enter');
    await h.waitForText(/\d+\/60\+ users/);
    assert.equal(h.count('ListUsers'), 1);
  });

  it('shows the pool line with the threat protection mode', async () => {
    await h.waitForText('ENFORCED');
  });

  it('pages as the cursor moves down', async () => {
    await h.press('pagedown', 'pagedown', 'pagedown');
    await h.waitForText(/\/120\+ users/);
    await h.press('g');
    await h.waitForText(/ 1\/120\+ users/);
  });

  it('searches on the server and opens the takeover user from the row', async () => {
    await h.press('/');
    await h.type('maria.garcia');
    await h.waitForText('/maria.garcia');
    await h.press('enter');
    await h.waitForText('filter: email ^= "maria.garcia"');
    await h.waitForText(/1\/1 users/);
    assert.match(h.frame(), new RegExp(`▶ ${TAKEOVER_USERNAME}`));
    await h.press('enter');
    await h.waitForText('attributes');
    await h.waitForText('groups');
  });

  it('opens the events, newest first, with risk shown as text', async () => {
    await h.press('enter');
    const frame = await h.waitForText(/▲▲ High +✖ (AccountTakeover|Block)/);
    assert.match(frame, /events of maria\.garcia/);
    assert.ok(h.operations().includes('AdminListUserAuthEvents'));
  });

  it('opens an event in detail', async () => {
    await h.press('enter');
    const frame = await h.waitForText('compromised credentials');
    assert.match(frame, /event id/);
    assert.match(frame, /IP address/);
  });

  it('esc walks back to the users, where esc then clears the search', async () => {
    await h.press('escape', 'escape', 'escape');
    await h.waitForText('filter: email ^= "maria.garcia"');
    await h.press('escape');
    await h.waitForText('/ searches users on the server');
  });
});

describe('app: keys that arrive in one chunk (a paste, tmux send-keys)', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID } }); });
  after(async () => { await h.close(); });

  it('are handled one by one: / opens the search, tab changes the attribute, enter submits', async () => {
    await h.waitForText(/1\/60\+ users/);
    await h.press('/\tmaria.garcia\r');
    await h.waitForText('filter: username ^= "maria.garcia"');
    await h.waitForText(/1\/1 users/);
  });
});

describe('app: search syntax errors send nothing', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID } }); });
  after(async () => { await h.close(); });

  it('shows the error inline', async () => {
    await h.waitForText(/users/);
    await h.waitForText('ENFORCED');
    const before = h.operations().length;
    await h.submit('/', 'custom:tenant = "acme"');
    await h.waitForText('nothing was sent');
    assert.equal(h.operations().length, before);
  });
});

describe('app: threat protection off', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: OFF_POOL_ID } }); });
  after(async () => { await h.close(); });

  it('explains why there are no events', async () => {
    await h.waitForText('OFF');
    await h.press('enter');
    await h.waitForText('attributes');
    await h.press('enter');
    await h.waitForText('threat protection off');
  });
});

function selectedClient(h: AppHarness): AppClient | undefined {
  return selectedItem(h.store.getState().lists[listKey({ kind: 'clients', poolId: LARGE_POOL_ID })] as PagedList<AppClient> | undefined);
}

/** Waits for the selected app client's risk configuration to load and be drawn beside the pool's; returns the frame. */
async function showSelectedClient(h: AppHarness, previous?: string): Promise<string> {
  const client = (await waitFor(() => {
    const c = selectedClient(h);
    return c && c.id !== previous ? c : undefined;
  }, 5000, `an app client other than ${previous} to be selected`))!;
  const config = (await waitFor(() => {
    const r = h.store.getState().risk[riskKey(LARGE_POOL_ID, client.id)];
    return r && !r.loading && (r.value ?? r.error) ? r : undefined;
  }, 5000, `the risk configuration of ${client.name} to load`))!;
  assert.equal(config.error, undefined, `the risk configuration of ${client.name}`);
  const note = config.value!.clientId !== undefined ? /own configuration · \d+ override/ : /no configuration of its own/;
  return waitFor(() => {
    const f = h.frame();
    return f.includes(`APP CLIENT ${client.name}`) && note.test(f) ? f : '';
  }, 5000, `the frame to show ${client.name} with ${String(note)}`);
}

describe('app: risk configuration', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, rows: 40, columns: 140 }); });
  after(async () => { await h.close(); });

  it('shows the pool default beside the selected client, and marks a client-level override', async () => {
    await h.waitForText('ENFORCED');
    await h.press('c');
    await h.waitForText('POOL DEFAULT');
    await h.waitForText(/takeover: High risk +\S/);
    let frame = await showSelectedClient(h);
    for (let i = 0; i < 6 && !frame.includes('own configuration'); i++) {
      const previous = selectedClient(h)!.id;
      await h.press('j');
      frame = await showSelectedClient(h, previous);
    }
    assert.match(frame, /own configuration · [1-9]\d* overrides? of the pool/);
    assert.match(frame, /◆ /, 'the rows that differ are marked');
    for (const row of ['takeover: Low risk', 'takeover: Medium risk', 'compromised creds', 'blocked IP ranges', 'skipped IP ranges', 'notify from', 'block email subject', 'last modified']) {
      assert.match(frame, new RegExp(row), row);
    }
    assert.ok(h.emulator.requests.some((r) => r.operation === 'DescribeRiskConfiguration' && (r.body as { ClientId?: string }).ClientId === OVERRIDE_RISK_CLIENT_ID));
  });
});
