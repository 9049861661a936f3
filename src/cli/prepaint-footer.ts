import chalk from 'chalk';
import type { ConfigState } from '../config/config-types.ts';
import type { Binding } from '../keys/binding.ts';
import { GLOBAL_KEYS, LIST_KEYS } from '../keys/global-keys.ts';
import { openKey, RISK_CONFIG } from '../keys/shared-bindings.ts';
import { cellWidth, truncate } from '../ui/text.ts';

/**
 * The pool list's own keys, as src/views/pools.tsx lists them (that file loads Ink; test/app/prepaint-frame.test.tsx
 * checks the two agree).
 */
export const POOLS_PAINT_KEYS: Binding[] = [openKey('open the pool\'s users', 'open'), RISK_CONFIG, ...LIST_KEYS];

const HINT_GAP = '  ';
const LAST_ACTIONS = ['help', 'quit'];

/** The name the config remaps a binding by (src/keys/remap.ts actionName). */
function actionName(b: Binding): string {
  return b.action ?? (b.short ?? b.description.replace(/\s*[(:;,—].*$/, '')).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The hints that fit in `room` cells, ending with help and quit (Footer.tsx fitHints). */
function fitHints(hints: { text: string; last: boolean }[], room: number): string {
  const tail = hints.filter((h) => h.last).map((h) => h.text).join(HINT_GAP);
  const shown: string[] = [];
  let used = cellWidth(tail);
  for (const h of hints) {
    if (h.last) continue;
    const cost = cellWidth(h.text) + HINT_GAP.length;
    if (used + cost > room) break;
    shown.push(h.text);
    used += cost;
  }
  return truncate([...shown, tail].filter(Boolean).join(HINT_GAP), room);
}

/**
 * The key hints of the pool list's footer as the app draws them at its start (Footer.tsx), beside a counter of `calls`
 * (its width decides the hints' room). The counter itself is the app's to draw: its first frame with the rows says
 * 0 or 1 calls, as the store's batched count has caught up or not. Undefined where the start's footer cannot be known without the app: a config that remaps keys
 * or adds commands, or a key whose hint or state depends on the session (those are drawn by the app).
 */
export function poolsFooter(config: ConfigState, width: number, calls: number): string | undefined {
  if (Object.keys(config.keys).length > 0 || config.commands.length > 0) return undefined;
  const bindings = [...POOLS_PAINT_KEYS, ...GLOBAL_KEYS.bindings];
  if (bindings.some((b) => b.disabled !== undefined)) return undefined;
  const hints = bindings
    .filter((b) => b.hint)
    .filter((b, i, all) => all.findIndex((o) => o.label === b.label) === i)
    .map((b) => ({ last: LAST_ACTIONS.includes(actionName(b)), text: `${b.label} ${b.short ?? b.description.replace(/\s*\(.*\)$/, '')}` }));
  const stats = `API ${calls}`;
  return chalk.dim(fitHints(hints, Math.max(4, width - stats.length - 3)));
}
