import { COMMANDS, commandUsage } from '../command/command-table.ts';
import { pageRowsOf } from '../store/page-rows.ts';
import { listKey } from '../store/routes.ts';
import type { Binding, KeyContext, KeyTable } from './binding.ts';
import { SORT_KEYS } from './sort-keys.ts';

/** Keys that work in every view. */
export const GLOBAL_KEYS: KeyTable = {
  title: 'Global',
  bindings: [
    { keys: ['escape', 'backspace'], label: 'esc', description: 'back (first stops a G still loading)', hint: true, run: ({ actions }) => { if (!actions.stopLoading()) actions.back(); } },
    { keys: ['r'], label: 'r', description: 'refresh the list (reads only; never re-sends a write)', short: 'refresh', hint: true, run: ({ actions }) => actions.refresh() },
    { keys: ['R'], label: 'R', description: 'send the write that failed again (asks first)', short: 'retry the write', hintWhen: (s) => s.failedWrite !== undefined, run: ({ actions }) => actions.retryFailedWrite() },
    { keys: [':'], label: ':', description: `command line: ${COMMANDS.map(commandUsage).join(' ')}`, short: 'command', hint: true, run: ({ actions }) => actions.openPrompt('command') },
    { action: 'copy', keys: ['C'], label: 'C', description: 'copy the selected row as JSON (OSC 52, else tmux\'s buffer)', run: ({ actions }) => actions.copySelected() },
    { action: 'yank-field', keys: ['Y'], label: 'Y', description: 'copy one field of the selection: Y then u username, e email, s sub, i event id, a IP address', run: ({ actions }) => actions.openYank() },
    { keys: ['?'], label: '?', description: 'help', hint: true, run: ({ actions }) => actions.toggleHelp() },
    { keys: ['q', 'ctrl+c'], label: 'q', description: 'quit', hint: true, run: ({ actions }) => actions.quit() },
  ],
};

function move(delta: (ctx: KeyContext) => number) {
  return (ctx: KeyContext) => {
    if (ctx.list) ctx.actions.moveCursor(ctx.list, delta(ctx));
  };
}

/** Cursor keys shared by every list view. */
export const LIST_KEYS: Binding[] = [
  { keys: ['down', 'j'], label: 'j/↓', description: 'down', hint: true, run: move(() => 1) },
  { keys: ['up', 'k'], label: 'k/↑', description: 'up', run: move(() => -1) },
  { keys: ['pagedown', 'ctrl+f', 'ctrl+d'], label: 'PgDn', description: 'page down', run: move((c) => pageRowsOf(c.state, listKey(c.list!))) },
  { keys: ['pageup', 'ctrl+b', 'ctrl+u'], label: 'PgUp', description: 'page up', run: move((c) => -pageRowsOf(c.state, listKey(c.list!))) },
  { keys: ['g', 'home'], label: 'g', description: 'first row', run: (c) => { if (c.list) c.actions.cursorTo(c.list, 0); } },
  { keys: ['G', 'end'], label: 'G', description: 'last row: keeps loading to the end (50,000 rows a time; esc stops)', run: (c) => { if (c.list) c.actions.loadToEnd(c.list); } },
  ...SORT_KEYS,
];
