import { DEMO_REGION, LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import type { Floors } from './floors.ts';
import { PtyScreen } from './pty-screen.ts';
import type { Target } from './scenarios.ts';

const HELP_OPEN = 'Keys — esc, ? or q closes';
const SWEEP_RUNNING = /sweep running/;

/** Keypress → frame while the sweep runs, beside the bare Ink app's key → frame pressed in turn. */
export interface SweepKeys {
  appMs: number[];
  floorMs: number[];
}

/** Starts the paced sweep on the large pool, then times `presses` presses of `?` (help open, help closed) with the floor's keys between. */
export async function keysWhileSweeping(target: Target, floors: Floors, presses: number): Promise<SweepKeys> {
  const screen = new PtyScreen([target.cli, '--endpoint-url', target.emulator.url, '--region', DEMO_REGION, '--pool', LARGE_POOL_ID]);
  const floor = new PtyScreen([floors.ink]);
  try {
    await floor.until((s) => s.includes('ink floor'), 'the ink floor');
    await screen.until((s) => /\d+\/\d+\+? users/.test(s), 'the first screen of users');
    await target.emulator.settle();
    screen.write('s');
    await screen.until((s) => /\by\b/.test(s) && /sweep/i.test(s), 'the sweep confirmation');
    screen.write('y');
    await screen.until((s) => SWEEP_RUNNING.test(s), 'the sweep running', 30_000);
    const appMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < presses; i++) {
      const open = screen.screen.includes(HELP_OPEN);
      appMs.push(await screen.pressUntil('?', (s) => s.includes(HELP_OPEN) !== open, open ? 'the help to close' : 'the help to open'));
      floorMs.push(await floor.pressAndTimeFrame('x'));
    }
    if (!screen.screen.includes(HELP_OPEN) && !SWEEP_RUNNING.test(screen.screen)) throw new Error(`the sweep ended before the keys were timed:\n${screen.screen}`);
    return { appMs, floorMs };
  } finally {
    await Promise.all([screen.quit(), floor.quit()]);
  }
}
