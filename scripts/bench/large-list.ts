import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEMO_REGION, LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { PtyScreen } from './pty-screen.ts';
import type { Target } from './scenarios.ts';
import { binShebang, type Floors } from './floors.ts';
import { waitUntil } from './wait.ts';

const PROBE = fileURLToPath(new URL('./heap-probe.mjs', import.meta.url));
const USERS_STATUS = /(\d+)\/(\d+)(\+?) users · ([^\n]*)/;
const HELP_OPEN = 'Keys — esc, ? or q closes';
const SETTLE_MS = 400;
/** Time between keys while G loads: a person pressing ten keys a second, not a flood that would slow the load. */
const KEY_GAP_MS = 100;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Memory read from outside (/proc) and inside (the V8 heap after two full collections). */
export interface MemorySample {
  rss: number;
  peakRss: number;
  heapUsed: number;
}

/** What two sessions over a large pool measured: a pure load, then a load with keys pressed. */
export interface LargeListRecord {
  users: number;
  loaded: number;
  /**
   * The first G → the frame that shows every user loaded, pressing G again whenever a batch ends and no other key, on an
   * emulator that was idle (its background work done) when G was pressed. Records before 2026-11-29 timed spawn → loaded
   * in the pass with keys.
   */
  loadMs: number;
  /** CPU time (ms) of the emulator and of the app during the pure load: where its time went. */
  loadCpu?: { emulatorMs: number; appMs: number };
  /** Spawn → every user loaded in the second session, with keys pressed meanwhile. */
  keysLoadMs?: number;
  idle: MemorySample;
  full: MemorySample;
  /** `?` pressed while G loads (second session), ten a second, each timed to the frame that opens or closes the help. */
  loadingKeyMs: number[];
  /** The bare Ink app's key → frame, pressed in turn with the app's keys while G loads. */
  loadingFloorKeyMs: number[];
  /** `j` on the loaded list, each timed to the frame that moves the cursor. */
  idleKeyMs: number[];
}

interface Status {
  cursor: number;
  loaded: number;
  complete: boolean;
  loading: boolean;
}

function usersStatus(screen: string): Status | undefined {
  const m = USERS_STATUS.exec(screen);
  return m ? { cursor: Number(m[1]), loaded: Number(m[2]), complete: m[3] === '', loading: /loading/.test(m[4]) } : undefined;
}

/** The bin's own node flags and environment from its `#!` line, with the heap probe added. */
async function probedCommand(cli: string, heapFile: string): Promise<{ args: string[]; env: Record<string, string> }> {
  const words = (await binShebang(cli)).replace(/^#!\S*env\s+-S\s+/, '').split(/\s+/);
  const env: Record<string, string> = { BENCH_HEAP_FILE: heapFile };
  while (words.length > 0 && /^[A-Z_]+=/.test(words[0])) {
    const [k, v] = words.shift()!.split('=');
    env[k] = v;
  }
  if (words.shift() !== 'node') throw new Error(`${cli}: the #! line does not run node`);
  return { args: [process.execPath, ...words, '--expose-gc', '--import', PROBE, cli], env };
}

async function memory(screen: PtyScreen, heapFile: string): Promise<MemorySample> {
  rmSync(heapFile, { force: true });
  process.kill(screen.pid, 'SIGUSR2');
  await waitUntil(() => existsSync(heapFile), 'the heap figures', 10_000);
  await waitUntil(() => readFileSync(heapFile, 'utf8').endsWith('}'), 'the heap figures', 10_000);
  const { heapUsed } = JSON.parse(readFileSync(heapFile, 'utf8')) as { heapUsed: number };
  const { rss, peak } = screen.memory();
  return { rss, peakRss: peak, heapUsed };
}

async function toggleHelp(screen: PtyScreen): Promise<number> {
  const open = screen.screen.includes(HELP_OPEN);
  return screen.pressUntil('?', (s) => s.includes(HELP_OPEN) !== open, open ? 'the help to close' : 'the help to open');
}

/**
 * Loads every user of the large pool while timing `?` (which leaves the load running) against the bare Ink app's
 * key → frame in a second terminal; G is pressed again whenever a batch of 50,000 ends.
 */
async function loadWhilePressing(screen: PtyScreen, floor: PtyScreen, keys: { app: number[]; floor: number[] }): Promise<number> {
  for (;;) {
    const status = screen.screen.includes(HELP_OPEN) ? undefined : usersStatus(screen.screen);
    if (status?.complete) return screen.lastChunkAt;
    if (status !== undefined && !status.loading) {
      await screen.pressUntil('G', (s) => usersStatus(s)?.loading === true || usersStatus(s)?.complete === true, 'G to start loading', 60_000);
      continue;
    }
    keys.app.push(await toggleHelp(screen));
    keys.floor.push(await floor.pressAndTimeFrame('x'));
    await pause(KEY_GAP_MS);
  }
}

/** Presses G at once and again whenever a batch of 50,000 ends, nothing else; resolves with the frame that shows every user. */
async function loadPurely(screen: PtyScreen): Promise<number> {
  for (;;) {
    const status = usersStatus(screen.screen);
    if (status?.complete) return screen.lastChunkAt;
    if (status !== undefined && !status.loading) {
      await screen.pressUntil('G', (s) => usersStatus(s)?.loading === true || usersStatus(s)?.complete === true, 'G to start loading', 60_000);
      continue;
    }
    await screen.until((s) => usersStatus(s)?.loading === false || usersStatus(s)?.complete === true, 'the batch to end', 600_000);
  }
}

function appCommand(target: Target, args: string[]): string[] {
  return [...args, '--endpoint-url', target.emulator.url, '--region', DEMO_REGION, '--pool', LARGE_POOL_ID];
}

/**
 * First session: spawn on the large pool, wait for the emulator to be idle, measure memory, load every user pressing
 * only G (timed, with the CPU time of the emulator and of the app), measure memory loaded, time `j`.
 */
export async function pureLoad(target: Target, presses: number): Promise<Omit<LargeListRecord, 'loadingKeyMs' | 'loadingFloorKeyMs' | 'keysLoadMs'>> {
  const heapFile = join(tmpdir(), `cognito-tui-bench-heap-${process.pid}.json`);
  const command = await probedCommand(target.cli, heapFile);
  const screen = new PtyScreen(appCommand(target, command.args), { env: command.env });
  try {
    await screen.until((s) => usersStatus(s) !== undefined, 'the first screen of users');
    await pause(SETTLE_MS);
    await target.emulator.settle();
    const idle = await memory(screen, heapFile);
    const emulatorBefore = await target.emulator.cpuMs();
    const appBefore = screen.cpuMs();
    const pressedAt = performance.now();
    const loadedAt = await loadPurely(screen);
    const loadCpu = { emulatorMs: (await target.emulator.cpuMs()) - emulatorBefore, appMs: screen.cpuMs() - appBefore };
    const loaded = usersStatus(screen.screen)!.loaded;
    await screen.pressUntil('g', (s) => usersStatus(s)?.cursor === 1, 'the first row');
    await pause(SETTLE_MS);
    const full = await memory(screen, heapFile);
    const idleKeyMs: number[] = [];
    for (let i = 0; i < presses; i++) {
      const at = usersStatus(screen.screen)!.cursor;
      idleKeyMs.push(await screen.pressUntil('j', (s) => usersStatus(s)?.cursor === at + 1, `row ${at + 1}`));
    }
    return { users: target.emulator.users, loaded, loadMs: loadedAt - pressedAt, loadCpu, idle, full, idleKeyMs };
  } finally {
    rmSync(heapFile, { force: true });
    await screen.quit();
  }
}

/** Second session: load every user again while timing `?` beside the bare Ink app's key → frame. */
async function loadWithKeys(target: Target, floors: Floors): Promise<{ keysLoadMs: number; loadingKeyMs: number[]; loadingFloorKeyMs: number[] }> {
  const screen = new PtyScreen(appCommand(target, [target.cli]));
  const floor = new PtyScreen([floors.ink]);
  try {
    await floor.until((s) => s.includes('ink floor'), 'the ink floor');
    await screen.until((s) => usersStatus(s) !== undefined, 'the first screen of users');
    await target.emulator.settle();
    const keys = { app: [] as number[], floor: [] as number[] };
    const loadedAt = await loadWhilePressing(screen, floor, keys);
    return { keysLoadMs: loadedAt - screen.spawnedAt, loadingKeyMs: keys.app, loadingFloorKeyMs: keys.floor };
  } finally {
    await Promise.all([screen.quit(), floor.quit()]);
  }
}

/** A pure load of the large pool (time, CPU split, memory, `j`), then a second load timing keys pressed meanwhile. */
export async function largeList(target: Target, floors: Floors, presses: number): Promise<LargeListRecord> {
  const pure = await pureLoad(target, presses);
  return { ...pure, ...(await loadWithKeys(target, floors)) };
}
