import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SyntheticActivity } from '../../src/emulator/logs/synthetic-activity.ts';
import type { AdversarySettings } from '../../src/emulator/types.ts';
import type { EmulatorReport, EmulatorRequest, LoggedCall } from './emulator-child.ts';

const CHILD = fileURLToPath(new URL('./emulator-child.ts', import.meta.url));

/** Requests the emulator has answered, by operation, and in all. */
export interface RequestCounts {
  counts: Record<string, number>;
  total: number;
}

/** An emulator running in its own process, so that its CPU does not count against the program measured. */
export class EmulatorProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly users: number) {}

  /**
   * Starts an emulator whose large pool holds `users` users (and, with `activity`, that many generated user-activity
   * records in its log group, generated before it reports ready); resolves once it is warm and idle.
   */
  static async start(users: number, activity?: SyntheticActivity): Promise<EmulatorProcess> {
    const args = activity === undefined ? [String(users)] : [String(users), JSON.stringify(activity)];
    const child = fork(CHILD, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const [msg] = (await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(([code]) => { throw new Error(`the emulator process exited with code ${code}`); }),
    ])) as [EmulatorReport];
    if (msg.type !== 'ready') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of ready`);
    return new EmulatorProcess(child, msg.url, msg.users);
  }

  /** What the emulator has answered so far. */
  async counts(): Promise<RequestCounts> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'counts' } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'counts') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of counts`);
    return { counts: msg.counts, total: msg.total };
  }

  /** The requests answered from the `since`-th on (`counts().total` before an action gives its `since`). */
  async calls(since: number): Promise<LoggedCall[]> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'log', since } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'log') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of log`);
    return msg.calls;
  }

  /** Makes the emulator misbehave as `plan` says from the next request on ({} makes it polite again). */
  async setAdversary(plan: AdversarySettings): Promise<void> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'adversary', plan } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'adversary-set') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of adversary-set`);
  }

  /** The emulator process's memory (resident now and at its peak, bytes) and the log records it holds. */
  async memory(): Promise<{ rss: number; peakRss: number; logEvents: number; logBytes: number }> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'memory' } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'memory') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of memory`);
    return { rss: msg.rss, peakRss: msg.peakRss, logEvents: msg.logEvents, logBytes: msg.logBytes };
  }

  /**
   * Waits until the emulator is idle (its event loop under 5 % busy for 300 ms: no background work under way) and
   * resolves with its CPU time so far (ms) and how long it took to settle.
   */
  async settle(): Promise<{ cpuMs: number; waitedMs: number }> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'settle' } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'settled') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of settled`);
    return { cpuMs: msg.cpuMs, waitedMs: msg.waitedMs };
  }

  /** The emulator process's CPU time so far (user + system, ms). */
  async cpuMs(): Promise<number> {
    const reply = once(this.child, 'message') as Promise<[EmulatorReport]>;
    this.child.send({ type: 'cpu' } satisfies EmulatorRequest);
    const [msg] = await reply;
    if (msg.type !== 'cpu') throw new Error(`the emulator process said ${JSON.stringify(msg)} instead of cpu`);
    return msg.cpuMs;
  }

  /** Stops the emulator and waits for its process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.send({ type: 'stop' } satisfies EmulatorRequest);
    await exited;
  }
}

/** How many more `operation` requests `after` holds than `before`. */
export function callsBetween(before: RequestCounts, after: RequestCounts, operation: string): number {
  return (after.counts[operation] ?? 0) - (before.counts[operation] ?? 0);
}
