import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { EmulatorProcess } from './emulator-process.ts';
import { buildFloors, type Floors } from './floors.ts';
import { hostileBench } from './hostile-main.ts';
import { largeList } from './large-list.ts';
import { rawWalk } from './raw-walk.ts';
import { renderTable, TARGETS, type BenchResult, type RunRecord, type StartupSamples } from './report.ts';
import {
  appFloorEvents, appFloorPools, awsAuthEvents, awsCliAvailable, awsListUsers, BUILT_CLI, deepLinkEvents, firstUsersScreen,
  inkFloorFrame, nodeFloor, poolListFirstFrame, walkUsers, type FramedCalls,
} from './scenarios.ts';
import { pooled, type Distribution } from './stats.ts';
import { keysWhileSweeping } from './sweep-keys.ts';
import { poolWideFigure } from './pool-wide.ts';

const USAGE = `Usage: npm run bench -- [--runs N] [--startups N] [--presses N] [--no-million] [--hostile]

Builds dist/cli.js and the floor programs, starts emulators (${TARGETS.walkUsers.toLocaleString('en-US')}, ${TARGETS.largeUsers.map((u) => u.toLocaleString('en-US')).join(' and ')} users in
the large pool) in their own processes, drives the built CLI in a pseudo-terminal and prints one markdown table: every
sample of every run pooled, each figure beside its floor measured in the same run. Raw numbers go to .bench/last.json;
\`npm run bench:readme\` puts the table from it into README.md.

  --runs N      runs (default 5)
  --startups N  spawns of each program per run for the start-up figures (default 4)
  --presses N   keys timed per run and situation (default 200)
  --startup-only  measure only the start-up figures (quick, for comparing a change)
  --no-million  leave out the 1,000,000-user pool (about 2 minutes per run)
  --cli PATH    measure another build of the bin instead of dist/cli.js (to compare a change)
  --hostile     measure against a misbehaving emulator instead: requests sent against empty pages and after Esc,
                the 30 s deadline against a dribbled body, keypress → frame with 20,000 combining marks (80×24)`;

const RESULT_FILE = fileURLToPath(new URL('../../.bench/last.json', import.meta.url));

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
  log(`  ${label.padEnd(26)} ${show(value).padEnd(52)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return value;
}

interface Emulators {
  small: EmulatorProcess;
  large: EmulatorProcess[];
}

interface RunSettings {
  cli: string;
  floors: Floors;
  startups: number;
  presses: number;
  withAws: boolean;
}

const f = (v: number) => `${v.toFixed(0)} ms`;

async function startups(settings: RunSettings, small: EmulatorProcess): Promise<{ samples: StartupSamples; pools: FramedCalls; deep: FramedCalls }> {
  const target = { cli: settings.cli, emulator: small };
  const samples: StartupSamples = { node: [], inkFloor: [], appFloorPools: [], poolList: [], appFloorEvents: [], deepLink: [] };
  let pools: FramedCalls | undefined;
  let deep: FramedCalls | undefined;
  for (let i = 0; i < settings.startups; i++) {
    samples.node.push(await nodeFloor());
    samples.inkFloor.push(await inkFloorFrame(settings.floors));
    samples.appFloorPools.push((await appFloorPools(target, settings.floors)).ms);
    pools = await poolListFirstFrame(target);
    samples.poolList.push(pools.ms);
    samples.appFloorEvents.push((await appFloorEvents(target, settings.floors)).ms);
    deep = await deepLinkEvents(target);
    samples.deepLink.push(deep.ms);
  }
  return { samples, pools: pools!, deep: deep! };
}

async function measureRun(run: number, settings: RunSettings, emulators: Emulators): Promise<RunRecord> {
  const { cli, floors, presses, withAws } = settings;
  const onSmall = { cli, emulator: emulators.small };
  const start = await step(`start-up ×${settings.startups}`, () => startups(settings, emulators.small), (v) =>
    `pool list ${f(Math.max(...v.samples.poolList))} worst, node ${f(Math.max(...v.samples.node))} worst`);
  const awsEventsMs = withAws ? await step('aws auth events', () => awsAuthEvents(emulators.small), f) : null;
  const first = await step('first users screen', () => firstUsersScreen(onSmall), (v) => `${f(v.ms)}, ${v.calls} ListUsers`);
  const walk = await step(`walk ${TARGETS.walkUsers} users`, () => walkUsers(onSmall), (v) => `${f(v.ms)}, ${v.presses} G, ${v.calls} ListUsers`);
  const awsList = withAws ? await step('aws list-users', () => awsListUsers(emulators.small), (v) => `${f(v.ms)}, ${v.calls} ListUsers`) : null;
  const large: RunRecord['large'] = [];
  for (const emulator of emulators.large) {
    const raw = await step(`raw walk ${emulator.users}`, () => rawWalk(emulator.url, LARGE_POOL_ID), (v) => `${f(v.ms)}, ${v.pages} pages`);
    const list = await step(`${emulator.users} users + keys`, () => largeList({ cli, emulator }, floors, presses), (v) =>
      `load ${f(v.loadMs)} (CPU app ${f(v.loadCpu?.appMs ?? NaN)}, emulator ${f(v.loadCpu?.emulatorMs ?? NaN)}), peak ${(v.full.peakRss / 1e6).toFixed(0)} MB, ${v.loadingKeyMs.length} keys while loading`);
    if (list.loaded !== emulator.users || raw.users !== emulator.users) {
      throw new Error(`expected ${emulator.users} users, the app loaded ${list.loaded} and the raw walk ${raw.users}`);
    }
    large.push({ list, raw });
  }
  const sweep = await step('keys while sweeping', () => keysWhileSweeping({ cli, emulator: emulators.large[0] }, floors, presses), (v) =>
    `${v.appMs.length} keys`);
  if (walk.loaded !== TARGETS.walkUsers) throw new Error(`expected ${TARGETS.walkUsers} users loaded, the status line said ${walk.loaded}`);
  return {
    run,
    startup: start.samples,
    poolListCalls: start.pools.calls,
    deepLinkCalls: start.deep.calls,
    awsEventsMs,
    firstUsers: { ms: first.ms, listCalls: first.calls, eventCalls: start.deep.calls.filter((c) => c.operation === 'AdminListUserAuthEvents').length },
    walk: { ms: walk.ms, presses: walk.presses, listCalls: walk.calls },
    awsListUsers: awsList,
    large,
    sweep,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' }, startups: { type: 'string' }, presses: { type: 'string' }, cli: { type: 'string' },
      'no-million': { type: 'boolean' }, 'startup-only': { type: 'boolean' }, hostile: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const runs = positive('runs', values.runs, 5);
  const cli = resolve(values.cli ?? BUILT_CLI);
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench does)`);
  if (values.hostile) return hostileBench(cli, runs, positive('presses', values.presses, 100));
  const withAws = awsCliAvailable();
  if (!withAws) log('The AWS CLI v2 is not at /usr/bin/aws (Debian: apt-get install awscli): its columns will say n/a.');
  const settings: RunSettings = {
    cli, floors: await buildFloors(cli), startups: positive('startups', values.startups, 4), presses: positive('presses', values.presses, 200), withAws,
  };
  const sizes = TARGETS.largeUsers.filter((u) => !values['no-million'] || u < 1_000_000);
  if (values['startup-only']) return startupOnly(settings, runs);

  const started = performance.now();
  log(`Starting emulators (${[TARGETS.walkUsers, ...sizes].join(', ')} users)…`);
  const [small, ...large] = await Promise.all([TARGETS.walkUsers, ...sizes].map((u) => EmulatorProcess.start(u)));
  const records: RunRecord[] = [];
  try {
    log('Warming up (not counted)…');
    await nodeFloor();
    await poolListFirstFrame({ cli, emulator: small });
    await inkFloorFrame(settings.floors);
    if (withAws) await awsAuthEvents(small);
    for (let run = 1; run <= runs; run++) {
      log(`Run ${run} of ${runs}`);
      records.push(await measureRun(run, settings, { small, large }));
    }
  } finally {
    await Promise.all([small, ...large].map((e) => e.stop()));
  }
  const cpu = cpus();
  const result: BenchResult = {
    when: new Date().toISOString(), node: process.version, machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}`, cli, runs: records,
    poolWide: await step('pool-wide figure', () => poolWideFigure(cli), (v) => `${f(v.ms)} A → list, query ${f(v.queryMs)}, sweep ${f(v.sweepProjectionMs)}`),
  };
  const table = renderTable(result);
  await mkdir(dirname(RESULT_FILE), { recursive: true });
  await writeFile(RESULT_FILE, `${JSON.stringify(result)}\n`);
  log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s; raw numbers in .bench/last.json (npm run bench:readme puts the table into README.md)`);
  process.stdout.write(`${table}\n`);
}

async function startupOnly(settings: RunSettings, runs: number): Promise<void> {
  const small = await EmulatorProcess.start(TARGETS.walkUsers);
  const all: StartupSamples[] = [];
  try {
    await poolListFirstFrame({ cli: settings.cli, emulator: small });
    for (let run = 1; run <= runs; run++) all.push((await step(`start-up run ${run}`, () => startups(settings, small), () => '')).samples);
  } finally {
    await small.stop();
  }
  const d = (pick: (x: StartupSamples) => number[]) => pooled(all.map(pick));
  const line = (name: string, x: Distribution) => `${name.padEnd(18)} p50 ${x.p50.toFixed(0)} · p90 ${x.p90.toFixed(0)} · worst ${x.worst.toFixed(0)} ms`;
  process.stdout.write(`${[
    line('node -e 0', d((x) => x.node)), line('bare Ink', d((x) => x.inkFloor)), line('app floor (pools)', d((x) => x.appFloorPools)),
    line('pool list', d((x) => x.poolList)), line('app floor (events)', d((x) => x.appFloorEvents)), line('deep link', d((x) => x.deepLink)),
    `pool list p90 / node p90: ${(d((x) => x.poolList).p90 / d((x) => x.node).p90).toFixed(2)}×; deep link p90 / floor p90: ${(d((x) => x.deepLink).p90 / d((x) => x.appFloorEvents).p90).toFixed(2)}× (Node ${process.version})`,
  ].join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
