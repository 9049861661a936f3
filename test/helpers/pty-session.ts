import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyCode } from './key-codes.ts';
import { waitFor } from './wait-for.ts';

/** The built bin the pseudo-terminal tests run. */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Throwaway static credentials and a region, for a CLI pointed at the emulator. */
export const AWS_ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_PROFILE: undefined, AWS_EC2_METADATA_DISABLED: 'true' };

/** An environment with no AWS settings at all, whatever the machine running the tests has, plus `extra`. */
export function bareEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    HOME: '/nonexistent-cognito-tui-home', AWS_PROFILE: undefined, AWS_DEFAULT_PROFILE: undefined, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined,
    AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined, AWS_CONFIG_FILE: undefined,
    AWS_SHARED_CREDENTIALS_FILE: undefined, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined, AWS_WEB_IDENTITY_TOKEN_FILE: undefined, ...extra,
  };
}

/** How to start a PtySession. */
export interface PtySessionOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  /** The executable; node unless given. */
  file?: string;
  /** The program's working directory; the test's when absent. */
  cwd?: string;
  /** Called with the headless terminal before the program starts, e.g. to register parser hooks. */
  watch?: (term: InstanceType<typeof xterm.Terminal>) => void;
}

/** A program running in a real pseudo-terminal, its output parsed by a headless xterm into a screen grid. */
export class PtySession {
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly proc: pty.IPty;
  private pending: Promise<void> = Promise.resolve();
  /** Every title the program set through OSC 0/2. */
  readonly titles: string[] = [];
  /** Raw output, for asserting that no escape sequence from data was written. */
  raw = '';
  exitCode: number | undefined;
  /** The signal that ended the program, when one did (0 when it exited by itself). */
  exitSignal: number | undefined;

  constructor(args: string[], opts: PtySessionOptions = {}) {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 32;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    opts.watch?.(this.term);
    this.term.onTitleChange((t) => this.titles.push(t));
    const env: Record<string, string> = {};
    const state = { XDG_STATE_HOME: join(tmpdir(), 'cognito-tui-pty-state'), XDG_CONFIG_HOME: join(tmpdir(), 'cognito-tui-pty-no-config') };
    for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...state, ...opts.env })) {
      if (v !== undefined && k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION') env[k] = v;
    }
    this.proc = pty.spawn(opts.file ?? process.execPath, args, { cols, rows, env, name: 'xterm-256color', ...(opts.cwd ? { cwd: opts.cwd } : {}) });
    this.proc.onData((data) => {
      this.raw += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.proc.onExit(({ exitCode, signal }) => {
      this.exitSignal = signal;
      this.exitCode = exitCode;
    });
  }

  /** The screen as text, one line per row, trailing spaces trimmed. */
  async screen(): Promise<string> {
    await this.pending;
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Waits until the screen shows `text` (or matches it) and returns the screen. */
  async waitForText(text: string | RegExp, timeoutMs = 15000): Promise<string> {
    let last = '';
    try {
      return await waitFor(async () => {
        last = await this.screen();
        return (typeof text === 'string' ? last.includes(text) : text.test(last)) ? last : '';
      }, timeoutMs, `screen to show ${String(text)}`);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- screen ---\n${last}\n--------------`);
    }
  }

  /** Sends keys by name ('enter', 'down', 'escape', …) or as the characters themselves. */
  press(...keys: string[]): void {
    for (const k of keys) this.proc.write(keyCode(k));
  }

  /** Types text as it is. */
  type(text: string): void {
    this.proc.write(text);
  }

  /**
   * Pastes a long text in pieces, letting the program's output be read between them, as a terminal does: one
   * write of 50 KB would fill the pty's input while the program waits for its own output to be read, and both
   * would wait for ever.
   */
  async paste(text: string, piece = 1024): Promise<void> {
    for (let at = 0; at < text.length; at += piece) {
      this.proc.write(text.slice(at, at + piece));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Resizes the pseudo-terminal and the headless screen. */
  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Resolves with the exit code once the program has ended. */
  async exited(timeoutMs = 10000): Promise<number> {
    await waitFor(() => this.exitCode !== undefined, timeoutMs, 'the program to exit');
    return this.exitCode!;
  }

  /** The process id of the program (the shell, when the program runs under one). */
  get pid(): number {
    return this.proc.pid;
  }

  /** Closes the terminal under the program, as a closed window or a dropped SSH connection does (the master side goes away). */
  closeTerminal(): void {
    (this.proc as unknown as { destroy(): void }).destroy();
  }

  kill(signal?: string): void {
    if (this.exitCode === undefined) this.proc.kill(signal);
  }

  /** Ends the program and resolves once it has exited (SIGTERM, then SIGKILL after `graceMs`), so nothing it writes on its way out races the test's clean-up. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.proc.kill('SIGTERM');
    try {
      await this.exited(graceMs);
    } catch {
      this.kill('SIGKILL');
      await this.exited(graceMs).catch(() => undefined);
    }
  }
}
