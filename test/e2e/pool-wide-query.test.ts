import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('built CLI in a pseudo-terminal: the pool-wide question', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  const journalDir = mkdtempSync(join(tmpdir(), 'cognito-tui-query-journal-'));
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--journal', journalDir], { cols: 140, rows: 36, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
    rmSync(journalDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('A on the users list: the users needing attention in the last 24 h, from Logs Insights, through the one endpoint', async () => {
    await s.waitForText('range last 24h');
    s.press('A');
    await s.waitForText('users needing attention', 20_000);
    await s.waitForText(/Complete · [\d,]+ records matched of [\d,]+ scanned/, 30_000);
    await s.waitForText(/records up to \d\d:\d\d:\d\dZ/);
    const services = emu.requests.filter((r) => ['GetLogDeliveryConfiguration', 'StartQuery', 'GetQueryResults'].includes(r.operation)).map((r) => r.operation);
    assert.deepEqual([...new Set(services)], ['GetLogDeliveryConfiguration', 'StartQuery', 'GetQueryResults']);
  });

  it(':log shows the Logs calls beside Cognito\'s; the journal has the query', async () => {
    s.press(':');
    s.type('log');
    s.press('enter');
    await s.waitForText('StartQuery');
    await s.waitForText('GetQueryResults');
    const read = () => readdirSync(journalDir).filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(journalDir, f), 'utf8').trim().split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { action: string; outcome: string; parameters: Record<string, string> });
    const query = await waitFor(() => read().find((l) => l.action === 'query'), 10_000, 'the query in the journal');
    assert.ok(query, 'a journal line with action query');
    assert.equal(query.outcome, 'ok');
    assert.match(query.parameters.query!, /stats count\(\*\) as events/);
    assert.ok(Number(query.parameters.bytesScanned) > 0);
  });
});
