import type { ConfigState, CustomCommand } from '../config/config-types.ts';
import type { ViewName } from '../store/routes.ts';
import { viewSpec } from '../views/registry.ts';
import type { Binding, KeyTable } from './binding.ts';
import { GLOBAL_KEYS } from './global-keys.ts';
import { HELP_KEYS } from './mode-keys.ts';
import { actionName } from './action-name.ts';

export { actionName };

const ARROWS: Record<string, string> = { down: '↓', up: '↑', left: '←', right: '→', escape: 'esc', backspace: 'bksp', pagedown: 'PgDn', pageup: 'PgUp' };

/** How remapped keys are written in the footer and the help: `D`, `ctrl+d`, `J/↓`. */
export function keysLabel(keys: readonly string[]): string {
  return keys.map((k) => ARROWS[k] ?? k).join('/');
}

/** The binding a custom command adds to the views it applies to (on its key; its `:` name runs it too). */
export function customBinding(command: CustomCommand): Binding {
  return {
    action: `custom:${command.name}`, keys: command.key ? [command.key] : [], label: command.key ?? `:${command.command}`,
    description: `${command.name} (custom command: ${command.run[0]}${command.output === 'background' ? ', in the background' : ''})`,
    short: command.name, hint: command.key !== undefined,
    run: ({ actions }) => actions.runCustomCommand(command.name),
  };
}

function remapped(b: Binding, scopes: (Record<string, string[]> | undefined)[]): Binding {
  const name = actionName(b);
  const keys = scopes.find((s) => s?.[name] !== undefined)?.[name];
  return keys ? { ...b, keys, label: keysLabel(keys) } : b;
}

/** A view's key tables with the config applied: its own keys and its custom commands, then the global ones. */
export interface ConfiguredTables {
  own: KeyTable;
  global: KeyTable;
}

const cache = new WeakMap<ConfigState, Map<ViewName, ConfiguredTables>>();

/**
 * The view's own table (with the custom commands that apply to it) and the global table, each binding on the keys
 * the config gives its action in this view, else in `global`, else its own. The same config gives the same tables.
 */
export function configuredTables(view: ViewName, config: ConfigState | undefined): ConfiguredTables {
  const spec = viewSpec(view);
  if (!config) return { own: { title: spec.title, bindings: spec.keys }, global: GLOBAL_KEYS };
  let byView = cache.get(config);
  if (!byView) cache.set(config, (byView = new Map()));
  const hit = byView.get(view);
  if (hit) return hit;
  const scopes = [config.keys[view], config.keys.global];
  const custom = config.commands.filter((c) => c.views.length === 0 || c.views.includes(view)).map(customBinding);
  const tables = {
    own: { title: spec.title, bindings: [...custom, ...spec.keys.map((b) => remapped(b, scopes))] },
    global: { ...GLOBAL_KEYS, bindings: GLOBAL_KEYS.bindings.map((b) => remapped(b, scopes)) },
  };
  byView.set(view, tables);
  return tables;
}

const helpCache = new WeakMap<ConfigState, KeyTable>();

/** The help's own keys, where the key the config gives `help` closes it too (as ? does). */
export function helpModeKeys(config: ConfigState | undefined, view: ViewName): KeyTable {
  const moved = config ? [...(config.keys[view]?.help ?? []), ...(config.keys.global?.help ?? [])] : [];
  if (!config || moved.length === 0) return HELP_KEYS;
  const hit = helpCache.get(config);
  if (hit && !moved.some((k) => !hit.bindings[0].keys.includes(k))) return hit;
  const [close, ...rest] = HELP_KEYS.bindings;
  const keys = [...new Set([...close.keys, ...moved])];
  const table = { ...HELP_KEYS, bindings: [{ ...close, keys, label: keysLabel(keys.filter((k) => k !== 'backspace')) }, ...rest] };
  helpCache.set(config, table);
  return table;
}
