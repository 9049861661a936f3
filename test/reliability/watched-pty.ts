import { PtySession, type PtySessionOptions } from '../helpers/pty-session.ts';

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
export class WatchedPty extends PtySession {
  readonly effects: TerminalEffect[];

  constructor(args: string[], opts: PtySessionOptions = {}) {
    const effects: TerminalEffect[] = [];
    super(args, {
      ...opts,
      env: { TMUX: undefined, STY: undefined, ...opts.env },
      watch: (term) => {
        for (const id of WATCHED_OSC) {
          term.parser.registerOscHandler(id, (data) => {
            effects.push({ kind: 'osc', id: String(id), data });
            return false;
          });
        }
        for (const id of DCS_IDS) {
          term.parser.registerDcsHandler(id, (data) => {
            effects.push({ kind: 'dcs', id: `${id.intermediates ?? ''}${id.final}`, data });
            return true;
          });
        }
      },
    });
    this.effects = effects;
  }
}
