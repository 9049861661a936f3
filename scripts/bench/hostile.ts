import { performance } from 'node:perf_hooks';
import { DEMO_REGION, LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import type { AdversarySettings } from '../../src/emulator/types.ts';
import { callsBetween, type EmulatorProcess } from './emulator-process.ts';
import { PtyScreen } from './pty-screen.ts';
import type { Target } from './scenarios.ts';
import { median, percentile } from './stats.ts';

const USERS_STATUS = /\d+\/\d+\+? users/;
const QUIET_MS = 1_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one run against the misbehaving server measured (issue 11, items 9–15). */
export interface HostileRecord {
  /** ListUsers sent against a server whose pages are always empty with a token, until the app stopped, and after a quiet second. */
  emptyPages: { calls: number; ms: number; callsAfterStop: number };
  /** ListUsers sent after Esc while a ListUsers hangs, over a quiet second. */
  callsAfterEsc: number;
  /** Keypress → next frame on a users list whose first row carries 20,000 combining marks, beside the same list without. */
  flood: { p50: number; p95: number; controlP50: number; controlP95: number };
}

/** Spawn → the deadline message, against a body dribbled one byte every 5 s, and the requests it took. */
export interface DeadlineRecord {
  ms: number;
  calls: number;
}

async function withAdversary<T>(emulator: EmulatorProcess, plan: AdversarySettings, work: () => Promise<T>): Promise<T> {
  await emulator.setAdversary(plan);
  try {
    return await work();
  } finally {
    await emulator.setAdversary({});
  }
}

function usersScreen({ cli, emulator }: Target, size = { cols: 80, rows: 24 }): PtyScreen {
  return new PtyScreen([cli, '--endpoint-url', emulator.url, '--region', DEMO_REGION, '--pool', LARGE_POOL_ID], size);
}

/** Item 9: the users list against empty pages that always carry a token. */
export function emptyPages(target: Target): Promise<HostileRecord['emptyPages']> {
  return withAdversary(target.emulator, { ListUsers: { mode: 'empty-pages' } }, async () => {
    const before = await target.emulator.counts();
    const screen = usersScreen(target);
    try {
      const at = await screen.until((s) => /keeps returning empty pages/.test(s), 'the empty-pages stop');
      const atStop = await target.emulator.counts();
      await pause(QUIET_MS);
      const after = await target.emulator.counts();
      return { calls: callsBetween(before, atStop, 'ListUsers'), ms: at - screen.spawnedAt, callsAfterStop: callsBetween(atStop, after, 'ListUsers') };
    } finally {
      await screen.quit();
    }
  });
}

async function untilCalls(emulator: EmulatorProcess, operation: string, atLeast: number, timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (((await emulator.counts()).counts[operation] ?? 0) < atLeast) {
    if (performance.now() - started > timeoutMs) throw new Error(`no ${operation} reached the emulator in ${timeoutMs} ms`);
    await pause(20);
  }
}

/** Item 10: Esc while a ListUsers hangs; the ListUsers sent after it. */
export function escWhileHanging(target: Target): Promise<number> {
  return withAdversary(target.emulator, { ListUsers: { mode: 'hang' } }, async () => {
    const before = (await target.emulator.counts()).counts.ListUsers ?? 0;
    const screen = usersScreen(target);
    try {
      await untilCalls(target.emulator, 'ListUsers', before + 1);
      await screen.until((s) => /users/.test(s), 'the users view');
      const atEsc = await target.emulator.counts();
      screen.write('\u001b');
      await screen.until((s) => /User pools in/.test(s), 'the pool list after esc');
      await pause(QUIET_MS);
      return callsBetween(atEsc, await target.emulator.counts(), 'ListUsers');
    } finally {
      await screen.quit();
    }
  });
}

async function keyFrames(target: Target, presses: number): Promise<{ p50: number; p95: number }> {
  const screen = usersScreen(target);
  try {
    await screen.until((s) => USERS_STATUS.test(s), 'the first screen of users');
    await pause(200);
    const times: number[] = [];
    for (let i = 0; i < presses; i++) times.push(await screen.pressAndTimeFrame(i % 20 < 10 ? 'j' : 'k'));
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await screen.quit();
  }
}

/** Item 14: j/k on a users list at 80×24 whose first row carries 20,000 combining marks, beside the polite list. */
export async function combiningFlood(target: Target, presses: number): Promise<HostileRecord['flood']> {
  const control = await keyFrames(target, presses);
  const flooded = await withAdversary(target.emulator, { ListUsers: { mode: 'combining-flood' } }, () => keyFrames(target, presses));
  return { p50: flooded.p50, p95: flooded.p95, controlP50: control.p50, controlP95: control.p95 };
}

/** Item 11: spawn → "did not answer in 30 s" against ListUsers dribbled one byte every 5 s. */
export function slowlorisDeadline(target: Target): Promise<DeadlineRecord> {
  return withAdversary(target.emulator, { ListUsers: { mode: 'slowloris', intervalMs: 5_000 } }, async () => {
    const before = await target.emulator.counts();
    const screen = usersScreen(target);
    try {
      const at = await screen.until((s) => /did not answer in 30 s/.test(s), 'the deadline message', 60_000);
      return { ms: at - screen.spawnedAt, calls: callsBetween(before, await target.emulator.counts(), 'ListUsers') };
    } finally {
      await screen.quit();
    }
  });
}

/** The hostile-server figures as a markdown table: medians over the runs, the deadline once. */
export function renderHostileTable(runs: HostileRecord[], deadline: DeadlineRecord | undefined): string {
  const med = (values: number[]) => median(values);
  const f = (v: number) => `${v.toFixed(1)} ms`;
  const rows = [
    ['item', 'figure', 'measured', 'target', 'result'],
    ['---', '---', '---', '---', '---'],
    ['9', 'ListUsers sent against empty pages with a token, until the app stops', String(med(runs.map((r) => r.emptyPages.calls))), '≤ 10', med(runs.map((r) => r.emptyPages.calls)) <= 10 ? 'pass' : 'FAIL'],
    ['9', '… and in the quiet second after the stop', String(med(runs.map((r) => r.emptyPages.callsAfterStop))), '0', runs.every((r) => r.emptyPages.callsAfterStop === 0) ? 'pass' : 'FAIL'],
    ['9', 'spawn → the stop on screen', f(med(runs.map((r) => r.emptyPages.ms))), '–', ''],
    ['10', 'ListUsers sent in the second after Esc, one hanging', String(med(runs.map((r) => r.callsAfterEsc))), '0', runs.every((r) => r.callsAfterEsc === 0) ? 'pass' : 'FAIL'],
    ...(deadline ? [['11', 'spawn → "did not answer in 30 s", body dribbled a byte every 5 s', `${(deadline.ms / 1000).toFixed(2)} s, ${deadline.calls} ListUsers`, '≈ 30 s, 1 request', deadline.ms < 35_000 && deadline.calls === 1 ? 'pass' : 'FAIL']] : []),
    ['14', 'keypress → frame, 20,000 combining marks in a row (p50 / p95)', `${f(med(runs.map((r) => r.flood.p50)))} / ${f(med(runs.map((r) => r.flood.p95)))}`, 'p95 ≤ 16.7 ms', med(runs.map((r) => r.flood.p95)) <= 1000 / 60 ? 'pass' : 'FAIL'],
    ['14', '… the same list without the marks (p50 / p95)', `${f(med(runs.map((r) => r.flood.controlP50)))} / ${f(med(runs.map((r) => r.flood.controlP95)))}`, '–', ''],
  ];
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
