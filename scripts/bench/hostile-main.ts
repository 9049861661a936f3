import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EmulatorProcess } from './emulator-process.ts';
import {
  combiningFlood, emptyPages, escWhileHanging, renderHostileTable, slowlorisDeadline, type DeadlineRecord, type HostileRecord,
} from './hostile.ts';

const HOSTILE_FILE = fileURLToPath(new URL('../../.bench/hostile.json', import.meta.url));

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function step<T>(label: string, work: () => Promise<T>, show: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await work();
  log(`  ${label.padEnd(22)} ${show(value).padEnd(44)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return value;
}

/** `npm run bench -- --hostile`: the app against a misbehaving emulator; raw numbers in .bench/hostile.json. */
export async function hostileBench(cli: string, runs: number, presses: number): Promise<void> {
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
