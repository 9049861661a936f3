import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { keyCode } from '../helpers/key-codes.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** A sequence that acts on the terminal outside the screen grid, as xterm's parser saw it. */
export interface TerminalEffect {
  kind: 'osc' | 'dcs';
  /** OSC number (0, 1, 2, 52) or DCS final byte with its intermediates. */
  id: string;
  data: string;
}

const WATCHED_OSC = [0, 1, 2, 52];
const DCS_IDS: { intermediates?: string; final: string }[] = [
  ...Array.from({ length: 0x7e - 0x40 + 1 }, (_, i) => ({ final: String.fromCharCode(0x40 + i) })),
  { intermediates: '$', final: 'q' }, { intermediates: '+', final: 'q' }, { intermediates: '+', final: 'p' },
];

/**
 * A program (node unless `file` says otherwise) in a pseudo-terminal whose headless xterm reports, through its parser hooks, every OSC 0/1/2
 * (window and icon titles), OSC 52 (clipboard) and DCS sequence it receives. The hooks are registered before the
 * program writes anything.
 */
export class WatchedPty {
  readonly effects: TerminalEffect[] = [];
  readonly titles: string[] = [];
  raw = '';
  exitCode: number | undefined;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly proc: pty.IPty;
  private pending: Promise<void> = Promise.resolve();

  constructor(args: string[], opts: { cols?: number; rows?: number; env?: Record<string, string | undefined>; file?: string } = {}) {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 32;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    for (const id of WATCHED_OSC) {
      this.term.parser.registerOscHandler(id, (data) => {
        this.effects.push({ kind: 'osc', id: String(id), data });
        return false;
      });
    }
    for (const id of DCS_IDS) {
      this.term.parser.registerDcsHandler(id, (data) => {
        this.effects.push({ kind: 'dcs', id: `${id.intermediates ?? ''}${id.final}`, data });
        return true;
      });
    }
    this.term.onTitleChange((t) => this.titles.push(t));
    const env: Record<string, string> = {};
    const merged = { ...process.env, TERM: 'xterm-256color', TMUX: undefined, STY: undefined, ...opts.env };
    for (const [k, v] of Object.entries(merged)) {
      if (v !== undefined && k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION') env[k] = v;
    }
    this.proc = pty.spawn(opts.file ?? process.execPath, args, { cols, rows, env, name: 'xterm-256color' });
    this.proc.onData((data) => {
      this.raw += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.proc.onExit(({ exitCode }) => { this.exitCode = exitCode; });
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

  kill(signal?: string): void {
    if (this.exitCode === undefined) this.proc.kill(signal);
  }
}
