import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEMO_REGION, LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { LoggedCall } from './emulator-child.ts';
import { callsBetween, type EmulatorProcess } from './emulator-process.ts';
import type { Floors } from './floors.ts';
import { benchEnv, PtyScreen } from './pty-screen.ts';

/** The shipped bin, as `npm run build` writes it. */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The AWS CLI v2 from the Debian `awscli` package (the `aws` on PATH may be another one). */
export const AWS_CLI = '/usr/bin/aws';

/** True if the AWS CLI peer can be run. */
export function awsCliAvailable(): boolean {
  return existsSync(AWS_CLI);
}

const POOL_NAME = 'acme-prod-customers';
const USERS_STATUS = /(\d+)\/(\d+)(\+?) users · ([^\n]*)/;
const EVENTS_STATUS = /\d+\/\d+\+? events/;
const SETTLE_MS = 400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bin under test and the emulator it talks to. */
export interface Target {
  cli: string;
  emulator: EmulatorProcess;
}

function cliArgs({ cli, emulator }: Target, ...more: string[]): string[] {
  return [cli, '--endpoint-url', emulator.url, '--region', DEMO_REGION, ...more];
}

/** Milliseconds from spawning `command` to its exit; throws unless it exits with 0. */
export function spawnToExit(command: string, args: string[], env: Record<string, string> = benchEnv()): Promise<number> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** Floor of figure 1: `node -e 0` from spawn to exit. */
export function nodeFloor(): Promise<number> {
  return spawnToExit(process.execPath, ['-e', '0']);
}

/** A spawn → frame time, and every request the emulator received before that frame. */
export interface FramedCalls {
  ms: number;
  calls: LoggedCall[];
}

async function timedFrame(target: Target, args: string[], test: (screen: string) => boolean, what: string): Promise<FramedCalls> {
  const since = (await target.emulator.counts()).total;
  const screen = new PtyScreen(args);
  try {
    const at = await screen.until(test, what);
    const frameEpoch = performance.timeOrigin + at;
    const calls = (await target.emulator.calls(since)).filter((c) => c.receivedAt <= frameEpoch);
    return { ms: at - screen.spawnedAt, calls };
  } finally {
    await screen.quit();
  }
}

/** Spawn → the first frame that shows the pool names, and the requests sent before it. */
export function poolListFirstFrame(target: Target): Promise<FramedCalls> {
  return timedFrame(target, cliArgs(target), (s) => s.includes(POOL_NAME), 'the pool list');
}

/** The app's own floor for the pool list: start, ListUserPools over the SDK, one frame of text. */
export function appFloorPools(target: Target, floors: Floors): Promise<FramedCalls> {
  return timedFrame(target, [floors.app, 'pools', target.emulator.url, DEMO_REGION], (s) => s.includes(POOL_NAME), 'the floor\'s pool list');
}

/** The bare Ink app: spawn → its one Text. */
export async function inkFloorFrame(floors: Floors): Promise<number> {
  const screen = new PtyScreen([floors.ink]);
  try {
    return (await screen.until((s) => s.includes('ink floor'), 'the ink floor')) - screen.spawnedAt;
  } finally {
    await screen.quit();
  }
}

/** Spawn with `--pool --user` → the user's events on screen, and the requests sent before that frame. */
export function deepLinkEvents(target: Target): Promise<FramedCalls> {
  return timedFrame(target, cliArgs(target, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME), (s) => EVENTS_STATUS.test(s), `${TAKEOVER_USERNAME}'s events`);
}

/** The app's own floor for the deep link: start, the user's ListUsers and AdminListUserAuthEvents over the SDK, one frame. */
export function appFloorEvents(target: Target, floors: Floors): Promise<FramedCalls> {
  return timedFrame(target, [floors.app, 'events', target.emulator.url, DEMO_REGION, LARGE_POOL_ID, TAKEOVER_USERNAME],
    (s) => EVENTS_STATUS.test(s), 'the floor\'s events');
}

/** Peer of figure 2: the AWS CLI listing the same user's events, spawn → exit. */
export function awsAuthEvents(emulator: EmulatorProcess): Promise<number> {
  return spawnToExit(AWS_CLI, [
    'cognito-idp', 'admin-list-user-auth-events', '--user-pool-id', LARGE_POOL_ID, '--username', TAKEOVER_USERNAME,
    '--endpoint-url', emulator.url, '--region', DEMO_REGION, '--no-cli-pager',
  ], benchEnv({ AWS_PAGER: '' }));
}

/** Figure 5a: spawn with `--pool` → the first screen of users, and the ListUsers calls it took. */
export async function firstUsersScreen(target: Target): Promise<{ ms: number; calls: number }> {
  const { emulator } = target;
  const before = await emulator.counts();
  const screen = new PtyScreen(cliArgs(target, '--pool', LARGE_POOL_ID));
  try {
    const at = await screen.until((s) => USERS_STATUS.test(s), 'the first screen of users');
    await pause(SETTLE_MS);
    const after = await emulator.counts();
    return { ms: at - screen.spawnedAt, calls: callsBetween(before, after, 'ListUsers') };
  } finally {
    await screen.quit();
  }
}

/** The users status line (src/ui/components/StatusLine.tsx): rows loaded, no `+` once complete, and whether a load runs. */
function usersStatus(screen: string): { loaded: number; complete: boolean; loading: boolean } | undefined {
  const m = USERS_STATUS.exec(screen);
  return m ? { loaded: Number(m[2]), complete: m[3] === '', loading: /loading/.test(m[4]) } : undefined;
}

/**
 * Presses G until the status line says every user is loaded, pressing again only once the rows a G brought are in
 * and nothing is loading; resolves with the arrival time of the frame that showed the end, and the presses.
 */
async function walkToEnd(screen: PtyScreen): Promise<{ at: number; presses: number; loaded: number }> {
  let at = await screen.until((s) => usersStatus(s) !== undefined, 'the first screen of users');
  let presses = 0;
  for (;;) {
    const status = usersStatus(screen.screen)!;
    if (status.complete) return { at, presses, loaded: status.loaded };
    screen.write('G');
    presses++;
    at = await screen.until((s) => {
      const now = usersStatus(s);
      return now !== undefined && (now.complete || (now.loaded > status.loaded && !now.loading));
    }, `more than ${status.loaded} users loaded`, 120_000);
  }
}

/** Figure 6: spawn with `--pool` → every user of the pool loaded by pressing G, as the status line says. */
export async function walkUsers(target: Target): Promise<{ ms: number; presses: number; loaded: number; calls: number }> {
  const { emulator } = target;
  const before = await emulator.counts();
  const screen = new PtyScreen(cliArgs(target, '--pool', LARGE_POOL_ID));
  try {
    const walk = await walkToEnd(screen);
    const after = await emulator.counts();
    return { ms: walk.at - screen.spawnedAt, presses: walk.presses, loaded: walk.loaded, calls: callsBetween(before, after, 'ListUsers') };
  } finally {
    await screen.quit();
  }
}

/** Peer of figure 6: the AWS CLI paginating ListUsers over the same pool, spawn → exit. */
export async function awsListUsers(emulator: EmulatorProcess): Promise<{ ms: number; calls: number }> {
  const before = await emulator.counts();
  const ms = await spawnToExit(AWS_CLI, [
    'cognito-idp', 'list-users', '--user-pool-id', LARGE_POOL_ID,
    '--endpoint-url', emulator.url, '--region', DEMO_REGION, '--no-cli-pager',
  ], benchEnv({ AWS_PAGER: '' }));
  const after = await emulator.counts();
  return { ms, calls: callsBetween(before, after, 'ListUsers') };
}
