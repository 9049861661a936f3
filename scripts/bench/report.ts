import { cpus } from 'node:os';
import { median } from './stats.ts';

/** Every figure one run measured; peers are null when the AWS CLI is not installed. */
export interface RunRecord {
  run: number;
  nodeFloorMs: number;
  poolListMs: number;
  deepLinkMs: number;
  deepLinkEventCalls: number;
  awsEventsMs: number | null;
  firstUsersMs: number;
  firstUsersListCalls: number;
  walkMs: number;
  walkPresses: number;
  walkListCalls: number;
  awsListUsersMs: number | null;
  awsListUsersCalls: number | null;
  large: {
    loadMs: number;
    loaded: number;
    rssBytes: number;
    peakRssBytes: number;
    rssAfterKeysBytes: number;
    keyP50Ms: number;
    keyP95Ms: number;
    keyMs: number[];
  };
}

/** The targets of issue 4. */
export const TARGETS = {
  startupRatio: 4,
  frameMs: 1000 / 60,
  rssBytes: 150e6,
  walkUsers: 20_000,
  largeUsers: 100_000,
};

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const ms1 = (v: number) => `${v.toFixed(1)} ms`;
const times = (v: number) => `${v.toFixed(2)}×`;
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? '✅ pass' : '❌ FAIL');
const count = (v: number) => v.toLocaleString('en-US');

function ratios(runs: RunRecord[], pick: (r: RunRecord) => [number, number | null]): number[] {
  return runs.flatMap((r) => {
    const [a, b] = pick(r);
    return b === null ? [] : [a / b];
  });
}

function spread(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** One markdown table of medians over the runs, each figure beside its floor or peer, with a verdict. */
export function renderTable(runs: RunRecord[]): string {
  const med = (pick: (r: RunRecord) => number) => median(runs.map(pick));
  const medPeer = (pick: (r: RunRecord) => number | null) => {
    const vs = runs.map(pick).filter((v): v is number => v !== null);
    return vs.length === 0 ? null : median(vs);
  };

  const startRatio = median(ratios(runs, (r) => [r.poolListMs, r.nodeFloorMs]));
  const awsEvents = medPeer((r) => r.awsEventsMs);
  const deepRatio = awsEvents === null ? null : median(ratios(runs, (r) => [r.deepLinkMs, r.awsEventsMs]));
  const p50 = med((r) => r.large.keyP50Ms);
  const p95 = med((r) => r.large.keyP95Ms);
  const rss = med((r) => r.large.rssBytes);
  const listCalls = runs.map((r) => r.firstUsersListCalls);
  const eventCalls = runs.map((r) => r.deepLinkEventCalls);
  const awsList = medPeer((r) => r.awsListUsersMs);
  const awsPages = medPeer((r) => r.awsListUsersCalls);
  const walkRatio = awsList === null ? null : median(ratios(runs, (r) => [r.walkMs, r.awsListUsersMs]));
  const noAws = 'AWS CLI v2 not at /usr/bin/aws';

  const rows: string[][] = [
    ['spawn → first frame of the pool list', ms(med((r) => r.poolListMs)), `\`node -e 0\`: ${ms(med((r) => r.nodeFloorMs))}`,
      times(startRatio), `≤ ${TARGETS.startupRatio}× floor`, verdict(startRatio <= TARGETS.startupRatio)],
    ['spawn with `--pool --user` → that user\'s events on screen', ms(med((r) => r.deepLinkMs)),
      awsEvents === null ? noAws : `AWS CLI v2 \`admin-list-user-auth-events\`: ${ms(awsEvents)}`,
      deepRatio === null ? '–' : times(deepRatio), 'faster than the CLI', verdict(deepRatio === null ? null : deepRatio < 1)],
    [`keypress → next frame, ${count(TARGETS.largeUsers)} users loaded (p50 / p95)`, `${ms1(p50)} / ${ms1(p95)}`,
      `one 60 Hz frame: ${ms1(TARGETS.frameMs)}`, `p95 ${times(p95 / TARGETS.frameMs)}`, `p95 ≤ ${ms1(TARGETS.frameMs)}`,
      verdict(p95 <= TARGETS.frameMs)],
    [`resident memory, ${count(TARGETS.largeUsers)} users loaded`, `${Math.round(rss / 1e6)} MB`, '–', '–',
      `≤ ${TARGETS.rssBytes / 1e6} MB`, verdict(rss <= TARGETS.rssBytes)],
    ['API calls to show the first screen of users / of events', `${spread(listCalls)} / ${spread(eventCalls)}`, '1 / 1', '–',
      'exactly 1 each', verdict([...listCalls, ...eventCalls].every((c) => c === 1))],
    [`walk ${count(TARGETS.walkUsers)} users to the end (G until all loaded)`, ms(med((r) => r.walkMs)),
      awsList === null ? noAws : `AWS CLI v2 \`list-users\` (${awsPages} pages): ${ms(awsList)}`,
      walkRatio === null ? '–' : times(walkRatio), 'faster than the CLI', verdict(walkRatio === null ? null : walkRatio < 1)],
  ];
  const header = ['figure', 'cognito-tui', 'floor or peer (same run)', 'ratio', 'target', 'result'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const cpu = cpus();
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
    `Medians of ${runs.length} runs (ratios: median of the per-run ratios); ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
}
