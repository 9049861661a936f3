import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ATTENTION_QUERY } from '../../src/domain/canned-queries.ts';
import { activityLogGroupName } from '../../src/emulator/cognito/log-delivery.ts';
import { DEMO_REGION, LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { callsBetween, EmulatorProcess } from './emulator-process.ts';
import { PtyScreen } from './pty-screen.ts';
import { BUILT_CLI } from './scenarios.ts';

/** The pool the figure is about: 1,000,000 users' worth of user activity over the last day. */
export const POOL_WIDE = { users: 1_000_000, events: 5_000_000, cognitoUsers: 20_000, sweepWindowMs: 10_000 };

/** The targets of issue 14 item 12. */
export const POOL_WIDE_TARGETS = { endToEndMs: 10_000, queryMs: 2_000, emulatorPeakRss: 1.5 * 1024 ** 3 };

/** The pool-wide figure of one bench: the app's time, the emulator's, and the sweep's rate projected to the same pool. */
export interface PoolWideResult {
  /** `A` on the users list → the ranked list on screen, in the built CLI. */
  ms: number;
  /** StartQuery → Complete of the same query through the SDK, the emulator alone. */
  queryMs: number;
  /** The emulator process's peak resident memory, bytes, holding the records. */
  emulatorPeakRss: number;
  /** Rows the app showed. */
  rows: number;
  /** The sweep's measured rate (AdminListUserAuthEvents per second while it ran) projected to the same users. */
  sweepProjectionMs: number;
}

const ATTENTION_ON_SCREEN = (s: string): boolean => /users needing attention/.test(s) && /Complete · /.test(s) && /▶ /.test(s);

async function emulatorQueryMs(url: string): Promise<number> {
  const logs = new CloudWatchLogsClient({ endpoint: url, region: DEMO_REGION, credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  try {
    const end = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const { queryId } = await logs.send(new StartQueryCommand({
      logGroupName: activityLogGroupName(LARGE_POOL_ID), startTime: end - 86_400, endTime: end, queryString: ATTENTION_QUERY, limit: 10_000,
    }));
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const r = await logs.send(new GetQueryResultsCommand({ queryId }));
      if (r.status === 'Complete') return performance.now() - started;
      if (r.status !== 'Scheduled' && r.status !== 'Running') throw new Error(`the emulator's query ended ${r.status}`);
    }
  } finally {
    logs.destroy();
  }
}

async function sweepRate(screen: PtyScreen, emulator: EmulatorProcess): Promise<number> {
  screen.write('s');
  await screen.until((s) => /\by\b/.test(s) && /sweep/i.test(s), 'the sweep confirmation');
  screen.write('y');
  await screen.until((s) => /sweep running/.test(s), 'the sweep running', 30_000);
  const before = await emulator.counts();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, POOL_WIDE.sweepWindowMs));
  const after = await emulator.counts();
  const calls = callsBetween(before, after, 'AdminListUserAuthEvents');
  if (calls === 0) throw new Error(`the sweep read no user's events in ${POOL_WIDE.sweepWindowMs} ms:\n${screen.screen}`);
  return calls / ((performance.now() - started) / 1000);
}

/**
 * Measures the pool-wide figure once: an emulator in its own process generates the records, the built CLI is timed
 * from `A` to the ranked list, the emulator's query alone through the SDK, then the sweep's rate over a short window.
 */
export async function poolWideFigure(cli: string = BUILT_CLI): Promise<PoolWideResult> {
  const emulator = await EmulatorProcess.start(POOL_WIDE.cognitoUsers, { events: POOL_WIDE.events, users: POOL_WIDE.users, days: 1 });
  const screen = new PtyScreen([cli, '--endpoint-url', emulator.url, '--region', DEMO_REGION, '--pool', LARGE_POOL_ID]);
  try {
    await screen.until((s) => /\d+\/\d+\+? users/.test(s), 'the first screen of users');
    const ms = await screen.pressUntil('A', ATTENTION_ON_SCREEN, 'the ranked list of users needing attention', 120_000);
    const rows = Number(/\d+\/([\d,]+)\+? rows/.exec(screen.screen)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    screen.write('\u001b');
    await screen.until((s) => !/users needing attention/.test(s) && /\d+\/\d+\+? users/.test(s), 'the users list again');
    const queryMs = await emulatorQueryMs(emulator.url);
    const rate = await sweepRate(screen, emulator);
    const { peakRss } = await emulator.memory();
    return { ms, queryMs, emulatorPeakRss: peakRss, rows, sweepProjectionMs: (POOL_WIDE.users / rate) * 1000 };
  } finally {
    await screen.quit();
    await emulator.stop();
  }
}

const seconds = (v: number): string => (v >= 3_600_000 ? `${(v / 3_600_000).toFixed(1)} h` : v >= 60_000 ? `${(v / 60_000).toFixed(1)} min` : `${(v / 1000).toFixed(2)} s`);
const count = (v: number): string => v.toLocaleString('en-US');
const gb = (v: number): string => `${(v / 1024 ** 3).toFixed(2)} GB`;

/** The pool-wide figure as one row of the bench table: figure, cognito-tui, floor or peer, ratio, target, result. */
export function poolWideRow(r: PoolWideResult): string[] {
  const ok = r.ms < POOL_WIDE_TARGETS.endToEndMs && r.queryMs < POOL_WIDE_TARGETS.queryMs && r.emulatorPeakRss <= POOL_WIDE_TARGETS.emulatorPeakRss;
  return [
    `users needing attention in the last 24 h, ${count(POOL_WIDE.users)} users (${count(POOL_WIDE.events)} records): \`A\` → ranked list on screen`,
    `${seconds(r.ms)} (the emulator's query alone ${seconds(r.queryMs)}; ${Number.isNaN(r.rows) ? '?' : count(r.rows)} rows; emulator peak RSS ${gb(r.emulatorPeakRss)})`,
    `the sweep's measured rate projected to the same ${count(POOL_WIDE.users)} users: ${seconds(r.sweepProjectionMs)}`,
    `${count(Math.round(r.sweepProjectionMs / r.ms))}× faster than the sweep`,
    `< ${seconds(POOL_WIDE_TARGETS.endToEndMs)} end to end, query < ${seconds(POOL_WIDE_TARGETS.queryMs)}, emulator ≤ ${gb(POOL_WIDE_TARGETS.emulatorPeakRss)}`,
    ok ? '✅ pass' : '❌ FAIL',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await poolWideFigure();
  process.stdout.write(`${JSON.stringify(result)}\n| ${poolWideRow(result).join(' | ')} |\n`);
}
