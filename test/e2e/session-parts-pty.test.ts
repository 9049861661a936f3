import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { EMULATOR_CALLER } from '../../src/emulator/sts.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

const ON_NODE_20 = Number(process.versions.node.split('.')[0]) < 22;
const CHUNKS = join(dirname(BUILT_CLI), 'chunks');
const PARTS = ['logs', 'sts', 'emulator'] as const;

/** The file of each part of the session beside the session's bundle (`logs-<hash>.cjs`, …). */
function partFile(name: string): string | undefined {
  return readdirSync(CHUNKS).find((n) => new RegExp(`^${name}-[0-9a-f]{16}\\.cjs$`).test(n));
}

describe('built CLI: the parts of the session loaded on first use', () => {
  const home = mkdtempSync(join(tmpdir(), 'cognito-tui-e2e-parts-'));
  const cacheHome = join(home, 'cache');
  const journalDir = join(home, 'journal');
  const loaded = () => {
    try {
      return readdirSync(join(cacheHome, 'cognito-tui', 'compile-cache'))
        .map((n) => /-(tui|logs|sts|emulator)-[0-9a-f]{16}-\d+-\d+\.v8$/.exec(n)?.[1]).filter((n) => n !== undefined).sort();
    } catch {
      return [];
    }
  };
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0 }); });
  after(async () => {
    await emu.close();
    rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  async function session(args: string[], work: (s: PtySession) => Promise<void>): Promise<void> {
    const s = new PtySession([BUILT_CLI, ...args], { cols: 140, rows: 36, env: { ...AWS_ENV, XDG_CACHE_HOME: cacheHome } });
    try {
      await work(s);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  }

  it('are files of their own beside the session\'s bundle, which holds none of their code', () => {
    for (const name of PARTS) assert.ok(partFile(name), `dist/chunks/${name}-<hash>.cjs`);
    const [bundle] = readdirSync(CHUNKS).filter((n) => /^tui-[0-9a-f]{16}\.cjs$/.test(n));
    const text = readFileSync(join(CHUNKS, bundle!), 'latin1');
    for (const marker of ['"@aws-sdk/client-cloudwatch-logs"', '"@aws-sdk/client-sts"', 'async function startEmulator(']) {
      assert.ok(!text.includes(marker), `the session's bundle holds ${marker}`);
    }
  });

  it('the pool list loads none of them', { skip: ON_NODE_20 ? false : 'Node 22+ keeps its module compile cache elsewhere' }, async () => {
    await session(['--endpoint-url', emu.url], async (s) => { await s.waitForText(LARGE_POOL_ID); });
    assert.deepEqual(loaded(), ['tui']);
  });

  it('a Logs Insights query loads the Logs SDK, and its journal line names the caller from STS', async () => {
    await session(['--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--journal', journalDir], async (s) => {
      await s.waitForText('range last 24h');
      s.press('A');
      await s.waitForText(/Complete · [\d,]+ records matched of [\d,]+ scanned/, 30_000);
      const read = () => readdirSync(journalDir).filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) => readFileSync(join(journalDir, f), 'utf8').trim().split('\n').filter(Boolean))
        .map((l) => JSON.parse(l) as { action: string; who: unknown });
      const query = await waitFor(() => read().find((l) => l.action === 'query'), 10_000, 'the query in the journal');
      assert.deepEqual(query?.who, { arn: EMULATOR_CALLER.arn, account: EMULATOR_CALLER.account });
    });
    if (ON_NODE_20) assert.deepEqual(loaded(), ['logs', 'sts', 'tui']);
  });

  it('--demo loads the emulator and shows its pools', async () => {
    await session(['--demo'], async (s) => { await s.waitForText(LARGE_POOL_ID); });
    if (ON_NODE_20) assert.deepEqual(loaded(), ['emulator', 'logs', 'sts', 'tui']);
  });
});
