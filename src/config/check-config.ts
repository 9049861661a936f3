import { COMMANDS, findCommand } from '../command/command-table.ts';
import { TEMPLATE_NAMES, unknownTemplates } from '../custom/templates.ts';
import type { Binding } from '../keys/binding.ts';
import { GLOBAL_KEYS } from '../keys/global-keys.ts';
import { actionName, configuredTables } from '../keys/remap.ts';
import type { ViewName } from '../store/routes.ts';
import { VIEWS } from '../views/registry.ts';
import { ConfigError, configProblem, type ConfigState, type LoadedConfig } from './config-types.ts';

const VIEW_NAMES: string[] = VIEWS.map((v) => v.name);

function fail(loaded: LoadedConfig, path: (string | number)[], problem: string): never {
  throw new ConfigError(configProblem(loaded.file, loaded.lineOf, path, problem));
}

function names(bindings: readonly Binding[]): Set<string> {
  return new Set(bindings.map(actionName));
}

/** Remaps name a view (or global) and an action it has. */
function checkRemapNames(loaded: LoadedConfig, keys: ConfigState['keys']): void {
  const everywhere = new Set([...names(GLOBAL_KEYS.bindings), ...VIEWS.flatMap((v) => [...names(v.keys)])]);
  for (const [scope, actions] of Object.entries(keys)) {
    if (scope !== 'global' && !VIEW_NAMES.includes(scope)) fail(loaded, ['keys', scope], `no view called ${scope}; use global or one of ${VIEW_NAMES.join(', ')}`);
    const known = scope === 'global' ? everywhere : new Set([...names(configuredTables(scope as ViewName, undefined).own.bindings), ...names(GLOBAL_KEYS.bindings)]);
    for (const action of Object.keys(actions)) {
      if (!known.has(action)) fail(loaded, ['keys', scope, action], `no action "${action}" ${scope === 'global' ? 'in any view' : `in the ${scope} view`}; its actions: ${[...known].sort().join(', ')}`);
    }
  }
}

/** Where in the file a binding that the config moved or added comes from, if it did. */
function origin(b: Binding, view: string, config: ConfigState): (string | number)[] | undefined {
  const name = actionName(b);
  if (name.startsWith('custom:')) {
    const i = config.commands.findIndex((c) => `custom:${c.name}` === name);
    return ['commands', i, 'key'];
  }
  if (config.keys[view]?.[name]) return ['keys', view, name];
  if (config.keys.global?.[name]) return ['keys', 'global', name];
  return undefined;
}

/** No key is bound twice in a view because of the config (the app's own tables already let a view's key win over a global one). */
function checkBoundTwice(loaded: LoadedConfig, config: ConfigState): void {
  for (const view of VIEW_NAMES as ViewName[]) {
    const { own, global } = configuredTables(view, config);
    const all = [...own.bindings, ...global.bindings];
    const plain = configuredTables(view, undefined);
    const before = [...plain.own.bindings, ...plain.global.bindings];
    for (const b of all) {
      const from = origin(b, view, config);
      if (!from) continue;
      const had = new Set(before.find((o) => actionName(o) === actionName(b))?.keys ?? []);
      for (const key of b.keys.filter((k) => !had.has(k))) {
        const other = all.find((o) => o !== b && o.keys.includes(key) && actionName(o) !== actionName(b));
        if (other) fail(loaded, from, `${key} is bound twice in the ${view} view: also to ${actionName(other)}`);
      }
    }
  }
}

/** Custom commands name views that exist, templates the app fills, `:` names no command has. */
function checkCommands(loaded: LoadedConfig, config: ConfigState): void {
  config.commands.forEach((c, i) => {
    const badView = c.views.findIndex((v) => !VIEW_NAMES.includes(v));
    if (badView >= 0) fail(loaded, ['commands', i, 'views', badView], `no view called ${c.views[badView]}; use ${VIEW_NAMES.join(', ')}`);
    const unknown = unknownTemplates(c.run);
    if (unknown.length > 0) fail(loaded, ['commands', i, 'run'], `{{.${unknown[0]}}} is not a template; use ${TEMPLATE_NAMES.map((t) => `{{.${t}}}`).join(' ')}`);
    if (c.command && findCommand(c.command)) fail(loaded, ['commands', i, 'command'], `:${c.command} is a command of the app already`);
    if (c.command && config.aliases[c.command]) fail(loaded, ['commands', i, 'command'], `:${c.command} is an alias already`);
    const twin = config.commands.findIndex((o) => o.name === c.name);
    if (twin !== i) fail(loaded, ['commands', i, 'name'], `another command is called ${c.name} already`);
  });
}

/** Aliases are new names whose expansion starts with a command (the app's or a custom one). */
function checkAliases(loaded: LoadedConfig, config: ConfigState): void {
  for (const [alias, expansion] of Object.entries(config.aliases)) {
    if (findCommand(alias)) fail(loaded, ['aliases', alias], `:${alias} is a command of the app already`);
    const first = expansion.trim().replace(/^:/, '').split(/\s+/)[0];
    if (!findCommand(first) && !config.commands.some((c) => c.command === first)) {
      fail(loaded, ['aliases', alias], `"${first}" is not a command; use one of ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
  }
}

/**
 * What the schema cannot see, checked against the app's own key tables and commands: a remap to an action that does
 * not exist, a key bound twice, a custom command or alias that clashes or names what is not there. Throws ConfigError.
 */
export function checkConfig(loaded: LoadedConfig, config: ConfigState): void {
  checkRemapNames(loaded, config.keys);
  checkCommands(loaded, config);
  checkAliases(loaded, config);
  checkBoundTwice(loaded, config);
}
