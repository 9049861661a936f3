import type { AppStore } from '../store/app-store.ts';
import type { ViewName } from '../store/routes.ts';
import { currentListRef, currentRoute } from '../store/selectors.ts';
import type { AppState } from '../store/state.ts';
import { findBinding, type Binding, type KeyContext, type KeyTable } from './binding.ts';
import { isPrintable, keyName, splitKeys, type InkKey } from './key-name.ts';
import type { ConfigState } from '../config/config-types.ts';
import { configuredTables, helpModeKeys } from './remap.ts';
import { MODE_TABLES, PROMPT_KEYS, dialogTable } from './mode-keys.ts';
import { yankTable } from './yank-keys.ts';

/** A view's own keys, as its spec declares them (with the config's remaps and custom commands when given). */
export function viewKeyTable(view: ViewName, config?: ConfigState): KeyTable {
  return configuredTables(view, config).own;
}

/** The key tables in force for a view: its own, then the global ones, on the keys the config gives them. */
export function tablesFor(view: ViewName, config?: ConfigState): KeyTable[] {
  const { own, global } = configuredTables(view, config);
  return [own, global];
}

/**
 * What the help lists for a view: the view's keys, the global keys the view does not take over (so each key is
 * listed once), then the keys of every mode (input line, each kind of dialog, the help itself).
 */
export function helpTables(view: ViewName, config?: ConfigState): KeyTable[] {
  const [own, all] = tablesFor(view, config);
  const taken = new Set(own.bindings.flatMap((b) => b.keys));
  const global = { ...all, bindings: all.bindings.filter((b) => !b.keys.every((k) => taken.has(k))) };
  return [own, global, ...MODE_TABLES];
}

/** What a binding's action and its disabled check see for the current state. */
function keyContext(state: AppState, key = '', input = ''): KeyContext {
  return { key, input, state, actions: state.actions, route: currentRoute(state), list: currentListRef(state) };
}

/** Why each binding of `tables` cannot run now ('' when it can), in order. */
function reasonsIn(state: AppState, tables: KeyTable[]): string[] {
  const ctx = keyContext(state);
  return tables.flatMap((t) => t.bindings.map((b: Binding) => b.disabled?.(ctx) ?? ''));
}

/** Why each binding of the current view cannot run now ('' when it can), in the order of tablesFor(view). */
export function disabledReasons(state: AppState): string[] {
  return reasonsIn(state, tablesFor(currentRoute(state).view, state.config));
}

/** Why each binding the help lists cannot run now ('' when it can), in the order of helpTables(view). */
export function helpDisabledReasons(state: AppState): string[] {
  return reasonsIn(state, helpTables(currentRoute(state).view, state.config));
}

/** True when a key is text typed as itself: its name is the character (`+` included), not a named key such as ctrl+u. */
function isTyped(name: string, input: string): boolean {
  return input !== '' && (name === input || ([...name].length === 1 && isPrintable(name)));
}

/** The key table of the mode that takes every key now (a dialog, an input line, the help), or undefined for the view. */
export function modeTable(state: AppState): KeyTable | undefined {
  if (state.confirm) return dialogTable(state.confirm);
  if (state.prompt) return PROMPT_KEYS;
  if (state.yank) return yankTable(state.yank);
  if (state.helpOpen) return helpModeKeys(state.config, currentRoute(state).view);
  return undefined;
}

/** The mode that takes keys now: a dialog, an input line, the help, or the view. */
function tablesInForce(state: AppState): KeyTable[] {
  const mode = modeTable(state);
  return mode ? [mode] : tablesFor(currentRoute(state).view, state.config);
}

/** Appends typed text to whatever takes text now (the input line or a typed dialog); false when nothing does. */
function typeText(state: AppState, typed: string): boolean {
  const text = [...typed].filter(isPrintable).join('');
  if (text === '') return false;
  if (state.confirm?.kind === 'typed') {
    state.actions.editDialog(state.confirm.text + text);
    return true;
  }
  if (!state.confirm && state.prompt) {
    state.actions.editPrompt({ text: state.prompt.text + text });
    return true;
  }
  return false;
}

/**
 * Routes one keypress to the mode in force: an open dialog takes only its own keys, an open input line its
 * editing keys and any typed character, the help its own keys; otherwise the view's table, then the global one.
 */
export function dispatchKey(store: AppStore, name: string, input = ''): void {
  const state = store.getState();
  if (name === 'ctrl+c') return state.actions.quit();
  const tables = tablesInForce(state);
  const binding = findBinding(tables, name);
  if (!binding) {
    if (isTyped(name, input)) typeText(state, input);
    return;
  }
  const ctx = keyContext(state, name, input);
  const reason = binding.disabled?.(ctx);
  if (reason) return state.actions.flash('warn', `${binding.label}: ${reason}`);
  binding.run(ctx);
}

/**
 * Routes what ink read from the terminal: one key, or a chunk of plain text that arrived at once (a paste, fast
 * typing, tmux send-keys). A chunk is taken a key at a time, except that a run of characters typed into a line
 * is added in one edit (a 50 KB paste is one change, not 50,000).
 */
export function dispatchInput(store: AppStore, input: string, key: InkKey): void {
  const name = keyName(input, key);
  if (name !== input || input.length <= 1) return dispatchKey(store, name, input);
  const keys = splitKeys(input);
  let i = 0;
  while (i < keys.length) {
    const state = store.getState();
    const takesText = state.confirm?.kind === 'typed' || (!state.confirm && state.prompt !== undefined);
    if (takesText && (isTyped(keys[i].name, keys[i].input) || keys[i].name === 'space')) {
      const run: string[] = [];
      while (i < keys.length && (isTyped(keys[i].name, keys[i].input) || keys[i].name === 'space')) run.push(keys[i++].input);
      typeText(state, run.join(''));
    } else {
      dispatchKey(store, keys[i].name, keys[i].input);
      i++;
    }
  }
}
