import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AUDIT_POOL_ID, LARGE_POOL_ID, TAKEOVER_EMAIL, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { userKey } from '../../src/store/routes.ts';

describe('app: the : command line', () => {
  let h: AppHarness;
  const written: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-export-'));
  before(async () => {
    h = await startApp({ deps: { writeToTerminal: (bytes) => { written.push(bytes); }, env: {}, exportDir: dir } });
    await h.waitForText('acme-prod-customers');
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(':pool with tab completion of a known pool id opens its users', async () => {
    await h.press(':');
    await h.waitForText('tab completes');
    await h.type('pool us-east-1_Vn');
    await h.press('tab');
    await h.waitForText(`:pool ${AUDIT_POOL_ID}`);
    await h.press('enter');
    await waitFor(() => { const r = currentRoute(h.store.getState()); return r.view === 'users' && r.poolId === AUDIT_POOL_ID; });
  });

  it('an unknown command is refused inline with a suggestion, nothing happens', async () => {
    await h.submit(':', 'pols');
    await h.waitForText(/✖ .*pools/);
    assert.equal(currentRoute(h.store.getState()).view, 'users');
    await h.press('escape');
  });

  it(':user by email in the current pool opens that user\'s events', async () => {
    await h.submit(':', `pool ${LARGE_POOL_ID}`);
    await h.waitForText('threat protection');
    await h.submit(':', `user ${TAKEOVER_EMAIL}`);
    await h.waitForText(/\/\d+\+? events/);
  });

  it('C copies the selected event as JSON through OSC 52, the bytes carry only base64', async () => {
    await h.press('C');
    await h.waitForText('sent to the terminal clipboard (OSC 52)');
    assert.equal(written.length, 1);
    const m = /^\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007$/.exec(written[0]);
    assert.ok(m, JSON.stringify(written[0].slice(0, 40)));
    const copied = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as { id: string };
    assert.match(copied.id, /^[0-9a-f-]{36}$/);
  });

  it('e and E export the loaded events to JSON and CSV files and say where', async () => {
    await waitFor(() => h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_EMAIL)]);
    await h.press('e');
    await h.waitForText(/Exported \d+ events to \/tmp\/cognito-tui-export-/);
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    assert.match(h.frame(), new RegExp(files[0].slice(0, 30)));
    const doc = JSON.parse(readFileSync(join(dir, files[0]), 'utf8')) as { username: string; events: unknown[] };
    assert.equal(doc.username, TAKEOVER_USERNAME);
    assert.ok(doc.events.length > 0);
    await h.press('E');
    const csvName = (await waitFor(() => (h.store.getState().flash?.text.includes('.csv') ? readdirSync(dir).find((f) => f.endsWith('.csv')) : undefined)))!;
    const csv = readFileSync(join(dir, csvName), 'utf8');
    assert.equal(csv.trimEnd().split('\r\n').length, doc.events.length + 1, 'a header and one row per event');
  });

  it(':log lists the recent API calls with latency and outcome', async () => {
    await h.submit(':', 'log');
    const frame = await h.waitForText('API log');
    assert.match(frame, /AdminListUserAuthEvents/);
    assert.match(frame, /OUTCOME/);
    await h.press('escape');
  });

  it(':region is refused on a backend that cannot switch, with the reason', async () => {
    await h.submit(':', 'region eu-west-1');
    await h.waitForText('cannot switch region or profile');
  });
});
