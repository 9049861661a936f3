import { copyToClipboard } from './clipboard.ts';
import type { TmuxRunner } from './tmux.ts';

/** Which way a copy went: the terminal's clipboard through OSC 52, tmux's paste buffer, or nowhere (shown to select by hand). */
export type ClipboardWay = 'osc52' | 'tmux-buffer' | 'by-hand';

/** What was done with a copy, said as it happened: a terminal never acknowledges OSC 52, so it never says "copied". */
export interface ClipboardOutcome {
  way: ClipboardWay;
  message: string;
}

/** The ways out of the app: the terminal (absent when there is none), the environment, and tmux. */
export interface ClipboardRoute {
  write?: (bytes: string) => void;
  env: Record<string, string | undefined>;
  tmux: TmuxRunner;
}

/** Terminals known to ignore OSC 52: the Linux console and dumb terminals. */
const WITHOUT_OSC52 = new Set(['dumb', 'linux']);

function byHand(why: string, text: string): ClipboardOutcome {
  return { way: 'by-hand', message: `${why}. Select it by hand: ${text}` };
}

/** True when tmux passes an application's escape sequences on to the terminal (allow-passthrough on or all, or a tmux older than the option, which always did). */
function tmuxPassesThrough(route: ClipboardRoute): boolean {
  const answer = route.tmux(['show-options', '-Apqv', 'allow-passthrough']);
  return answer.ok && !/^off\b/.test(answer.output.trim());
}

function osc52(what: string, text: string, route: ClipboardRoute, through: string): ClipboardOutcome | undefined {
  if (!route.write) return undefined;
  const sent = copyToClipboard(text, { write: route.write, env: route.env });
  return sent.ok ? { way: 'osc52', message: `${what} ${text} sent to the terminal clipboard (OSC 52${through})` } : undefined;
}

/**
 * Puts `text` (the value of the field `what`) where the user can paste it: inside tmux, through OSC 52 when tmux
 * passes it on, else into tmux's paste buffer (`load-buffer -w -`, or `set-buffer` on a tmux before 3.2); outside
 * tmux, through OSC 52 to the terminal; where neither works, it says so and shows the text to select by hand.
 */
export function sendToClipboard(what: string, text: string, route: ClipboardRoute): ClipboardOutcome {
  if (route.env.TMUX) {
    if (tmuxPassesThrough(route)) {
      const sent = osc52(what, text, route, ', passed through tmux');
      if (sent) return sent;
    }
    const loaded = route.tmux(['load-buffer', '-w', '-'], text);
    if (loaded.ok || route.tmux(['set-buffer', '--', text]).ok) {
      return { way: 'tmux-buffer', message: `${what} ${text} put in tmux's buffer (prefix ] pastes it)` };
    }
    return byHand(`tmux did not take it (${loaded.error ?? 'no answer'}) and does not pass OSC 52 on`, text);
  }
  if (!route.write) return byHand('No terminal to send it through', text);
  if (WITHOUT_OSC52.has(route.env.TERM ?? '')) return byHand(`This terminal (TERM=${route.env.TERM}) has no clipboard sequence and there is no tmux`, text);
  return osc52(what, text, route, route.env.STY ? ', passed through screen' : '') ?? byHand('The terminal could not be written to', text);
}
