import type { AppActions, AppState } from '../store/state.ts';
import type { ListRef, Route } from '../store/routes.ts';

/** What a key's action sees: the key pressed, the state at the keypress, the actions, the current route and its list. */
export interface KeyContext {
  /** The key name that was pressed (one binding may take several keys, e.g. n and N). */
  key: string;
  /** What the terminal sent for it (the character itself for a printable key). */
  input: string;
  state: AppState;
  actions: AppActions;
  route: Route;
  list?: ListRef;
}

/**
 * One key binding. The same record drives the handler, the footer hint and the `?` help, so they cannot
 * disagree.
 */
export interface Binding {
  /** Its name in the config's key remaps, where the one made from its words (actionName) would be long. */
  action?: string;
  /** Key names as keyName() spells them. */
  keys: string[];
  /** How the key is written in the footer and the help, e.g. 'j/↓'. */
  label: string;
  /** What it does, in a few words. */
  description: string;
  /** Shown in the footer (help always shows every binding). */
  hint?: boolean;
  /** Shown in the footer, first, while this holds (a key that matters only now, e.g. R after a failed write). */
  hintWhen?: (state: AppState) => boolean;
  /** A shorter description for the footer. */
  short?: string;
  /** Why the binding cannot run now, if it cannot (e.g. read-only mode). */
  disabled?: (ctx: KeyContext) => string | undefined;
  run: (ctx: KeyContext) => void;
}

/** A named group of bindings, as the help shows it. */
export interface KeyTable {
  title: string;
  bindings: Binding[];
}

/** Finds the binding for a key name in tables searched in order. */
export function findBinding(tables: KeyTable[], name: string): Binding | undefined {
  for (const table of tables) {
    const hit = table.bindings.find((b) => b.keys.includes(name));
    if (hit) return hit;
  }
  return undefined;
}
