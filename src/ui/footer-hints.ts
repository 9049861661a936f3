import type { Binding } from '../keys/binding.ts';
import { actionName } from '../keys/action-name.ts';
import { cellWidth, truncate } from './text.ts';

const HINT_GAP = '  ';
const LAST_HINTS = ['?', 'q'];
/** The actions whose hints end the footer, on whatever keys the config gives them. */
export const LAST_ACTIONS = ['help', 'quit'];

/**
 * The hints that fit in `room` cells, in table order, always ending with `? help` and `q quit`: hints that do not
 * fit are dropped whole, from the end of the view's own, rather than cut.
 */
export function fitHints(hints: { label: string; text: string; last?: boolean }[], room: number): string {
  const isLast = (h: { label: string; last?: boolean }) => h.last ?? LAST_HINTS.includes(h.label);
  const last = hints.some((h) => h.last !== undefined)
    ? hints.filter(isLast).map((h) => h.text)
    : LAST_HINTS.map((label) => hints.find((h) => h.label === label)?.text).filter((t): t is string => t !== undefined);
  const tail = last.join(HINT_GAP);
  const shown: string[] = [];
  let used = cellWidth(tail);
  for (const h of hints) {
    if (isLast(h)) continue;
    const cost = cellWidth(h.text) + HINT_GAP.length;
    if (used + cost > room) break;
    shown.push(h.text);
    used += cost;
  }
  return truncate([...shown, tail].filter(Boolean).join(HINT_GAP), room);
}

/** True for the hints that end the footer (help and quit, on whatever keys the config gives them). */
export function endsFooter(b: Binding): boolean {
  return LAST_ACTIONS.includes(actionName(b));
}

/** A binding's footer hint: its key and its short words (or its description without a parenthesis), `(off)` when disabled. */
export function hintText(b: Binding, off = false): string {
  return `${b.label} ${b.short ?? b.description.replace(/\s*\(.*\)$/, '')}${off ? ' (off)' : ''}`;
}
