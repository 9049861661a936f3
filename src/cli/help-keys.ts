import type { KeyTable } from '../keys/binding.ts';
import { GLOBAL_KEYS } from '../keys/global-keys.ts';
import { MODE_TABLES } from '../keys/mode-keys.ts';
import { VIEWS } from '../views/registry.ts';

function tableText(table: KeyTable, heading: string): string[] {
  const rows = table.bindings.map((b) => [b.label, b.description] as const);
  const width = Math.max(6, ...rows.map(([label]) => label.length));
  return [heading, ...rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`)];
}

/**
 * The text of `cognito-tui help keys`: the keys of every view, then the global keys and those of every mode
 * (input line, dialogs, help), from the key tables the app dispatches on and draws its footer and `?` help from.
 */
export function keysText(): string {
  const views = VIEWS.map((v) => tableText({ title: v.title, bindings: v.keys }, `${v.title} (${v.name})`));
  const rest = [GLOBAL_KEYS, ...MODE_TABLES].map((t) => tableText(t, t.title === GLOBAL_KEYS.title ? 'Global (every view, unless the view takes the key)' : t.title));
  return [...views, ...rest].map((block) => block.join('\n')).join('\n\n');
}
