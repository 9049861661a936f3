import { formatBytes, rowAsJson } from '../export/clipboard.ts';
import { sendToClipboard } from '../export/clipboard-route.ts';
import { writeEventsExport } from '../export/events-file.ts';
import { runTmux, type TmuxRunner } from '../export/tmux.ts';
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

/** Getting data out: copy a row as JSON (OSC 52, else tmux's buffer), export a user's loaded events to a file. */
export function createOutputActions(kit: StoreKit, deps: OutputDeps): Pick<AppActions, 'copySelected' | 'exportEvents'> {
  const { get, top, list, flash, now } = kit;
  const selectedValue = () => selectedRow(kit);

  return {
    copySelected() {
      const value = selectedValue();
      if (value === undefined) return flash('warn', 'Nothing selected to copy.');
      const partial = (value as { partial?: boolean }).partial === true;
      if (partial && viewSpec(top()).copyValue) return flash('warn', 'Still reading the whole user row: press C again in a moment.');
      const json = rowAsJson(value);
      const size = formatBytes(Buffer.byteLength(json, 'utf8'));
      const byHand = 'Select the values on screen by hand, or press Y for one field to select.';
      const route = { write: deps.writeToTerminal, env: deps.env ?? process.env, tmux: deps.tmux ?? runTmux };
      const outcome = sendToClipboard(partial ? 'The list row as JSON' : 'The row as JSON', json, route, { shown: `(${size})`, byHand });
      if (outcome.way === 'by-hand') return flash('warn', outcome.message);
      flash('info', partial ? `${outcome.message}. Open the user to copy every attribute.` : outcome.message);
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
