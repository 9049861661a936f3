import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EmulatorProcess } from './emulator-process.ts';
import { renderTable, TARGETS, type RunRecord } from './report.ts';
import {
  awsAuthEvents, awsCliAvailable, awsListUsers, BUILT_CLI, deepLinkEvents, firstUsersScreen, largeList, nodeFloor,
  poolListFirstFrame, walkUsers,
} from './scenarios.ts';
import { percentile } from './stats.ts';
import {
  combiningFlood, emptyPages, escWhileHanging, renderHostileTable, slowlorisDeadline, type DeadlineRecord, type HostileRecord,
} from './hostile.ts';

const USAGE = `Usage: npm run bench -- [--runs N] [--presses N] [--hostile]

Builds dist/cli.js, starts two emulators (${TARGETS.walkUsers} and ${TARGETS.largeUsers} users in the large pool) in
their own processes, drives the built CLI in a pseudo-terminal and prints one markdown table of medians.
Raw numbers go to .bench/last.json.

  --runs N      runs to take the medians over (default 5, at least 5 for figures worth quoting)
  --presses N   j presses timed per run with ${TARGETS.largeUsers} users loaded (default 200)
  --cli PATH    measure another build of the bin instead of dist/cli.js (to compare a change)
  --hostile     measure against a misbehaving emulator instead: requests sent against empty pages and after Esc,
                the 30 s deadline against a dribbled body, keypress → frame with 20,000 combining marks (80×24)`;

const RESULT_FILE = fileURLToPath(new URL('../../.bench/last.json', import.meta.url));
const HOSTILE_FILE = fileURLToPath(new URL('../../.bench/hostile.json', import.meta.url));

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${text}"`);
  return n;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function step<T>(label: string, work: () => Promise<T>, show: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await work();
  log(`  ${label.padEnd(22)} ${show(value).padEnd(44)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return value;
}

async function measureRun(run: number, cli: string, small: EmulatorProcess, large: EmulatorProcess, presses: number, withAws: boolean): Promise<RunRecord> {
  const f = (v: number) => `${v.toFixed(0)} ms`;
  const onSmall = { cli, emulator: small };
  const nodeFloorMs = await step('node -e 0', nodeFloor, f);
  const poolListMs = await step('pool list', () => poolListFirstFrame(onSmall), f);
  const deep = await step('deep link to events', () => deepLinkEvents(onSmall), (v) => `${f(v.ms)}, ${v.calls} AdminListUserAuthEvents`);
  const awsEventsMs = withAws ? await step('aws auth events', () => awsAuthEvents(small), f) : null;
  const first = await step('first users screen', () => firstUsersScreen(onSmall), (v) => `${f(v.ms)}, ${v.calls} ListUsers`);
  const walk = await step(`walk ${TARGETS.walkUsers} users`, () => walkUsers(onSmall), (v) => `${f(v.ms)}, ${v.presses} G, ${v.calls} ListUsers`);
  const awsList = withAws ? await step('aws list-users', () => awsListUsers(small), (v) => `${f(v.ms)}, ${v.calls} ListUsers`) : null;
  const big = await step(`${TARGETS.largeUsers} users + keys`, () => largeList({ cli, emulator: large }, presses), (v) =>
    `load ${f(v.loadMs)}, ${(v.rssBytes / 1e6).toFixed(0)} MB, p95 ${percentile(v.keyMs, 95).toFixed(1)} ms`);
  if (walk.loaded !== TARGETS.walkUsers || big.loaded !== TARGETS.largeUsers) {
    throw new Error(`expected ${TARGETS.walkUsers} and ${TARGETS.largeUsers} users loaded, the status lines said ${walk.loaded} and ${big.loaded}`);
  }
  return {
    run,
    nodeFloorMs,
    poolListMs,
    deepLinkMs: deep.ms,
    deepLinkEventCalls: deep.calls,
    awsEventsMs,
    firstUsersMs: first.ms,
    firstUsersListCalls: first.calls,
    walkMs: walk.ms,
    walkPresses: walk.presses,
    walkListCalls: walk.calls,
    awsListUsersMs: awsList?.ms ?? null,
    awsListUsersCalls: awsList?.calls ?? null,
    large: {
      loadMs: big.loadMs,
      loaded: big.loaded,
      rssBytes: big.rssBytes,
      peakRssBytes: big.peakRssBytes,
      rssAfterKeysBytes: big.rssAfterKeysBytes,
      keyP50Ms: percentile(big.keyMs, 50),
      keyP95Ms: percentile(big.keyMs, 95),
      keyMs: big.keyMs.map((v) => Math.round(v * 1000) / 1000),
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' }, presses: { type: 'string' }, cli: { type: 'string' }, hostile: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const runs = positive('runs', values.runs, 5);
  const presses = positive('presses', values.presses, 200);
  const cli = resolve(values.cli ?? BUILT_CLI);
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench does)`);
  if (values.hostile) return hostileBench(cli, runs, positive('presses', values.presses, 100));
  const withAws = awsCliAvailable();
  if (!withAws) log('The AWS CLI v2 is not at /usr/bin/aws (Debian: apt-get install awscli): its columns will say n/a.');

  const started = performance.now();
  log(`Starting emulators (${TARGETS.walkUsers} and ${TARGETS.largeUsers} users)…`);
  const [small, large] = await Promise.all([EmulatorProcess.start(TARGETS.walkUsers), EmulatorProcess.start(TARGETS.largeUsers)]);
  const records: RunRecord[] = [];
  try {
    log('Warming up (not counted)…');
    await nodeFloor();
    await poolListFirstFrame({ cli, emulator: small });
    if (withAws) await awsAuthEvents(small);
    for (let run = 1; run <= runs; run++) {
      log(`Run ${run} of ${runs}`);
      records.push(await measureRun(run, cli, small, large, presses, withAws));
    }
  } finally {
    await Promise.all([small.stop(), large.stop()]);
  }
  const table = renderTable(records);
  await mkdir(dirname(RESULT_FILE), { recursive: true });
  await writeFile(RESULT_FILE, `${JSON.stringify({ when: new Date().toISOString(), node: process.version, cli, runs: records, table }, null, 2)}\n`);
  log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s; raw numbers in .bench/last.json`);
  process.stdout.write(`${table}\n`);
}

async function hostileBench(cli: string, runs: number, presses: number): Promise<void> {
  const f = (v: number) => `${v.toFixed(0)} ms`;
  log('Starting an emulator (2,000 users)…');
  const emulator = await EmulatorProcess.start(2_000);
  const target = { cli, emulator };
  const records: HostileRecord[] = [];
  let deadline: DeadlineRecord | undefined;
  try {
    for (let run = 1; run <= runs; run++) {
      log(`Run ${run} of ${runs}`);
      const empty = await step('empty pages', () => emptyPages(target), (v) => `${v.calls} ListUsers, ${v.callsAfterStop} after, ${f(v.ms)}`);
      const afterEsc = await step('esc while hanging', () => escWhileHanging(target), (v) => `${v} ListUsers after esc`);
      const flood = await step('combining marks', () => combiningFlood(target, presses), (v) => `p95 ${v.p95.toFixed(1)} ms (without: ${v.controlP95.toFixed(1)} ms)`);
      records.push({ emptyPages: empty, callsAfterEsc: afterEsc, flood });
    }
    deadline = await step('slowloris deadline', () => slowlorisDeadline(target), (v) => `${(v.ms / 1000).toFixed(2)} s, ${v.calls} ListUsers`);
  } finally {
    await emulator.stop();
  }
  const table = renderHostileTable(records, deadline);
  await mkdir(dirname(HOSTILE_FILE), { recursive: true });
  await writeFile(HOSTILE_FILE, `${JSON.stringify({ when: new Date().toISOString(), node: process.version, cli, runs: records, deadline, table }, null, 2)}\n`);
  process.stdout.write(`${table}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
