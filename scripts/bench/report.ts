import { callWaves, describeCalls } from './calls.ts';
import type { LoggedCall } from './emulator-child.ts';
import type { LargeListRecord } from './large-list.ts';
import type { RawWalk } from './raw-walk.ts';
import { median, pooled, type Distribution } from './stats.ts';
import type { SweepKeys } from './sweep-keys.ts';
import { poolWideRow, type PoolWideResult } from './pool-wide.ts';

/** Start-up samples of one run: each program spawned several times, spawn → its first frame. */
export interface StartupSamples {
  node: number[];
  inkFloor: number[];
  appFloorPools: number[];
  poolList: number[];
  appFloorEvents: number[];
  deepLink: number[];
}

/** Every figure one run measured; AWS CLI peers are null when it is not installed. */
export interface RunRecord {
  run: number;
  startup: StartupSamples;
  poolListCalls: LoggedCall[];
  deepLinkCalls: LoggedCall[];
  awsEventsMs: number | null;
  firstUsers: { ms: number; listCalls: number; eventCalls: number };
  walk: { ms: number; presses: number; listCalls: number };
  awsListUsers: { ms: number; calls: number } | null;
  /** The large pools, smallest first, each beside a raw walk of the same pool. */
  large: { list: LargeListRecord; raw: RawWalk }[];
  sweep: SweepKeys;
}

/** What `.bench/last.json` holds; the README table is rendered from it. */
export interface BenchResult {
  when: string;
  node: string;
  machine: string;
  cli: string;
  runs: RunRecord[];
  /** The pool-wide figure, measured once per bench. */
  poolWide?: PoolWideResult;
}

/** The targets of the performance issue, judged on p90 for start-up and p99 / worst for keys. */
export const TARGETS = {
  startupVsNode: 2.5,
  deepLinkVsFloor: 2,
  frameMs: 1000 / 60,
  worstKeyMs: 50,
  bytesPerUser: 120,
  peakRssBytes: 200e6,
  loadVsRaw: 1.5,
  callsBeforePools: 2,
  walkUsers: 20_000,
  largeUsers: [100_000, 1_000_000],
};

const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const times = (v: number) => `${v.toFixed(2)}×`;
const mb = (v: number) => `${Math.round(v / 1e6)} MB`;
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? '✅ pass' : '❌ FAIL');
const count = (v: number) => v.toLocaleString('en-US');
const range = ([lo, hi]: [number, number]) => `${ms(lo)}–${ms(hi)}`;

function dist(d: Distribution): string {
  return `p50 ${ms(d.p50)} · p90 ${ms(d.p90)} · p99 ${ms(d.p99)} · worst ${ms(d.worst)} (n ${d.n}; run medians ${range(d.runMedians)})`;
}

function keysOk(d: Distribution): boolean {
  return d.p99 <= TARGETS.frameMs && d.worst <= TARGETS.worstKeyMs;
}

function largeOf(runs: RunRecord[], users: number): { list: LargeListRecord; raw: RawWalk }[] {
  return runs.flatMap((r) => r.large.filter((l) => l.list.users === users));
}

function keyRows(runs: RunRecord[], users: number): string[][] {
  const large = runs.map((r) => r.large.filter((l) => l.list.users === users));
  if (large.every((l) => l.length === 0)) return [];
  const idle = pooled(large.map((l) => l.flatMap((x) => x.list.idleKeyMs)));
  const loading = pooled(large.map((l) => l.flatMap((x) => x.list.loadingKeyMs)));
  const floor = pooled(large.map((l) => l.flatMap((x) => x.list.loadingFloorKeyMs)));
  const target = `p99 ≤ ${ms(TARGETS.frameMs)}, worst ≤ ${ms(TARGETS.worstKeyMs)}`;
  return [
    [`keypress → frame, ${count(users)} users loaded (\`j\`)`, dist(idle), `one 60 Hz frame: ${ms(TARGETS.frameMs)}`,
      `p99 ${times(idle.p99 / TARGETS.frameMs)}`, target, verdict(keysOk(idle))],
    [`keypress → frame while \`G\` loads ${count(users)} users (\`?\`)`, dist(loading), `bare Ink app, same moment: ${dist(floor)}`,
      `p99 ${times(loading.p99 / TARGETS.frameMs)}`, target, verdict(keysOk(loading))],
  ];
}

function memoryRows(runs: RunRecord[], users: number, judged: boolean): string[][] {
  const large = largeOf(runs, users);
  if (large.length === 0) return [];
  const peak = median(large.map((l) => l.list.full.peakRss));
  const rss = median(large.map((l) => l.list.full.rss));
  const idleRss = median(large.map((l) => l.list.idle.rss));
  const heap = median(large.map((l) => l.list.full.heapUsed));
  const idleHeap = median(large.map((l) => l.list.idle.heapUsed));
  const perUser = median(large.map((l) => (l.list.full.rss - l.list.idle.rss) / l.list.loaded));
  const heapPerUser = median(large.map((l) => (l.list.full.heapUsed - l.list.idle.heapUsed) / l.list.loaded));
  const raw = median(large.map((l) => l.raw.ms));
  const load = median(large.map((l) => l.list.loadMs));
  const loadRatio = median(large.map((l) => l.list.loadMs / l.raw.ms));
  const split = large.flatMap((l) => (l.list.loadCpu === undefined ? [] : [l.list.loadCpu]));
  const cpu = split.length === 0 ? '' : `; CPU during the load: app ${ms(median(split.map((c) => c.appMs)))}, emulator ${ms(median(split.map((c) => c.emulatorMs)))}`;
  const pure = split.length === large.length;
  const memOk = perUser <= TARGETS.bytesPerUser && peak <= TARGETS.peakRssBytes;
  return [
    [`memory, ${count(users)} users loaded`, `peak RSS ${mb(peak)} · RSS ${mb(rss)} · heap after GC ${mb(heap)} · ${Math.round(perUser)} B/user RSS, ${Math.round(heapPerUser)} B/user heap`,
      `the idle app (first screen): RSS ${mb(idleRss)}, heap ${mb(idleHeap)}`, '–',
      judged ? `≤ ${TARGETS.bytesPerUser} B/user and ≤ ${mb(TARGETS.peakRssBytes)} peak` : '–', judged ? verdict(memOk) : '–'],
    [pure ? `load ${count(users)} users to the end (first \`G\` → all loaded, only \`G\` pressed, emulator idle at the start)` : `load ${count(users)} users to the end (\`G\`, unpaced, keys pressed meanwhile)`, ms(load),
      `raw keep-alive HTTP walk (${count(large[0].raw.pages)} pages, JSON.parse only): ${ms(raw)}${cpu}`, times(loadRatio),
      judged ? `≤ ${TARGETS.loadVsRaw}× the walk` : '–', judged ? verdict(loadRatio <= TARGETS.loadVsRaw) : '–'],
  ];
}

function callRows(runs: RunRecord[]): string[][] {
  const poolCalls = runs.map((r) => r.poolListCalls);
  const parallel = poolCalls.every((c) => callWaves(c).length <= 1);
  const fewest = Math.max(...poolCalls.map((c) => c.length));
  const deep = runs[0].deepLinkCalls;
  const firstFilter = deep.find((c) => c.operation === 'ListUsers')?.filter ?? '';
  const likeliest = /^\s*username\b/.test(firstFilter);
  return [
    ['calls sent before the pool list is drawn', describeCalls(poolCalls[0]), '–', '–',
      `≤ ${TARGETS.callsBeforePools}, in parallel`, verdict(fewest <= TARGETS.callsBeforePools && parallel)],
    ['calls sent before a deep link\'s events are drawn (a username)', describeCalls(deep), '–', '–',
      'all counted; the likeliest filter first', verdict(likeliest)],
  ];
}

/** One markdown table over the runs, each figure beside its floor measured in the same run, with a verdict. */
export function renderTable(result: BenchResult): string {
  const { runs } = result;
  const s = (pick: (x: StartupSamples) => number[]) => pooled(runs.map((r) => pick(r.startup)));
  const node = s((x) => x.node);
  const pools = s((x) => x.poolList);
  const appPools = s((x) => x.appFloorPools);
  const ink = s((x) => x.inkFloor);
  const deep = s((x) => x.deepLink);
  const appEvents = s((x) => x.appFloorEvents);
  const sweep = pooled(runs.map((r) => r.sweep.appMs));
  const sweepFloor = pooled(runs.map((r) => r.sweep.floorMs));
  const awsEvents = runs.flatMap((r) => (r.awsEventsMs === null ? [] : [r.awsEventsMs]));
  const aws = runs.flatMap((r) => (r.awsListUsers === null ? [] : [r.awsListUsers]));
  const walk = median(runs.map((r) => r.walk.ms));
  const firstCalls = [...new Set(runs.flatMap((r) => [r.firstUsers.listCalls, r.firstUsers.eventCalls]))];
  const rows: string[][] = [
    ['spawn → pool list drawn', dist(pools), `\`node -e 0\`: ${dist(node)}; the app's own floor p90 ${ms(appPools.p90)}; a bare Ink app p90 ${ms(ink.p90)}`,
      `p90 ${times(pools.p90 / node.p90)}`, `p90 ≤ ${TARGETS.startupVsNode}× node boot`, verdict(pools.p90 <= TARGETS.startupVsNode * node.p90)],
    ['spawn with `--pool --user` → events drawn', dist(deep), `the app's own floor (start, the same two requests, a frame): ${dist(appEvents)}`,
      `p90 ${times(deep.p90 / appEvents.p90)}`, `p90 ≤ ${TARGETS.deepLinkVsFloor}× the floor`, verdict(deep.p90 <= TARGETS.deepLinkVsFloor * appEvents.p90)],
    ...callRows(runs),
    ...TARGETS.largeUsers.flatMap((users) => keyRows(runs, users)),
    ['keypress → frame while the sweep runs (`?`)', dist(sweep), `bare Ink app, same moment: ${dist(sweepFloor)}`,
      `p99 ${times(sweep.p99 / TARGETS.frameMs)}`, `p99 ≤ ${ms(TARGETS.frameMs)}, worst ≤ ${ms(TARGETS.worstKeyMs)}`, verdict(keysOk(sweep))],
    ...TARGETS.largeUsers.flatMap((users) => memoryRows(runs, users, users === Math.max(...TARGETS.largeUsers))),
    ...(result.poolWide ? [poolWideRow(result.poolWide)] : []),
    ['API calls for the first screen of users / of events', firstCalls.join(', '), '–', '–', 'exactly 1 each', verdict(firstCalls.length === 1 && firstCalls[0] === 1)],
    ['spawn with `--pool --user` → events, beside the AWS CLI', ms(deep.p50),
      awsEvents.length === 0 ? 'AWS CLI v2 not installed' : `AWS CLI v2 \`admin-list-user-auth-events\`: ${ms(median(awsEvents))}`, '–', 'faster than the CLI',
      verdict(awsEvents.length === 0 ? null : deep.p50 < median(awsEvents))],
    [`walk ${count(TARGETS.walkUsers)} users to the end (\`G\` until all loaded)`, ms(walk),
      aws.length === 0 ? 'AWS CLI v2 not installed' : `AWS CLI v2 \`list-users\` (${aws[0].calls} pages): ${ms(median(aws.map((a) => a.ms)))}`, '–',
      'faster than the CLI', verdict(aws.length === 0 ? null : walk < median(aws.map((a) => a.ms)))],
  ];
  const header = ['figure', 'cognito-tui', 'floor or peer (same run)', 'ratio', 'target', 'result'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
    `${runs.length} runs, every sample of every run pooled (p50 / p90 / p99 / worst; "run medians" is the spread of the per-run medians); ${result.machine}, Node ${result.node}, ${result.when.slice(0, 10)}.`,
  ].join('\n');
}
