import chalk from 'chalk';
import type { ConfigState } from '../config/config-types.ts';
import { GLOBAL_KEYS } from '../keys/global-keys.ts';
import { POOL_KEYS } from '../keys/pool-keys.ts';
import { endsFooter, fitHints, hintText } from '../ui/footer-hints.ts';

/**
 * The key hints of the pool list's footer as the app draws them at its start (Footer.tsx), beside a counter of `calls`
 * (its width decides the hints' room). The counter itself is the app's to draw: its first frame with the rows says
 * 0 or 1 calls, as the store's batched count has caught up or not. Undefined where the start's footer cannot be known without the app: a config that remaps keys
 * or adds commands, or a key whose hint or state depends on the session (those are drawn by the app).
 */
export function poolsFooter(config: ConfigState, width: number, calls: number): string | undefined {
  if (Object.keys(config.keys).length > 0 || config.commands.length > 0) return undefined;
  const bindings = [...POOL_KEYS, ...GLOBAL_KEYS.bindings];
  if (bindings.some((b) => b.disabled !== undefined)) return undefined;
  const hints = bindings
    .filter((b) => b.hint)
    .filter((b, i, all) => all.findIndex((o) => o.label === b.label) === i)
    .map((b) => ({ label: b.label, last: endsFooter(b), text: hintText(b) }));
  const stats = `API ${calls}`;
  return chalk.dim(fitHints(hints, Math.max(4, width - stats.length - 3)));
}
