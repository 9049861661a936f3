import type { ConfigState } from '../config/config-types.ts';
import type { KeyTable } from '../keys/binding.ts';
import { GLOBAL_KEYS } from '../keys/global-keys.ts';
import { HELP_KEYS, MODE_TABLES } from '../keys/mode-keys.ts';
import { configuredTables, helpModeKeys } from '../keys/remap.ts';
import { VIEWS } from '../views/registry.ts';

function tableText(table: KeyTable, heading: string): string[] {
  const rows = table.bindings.map((b) => [b.label, b.description] as const);
  const width = Math.max(6, ...rows.map(([label]) => label.length));
  return [heading, ...rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`)];
}

/**
 * The text of `cognito-tui help keys`: the keys of every view, then the global keys and those of every mode
 * (input line, dialogs, help), from the key tables the app dispatches on and draws its footer and `?` help from,
 * with the config's remaps and custom commands applied as the app applies them. A global key the config moves in
 * one view only is listed with that view's keys.
 */
export function keysText(config?: ConfigState): string {
  const onlyGlobal = config && { ...config, keys: { global: config.keys.global ?? {} }, commands: [] };
  const global = onlyGlobal ? configuredTables('pools', onlyGlobal).global : GLOBAL_KEYS;
  const views = VIEWS.map((v) => {
    const tables = configuredTables(v.name, config);
    const movedHere = tables.global.bindings.filter((b, i) => b.label !== global.bindings[i].label);
    return tableText({ title: v.title, bindings: [...tables.own.bindings, ...movedHere] }, `${v.title} (${v.name})`);
  });
  const modes = MODE_TABLES.map((t) => (t === HELP_KEYS ? helpModeKeys(onlyGlobal, 'pools') : t));
  const rest = [global, ...modes].map((t) => tableText(t, t.title === GLOBAL_KEYS.title ? 'Global (every view, unless the view takes the key)' : t.title));
  return [...views, ...rest].map((block) => block.join('\n')).join('\n\n');
}

