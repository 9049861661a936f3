import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

interface Waiter {
  test: (screen: string) => boolean;
  resolve: (at: number) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  what: string;
}

const BEGIN_FRAME = '\u001b[?2026h';
const END_FRAME = '\u001b[?2026l';
const DROPPED_ENV = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION']);

/** The environment a benchmarked program gets: CI markers and AWS profile settings removed, dummy keys added. */
export function benchEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !DROPPED_ENV.has(k)) env[k] = v;
  return { ...env, TERM: 'xterm-256color', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', ...extra };
}

/**
 * A program in a pseudo-terminal whose output is parsed by a headless xterm. Every output chunk is stamped
 * with its arrival time, so a wait resolves with the moment the chunk that made the screen match arrived.
 * Screens are compared only between frames: inside a synchronized update (DEC mode 2026, which Ink wraps each
 * frame in) the screen is half drawn, so the frame counts from the chunk that ends it.
 */
export class PtyScreen {
  /** performance.now() just before the spawn. */
  readonly spawnedAt: number;
  /** Arrival time of the most recent chunk that has been parsed. */
  lastChunkAt = 0;
  exitCode: number | undefined;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly proc: pty.IPty;
  private readonly exitWaiters: (() => void)[] = [];
  private parsing: Promise<void> = Promise.resolve();
  private waiters: Waiter[] = [];
  private text = '';
  private insideFrame = false;
  private tail = '';

  /** `args[0]` is the executable itself (the shipped bin, run through its #! line as a user runs it). */
  constructor(args: string[], opts: { cols?: number; rows?: number; env?: Record<string, string> } = {}) {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 32;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    const env = benchEnv(opts.env);
    this.spawnedAt = performance.now();
    const [bin, ...rest] = args;
    this.proc = pty.spawn(bin, rest, { cols, rows, env, name: 'xterm-256color' });
    this.proc.onData((data) => {
      const at = performance.now();
      this.trackFrame(data);
      const complete = !this.insideFrame;
      this.parsing = this.parsing.then(() => new Promise<void>((resolve) => this.term.write(data, () => {
        if (complete) {
          this.lastChunkAt = at;
          this.text = this.readScreen();
          this.settleWaiters(at);
        }
        resolve();
      })));
    });
    this.proc.onExit(({ exitCode }) => {
      this.exitCode = exitCode;
      for (const w of this.waiters) w.reject(new Error(`the program exited (code ${exitCode}) while waiting for ${w.what}\n${this.text}`));
      this.waiters = [];
      for (const done of this.exitWaiters.splice(0)) done();
    });
  }

  /** Operating-system process id of the program. */
  get pid(): number {
    return this.proc.pid;
  }

  /** The screen as parsed so far, one line per row, trailing spaces trimmed. */
  get screen(): string {
    return this.text;
  }

  /** Resolves with the arrival time of the first chunk after which `test` holds (now, if it already holds). */
  until(test: (screen: string) => boolean, what: string, timeoutMs = 30_000): Promise<number> {
    return this.parsing.then(() => {
      if (test(this.text)) return this.lastChunkAt;
      if (this.exitCode !== undefined) throw new Error(`the program has exited (code ${this.exitCode}); wanted ${what}\n${this.text}`);
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w.timer !== timer);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- screen ---\n${this.text}\n--------------`));
        }, timeoutMs);
        this.waiters.push({ test, resolve, reject, timer, what });
      });
    });
  }

  /**
   * Writes `key` and resolves with the milliseconds from the write to the arrival of the first chunk that
   * changes the screen.
   */
  async pressAndTimeFrame(key: string, timeoutMs = 10_000): Promise<number> {
    await this.parsing;
    const before = this.text;
    const sentAt = performance.now();
    const waiting = this.until((s) => s !== before, `a new frame after "${key}"`, timeoutMs);
    this.proc.write(key);
    return (await waiting) - sentAt;
  }

  /**
   * Writes `key` and resolves with the milliseconds from the write to the arrival of the first frame after which
   * `test` holds: for screens that change on their own (a list loading), where any change is not the key's.
   */
  async pressUntil(key: string, test: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<number> {
    await this.parsing;
    const sentAt = performance.now();
    const waiting = this.until(test, what, timeoutMs);
    this.proc.write(key);
    return (await waiting) - sentAt;
  }

  /** Writes bytes to the program as if typed. */
  write(data: string): void {
    this.proc.write(data);
  }

  /** The program's resident set size and its peak, in bytes, from /proc. */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** The program's CPU time so far (user + system, ms), from /proc (clock ticks of 10 ms). */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Sends `q` and waits for the exit; kills the program if it has not ended within `timeoutMs`. */
  async quit(timeoutMs = 5_000): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    this.proc.write('q');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
    this.term.dispose();
  }

  /** Follows synchronized-update marks, so that a frame counts only once its last chunk has arrived. */
  private trackFrame(data: string): void {
    const seen = this.tail + data;
    const begin = seen.lastIndexOf(BEGIN_FRAME);
    const end = seen.lastIndexOf(END_FRAME);
    if (begin !== -1 || end !== -1) this.insideFrame = begin > end;
    this.tail = seen.slice(-(BEGIN_FRAME.length - 1));
  }

  private readScreen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  private settleWaiters(at: number): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.test(this.text)) {
        clearTimeout(w.timer);
        w.resolve(at);
      } else {
        still.push(w);
      }
    }
    this.waiters = still;
  }
}
