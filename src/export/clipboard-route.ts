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

/** How a copy names its text in messages, when the text itself is too long for the flash line (a row as JSON). */
export interface ClipboardWording {
  /** Stands for the text in "… sent to …" and "… put in …" (e.g. "(1.2 kB)"). */
  shown: string;
  /** Said instead of showing the text to select by hand. */
  byHand: string;
}

function byHand(why: string, text: string, wording?: ClipboardWording): ClipboardOutcome {
  return { way: 'by-hand', message: wording ? `${why}: nothing was copied. ${wording.byHand}` : `${why}. Select it by hand: ${text}` };
}

/** True when tmux passes an application's escape sequences on to the terminal (allow-passthrough on or all, or a tmux older than the option, which always did). */
function tmuxPassesThrough(route: ClipboardRoute): boolean {
  const answer = route.tmux(['show-options', '-Apqv', 'allow-passthrough']);
  return answer.ok && !/^off\b/.test(answer.output.trim());
}

function osc52(what: string, text: string, route: ClipboardRoute, through: string, wording?: ClipboardWording): ClipboardOutcome | { error: string } {
  if (!route.write) return { error: 'No terminal to send it through' };
  const sent = copyToClipboard(text, { write: route.write, env: route.env });
  if (!sent.ok) return { error: sent.error.replace(/\.$/, '') };
  return { way: 'osc52', message: `${what} ${wording?.shown ?? text} sent to the terminal clipboard (OSC 52${through})` };
}

/**
 * Puts `text` (the value of the field `what`) where the user can paste it: inside tmux, through OSC 52 when tmux
 * passes it on, else into tmux's paste buffer (`load-buffer -w -`, or `set-buffer` on a tmux before 3.2); outside
 * tmux, through OSC 52 to the terminal; where neither works, it says so and shows the text to select by hand.
 */
export function sendToClipboard(what: string, text: string, route: ClipboardRoute, wording?: ClipboardWording): ClipboardOutcome {
  if (route.env.TMUX) {
    if (tmuxPassesThrough(route)) {
      const sent = osc52(what, text, route, ', passed through tmux', wording);
      if ('way' in sent) return sent;
    }
    const loaded = route.tmux(['load-buffer', '-w', '-'], text);
    if (loaded.ok || route.tmux(['set-buffer', '--', text]).ok) {
      return { way: 'tmux-buffer', message: `${what} ${wording?.shown ?? text} put in tmux's buffer (prefix ] pastes it)` };
    }
    return byHand(`tmux did not take it (${loaded.error ?? 'no answer'}) and does not pass OSC 52 on`, text, wording);
  }
  if (!route.write) return byHand('No terminal to send it through', text, wording);
  if (WITHOUT_OSC52.has(route.env.TERM ?? '')) return byHand(`This terminal (TERM=${route.env.TERM}) has no clipboard sequence and there is no tmux`, text, wording);
  const sent = osc52(what, text, route, route.env.STY ? ', passed through screen' : '', wording);
  return 'way' in sent ? sent : byHand(sent.error, text, wording);
}
