import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FINDINGS_CSV_HEADER, findingsToCsv, writeFindingsExport, type FindingsExportDocument } from '../../src/export/findings-file.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const T0 = Date.UTC(2025, 2, 14, 9, 26, 53, 589);
const POOL = 'us-test-1_Pool1';

const FINDINGS: SweepFinding[] = [
  {
    user: { username: 'maria', enabled: true, status: 'CONFIRMED', attributes: { email: 'maria+test@example.com', sub: 's-1' }, mfaOptions: [] },
    eventsRead: 12,
    events: [
      { id: 'e1', type: 'SignIn', createdAt: T0, response: 'Fail', riskLevel: 'High', riskDecision: 'AccountTakeover', ip: '203.0.113.9', challenges: [] },
      { id: 'e2', type: 'SignIn', createdAt: T0 - 60_000, response: 'Fail', riskLevel: 'Medium', challenges: [] },
    ],
  },
  {
    user: { username: '=cmd', enabled: false, status: 'CONFIRMED', attributes: {}, mfaOptions: [] },
    eventsRead: 3,
    events: [{ id: 'e3', type: 'SignIn', response: 'Fail', riskLevel: 'Low', challenges: [] }],
  },
];

describe('findings export', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'findings-export-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('writes JSON worst first with ISO 8601 UTC times ending in Z, mode 0600, and never replaces a file', async () => {
    const path = await writeFindingsExport({ dir, poolId: POOL, filter: 'email ^= "m"', findings: FINDINGS, format: 'json', partial: false, now: T0 });
    assert.match(path, /cognito-sweep-us-test-1_Pool1-20250314T092653Z\.json$/);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const doc = JSON.parse(await readFile(path, 'utf8')) as FindingsExportDocument;
    assert.equal(doc.exportedAtIso, '2025-03-14T09:26:53.589Z');
    assert.equal(doc.findingCount, 2);
    assert.equal(doc.filter, 'email ^= "m"');
    assert.deepEqual(doc.findings.map((f) => f.username), ['maria', '=cmd']);
    assert.equal(doc.findings[0].riskyEvents[0].createdAtIso, '2025-03-14T09:26:53.589Z');
    assert.equal(doc.findings[0].email, 'maria+test@example.com');
    const second = await writeFindingsExport({ dir, poolId: POOL, findings: FINDINGS, format: 'json', partial: true, now: T0 });
    assert.match(second, /-2\.json$/);
  });

  it('writes CSV with one row per risky event, its user first, formulas defused', () => {
    const lines = findingsToCsv(FINDINGS).split('\r\n');
    assert.equal(lines[0], FINDINGS_CSV_HEADER.join(','));
    assert.equal(lines.length, 5);
    assert.match(lines[1], /^maria,maria\+test@example.com,2025-03-14T09:26:53.589Z,SignIn,Fail,High,AccountTakeover,,203.0.113.9,/);
    assert.match(lines[3], /^'=cmd,,,SignIn,Fail,Low,/);
  });

  it('e and E on the sweep view export the findings and say where', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(20);
    gw.events = makeEvents(12);
    const store = createAppStore({ gateway: gw, listRows: 20, sweepShare: 1, exportDir: dir });
    const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k); };
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => store.getState().pools[POOL]?.value, 5000, 'pool details');
    press('s', 'y');
    await waitFor(() => store.getState().sweeps[POOL]?.running === false, 10_000, 'the sweep to end');
    press('E');
    const said = await waitFor(() => (/^Exported 20 users/.test(store.getState().flash?.text ?? '') ? store.getState().flash!.text : ''));
    const path = /to (\S+\.csv)/.exec(said)![1];
    assert.equal((await readFile(path, 'utf8')).split('\r\n').length, 1 + 20 * 2 + 1);
  });
});
