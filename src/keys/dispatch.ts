import type { AppStore } from '../store/app-store.ts';
import type { ViewName } from '../store/routes.ts';
import { currentListRef, currentRoute } from '../store/selectors.ts';
import type { AppState } from '../store/state.ts';
import { findBinding, type Binding, type KeyContext, type KeyTable } from './binding.ts';
import { isPrintable, keyName, splitKeys, type InkKey } from './key-name.ts';
import { GLOBAL_KEYS } from './global-keys.ts';
import { VIEW_KEYS } from './view-keys.ts';

/** The key tables in force for a view: its own, then the global ones. */
export function tablesFor(view: ViewName): KeyTable[] {
  return [VIEW_KEYS[view], GLOBAL_KEYS];
}

/** What a binding's action and its disabled check see for the current state. */
function keyContext(state: AppState): KeyContext {
  return { state, actions: state.actions, route: currentRoute(state), list: currentListRef(state) };
}

/** Why each binding of the current view cannot run now ('' when it can), in the order of tablesFor(view). */
export function disabledReasons(state: AppState): string[] {
  const ctx = keyContext(state);
  return tablesFor(ctx.route.view).flatMap((t) => t.bindings.map((b: Binding) => b.disabled?.(ctx) ?? ''));
}

/**
 * Routes one keypress: an open confirmation takes y/n, an open search line takes text, the help closes, and
 * otherwise the current view's key table and then the global one decide.
 */
export function dispatchKey(store: AppStore, name: string, input = ''): void {
  const state = store.getState();
  const { actions } = state;

  if (name === 'ctrl+c') return actions.quit();

  if (state.confirm) {
    if (name === 'y' || name === 'Y' || name === 'enter') actions.confirmYes();
    else if (name === 'n' || name === 'N' || name === 'escape' || name === 'q') actions.confirmNo();
    return;
  }

  if (state.prompt) {
    const p = state.prompt;
    if (name === 'enter') actions.submitPrompt();
    else if (name === 'escape') actions.cancelPrompt();
    else if (name === 'backspace') actions.editPrompt({ text: [...p.text].slice(0, -1).join('') });
    else if (name === 'tab') actions.completePrompt();
    else if (name === 'ctrl+u') actions.editPrompt({ text: '' });
    else if (name === 'space') actions.editPrompt({ text: p.text + ' ' });
    else if (!name.includes('+') && input) {
      const text = [...input].filter(isPrintable).join('');
      if (text) actions.editPrompt({ text: p.text + text });
    }
    return;
  }

  if (state.helpOpen && (name === 'escape' || name === '?' || name === 'backspace')) return actions.toggleHelp();

  const ctx = keyContext(state);
  const binding = findBinding(tablesFor(ctx.route.view), name);
  if (!binding) return;
  const reason = binding.disabled?.(ctx);
  if (reason) return actions.flash('warn', `${binding.label}: ${reason}`);
  binding.run(ctx);
}

/**
 * Routes what ink read from the terminal: one key, or a chunk of plain text that arrived at once (a paste, fast
 * typing, tmux send-keys), which is dispatched a key at a time.
 */
export function dispatchInput(store: AppStore, input: string, key: InkKey): void {
  const name = keyName(input, key);
  if (name === input && input.length > 1) {
    for (const k of splitKeys(input)) dispatchKey(store, k.name, k.input);
  } else {
    dispatchKey(store, name, input);
  }
}
