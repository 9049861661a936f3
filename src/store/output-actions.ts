import { copyToClipboard, rowAsJson } from '../export/clipboard.ts';
import { writeEventsExport } from '../export/events-file.ts';
import type { TmuxRunner } from '../export/tmux.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import { selectedItem } from './paged-list.ts';
import { viewSpec } from '../views/registry.ts';
import { canonicalUsername, currentListRef } from './selectors.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** Where copies and exports go: the terminal (for OSC 52) and a directory. */
export interface OutputDeps {
  /** Writes raw bytes to the user's terminal; absent in tests that do not look. */
  writeToTerminal?: (bytes: string) => void;
  env?: Record<string, string | undefined>;
  exportDir?: string;
  /** Runs tmux for a copy inside tmux without passthrough; the tmux on PATH unless given. */
  tmux?: TmuxRunner;
}

/** The row the copy keys act on: the view's own value (the user or event on screen), else the selected row of its list. */
export function selectedRow(kit: StoreKit): unknown {
  const state = kit.get();
  const route = kit.top();
  const spec = viewSpec(route);
  if (spec.copyValue) return spec.copyValue(route, state);
  const ref = currentListRef(state);
  return ref ? selectedItem(displayedList(state, ref) ?? kit.list(ref)) : undefined;
}

/** Getting data out: copy a row as JSON through OSC 52, export a user's loaded events to a file. */
export function createOutputActions(kit: StoreKit, deps: OutputDeps): Pick<AppActions, 'copySelected' | 'exportEvents'> {
  const { get, top, list, flash, now } = kit;
  const selectedValue = () => selectedRow(kit);

  return {
    copySelected() {
      const value = selectedValue();
      if (value === undefined) return flash('warn', 'Nothing selected to copy.');
      const partial = (value as { partial?: boolean }).partial === true;
      if (partial && viewSpec(top()).copyValue) return flash('warn', 'Still reading the whole user row: press C again in a moment.');
      if (!deps.writeToTerminal) return flash('warn', 'No terminal to copy through.');
      const result = copyToClipboard(rowAsJson(value), { write: deps.writeToTerminal, env: deps.env ?? process.env });
      if (!result.ok) return flash('error', result.error);
      const how = result.via === 'tmux' ? ' (through tmux: needs `set -g allow-passthrough on`)' : '';
      const scope = partial ? ' (the list row: open the user to copy every attribute)' : '';
      flash('info', `${result.message}${scope}${how} Terminals without OSC 52 support ignore it.`);
    },
    exportEvents(format) {
      const route = top();
      if (!('username' in route)) return flash('warn', 'Open a user first: e exports their loaded events.');
      const events = list<AuthEvent>({ kind: 'events', poolId: route.poolId, username: route.username });
      if (events.items.length === 0) return flash('warn', 'No events loaded yet: open the events (enter) first.');
      const dir = deps.exportDir ?? process.cwd();
      const count = events.items.length;
      const username = canonicalUsername(get(), route.poolId, route.username);
      writeEventsExport({ dir, poolId: route.poolId, username, events: events.items, format, now: now() }).then(
        (path) => flash('info', `Exported ${count} events to ${path}${events.complete ? '' : ' (older ones are still on the server)'}`),
        (error) => flash('error', error instanceof Error ? error.message : String(error)),
      );
    },
  };
}
