import { dialogList, DIALOG_LIST_PAGE } from '../store/dialog.ts';
import type { AppState, Dialog, DialogKind } from '../store/state.ts';
import { pageRowsOf } from '../store/page-rows.ts';
import type { Binding, KeyContext, KeyTable } from './binding.ts';
import { YANK_KEYS } from './yank-keys.ts';

/** Shown in the help for modes where every other printable key is typed into the line; matched by no key. */
const TYPING: Binding = {
  keys: [], label: 'text', description: 'every other character is typed as is (+, @, a paste), nothing else happens', run: () => {},
};

/** A page of the open dialog's list (a dry run, a yes/no's calls): the lines it was last drawn with (none when it shows none). */
function dryRunPage(state: AppState): number {
  return state.confirm && dialogList(state.confirm) ? pageRowsOf(state, DIALOG_LIST_PAGE, 8) : 0;
}

function dropLast(text: string): string {
  return [...text].slice(0, -1).join('');
}

/** Line editing in the `/` search, the `f` filter and the `:` command line. */
export const PROMPT_KEYS: KeyTable = {
  title: 'Input line (/ search, f filter, : command)',
  bindings: [
    { keys: ['enter'], label: 'enter', description: 'run it (a search is checked before anything is sent)', run: ({ actions }) => actions.submitPrompt() },
    { keys: ['escape'], label: 'esc', description: 'close the line; nothing is run', run: ({ actions }) => actions.cancelPrompt() },
    { keys: ['backspace'], label: 'bksp', description: 'delete the last character', run: ({ state, actions }) => { if (state.prompt) actions.editPrompt({ text: dropLast(state.prompt.text) }); } },
    { keys: ['ctrl+u'], label: 'ctrl+u', description: 'clear the line', run: ({ actions }) => actions.editPrompt({ text: '' }) },
    { keys: ['tab'], label: 'tab', description: 'complete (:), next attribute (/)', run: ({ actions }) => actions.completePrompt() },
    { keys: ['up'], label: '↑', description: 'the line run before (history of this pool)', run: ({ actions }) => actions.recallPrompt(-1) },
    { keys: ['down'], label: '↓', description: 'the line run after, then back to what you typed', run: ({ actions }) => actions.recallPrompt(1) },
    { keys: ['space'], label: 'space', description: 'a space', run: ({ state, actions }) => { if (state.prompt) actions.editPrompt({ text: `${state.prompt.text} ` }); } },
    TYPING,
  ],
};

/** The keys that scroll a text taller than its rows (the help, a detail view): a line or a screen at a time. */
export function scrollBindings(scroll: (ctx: KeyContext, delta: number) => void, page: 'help' | 'detail', hint = false): Binding[] {
  return [
    { keys: ['down', 'j'], label: 'j/↓', description: 'scroll down', hint, run: (c) => scroll(c, 1) },
    { keys: ['up', 'k'], label: 'k/↑', description: 'scroll up', run: (c) => scroll(c, -1) },
    { keys: ['pagedown', 'space', 'ctrl+f', 'ctrl+d'], label: 'PgDn', description: 'page down', run: (c) => scroll(c, pageRowsOf(c.state, page)) },
    { keys: ['pageup', 'ctrl+b', 'ctrl+u'], label: 'PgUp', description: 'page up', run: (c) => scroll(c, -pageRowsOf(c.state, page)) },
  ];
}

/** Keys while the help is open; every other key is ignored. */
export const HELP_KEYS: KeyTable = {
  title: 'Help (this screen)',
  bindings: [
    { keys: ['escape', '?', 'q', 'backspace'], label: 'esc/?/q', description: 'close the help, back where you were', run: ({ actions }) => actions.toggleHelp() },
    ...scrollBindings((c, delta) => c.actions.scrollHelp(delta), 'help'),
  ],
};

const YES_NO: KeyTable = {
  title: 'Confirmation (y/n)',
  bindings: [
    { keys: ['y'], label: 'y', description: 'yes: send it', short: 'send', run: ({ actions }) => actions.confirmYes() },
    { keys: ['n', 'N', 'escape'], label: 'n/esc', description: 'no: cancel, nothing is sent (every other key, enter too, is ignored)', short: 'cancel', run: ({ actions }) => actions.confirmNo() },
  ],
};

/** A yes/no that lists its calls under the detail: its keys, and those that scroll the list. */
const YES_NO_LIST: KeyTable = {
  title: 'Confirmation with its list of calls (y/n)',
  bindings: [
    ...YES_NO.bindings,
    { keys: ['down', 'j'], label: 'j/↓', description: 'scroll down (the list, a line)', short: 'scroll', run: ({ actions }) => actions.moveDialogStep(1) },
    { keys: ['up', 'k'], label: 'k/↑', description: 'scroll up (the list, a line)', run: ({ actions }) => actions.moveDialogStep(-1) },
    { keys: ['pagedown', 'ctrl+f', 'ctrl+d'], label: 'PgDn', description: 'page down (the list)', run: ({ state, actions }) => actions.moveDialogStep(dryRunPage(state)) },
    { keys: ['pageup', 'ctrl+b', 'ctrl+u'], label: 'PgUp', description: 'page up (the list)', run: ({ state, actions }) => actions.moveDialogStep(-dryRunPage(state)) },
  ],
};

const TYPED: KeyTable = {
  title: 'Typed confirmation (irreversible writes)',
  bindings: [
    { keys: ['enter'], label: 'enter', description: 'send, only when the text typed is exactly the name shown', short: 'send when it matches', run: ({ actions }) => actions.confirmYes() },
    { keys: ['escape'], label: 'esc', description: 'cancel, nothing is sent', short: 'cancel', run: ({ actions }) => actions.confirmNo() },
    {
      keys: ['backspace'], label: 'bksp', description: 'delete the last character',
      run: ({ state, actions }) => { if (state.confirm?.kind === 'typed') actions.editDialog(dropLast(state.confirm.text)); },
    },
    { keys: ['ctrl+u'], label: 'ctrl+u', description: 'clear what was typed', run: ({ actions }) => actions.editDialog('') },
    {
      keys: ['space'], label: 'space', description: 'a space',
      run: ({ state, actions }) => { if (state.confirm?.kind === 'typed') actions.editDialog(`${state.confirm.text} `); },
    },
    TYPING,
  ],
};

const CHECKLIST: KeyTable = {
  title: 'Checklist (several steps)',
  bindings: [
    { keys: ['down', 'j'], label: 'j/↓', description: 'next step (in the dry run: scroll down a line)', short: 'move', run: ({ actions }) => actions.moveDialogStep(1) },
    { keys: ['up', 'k'], label: 'k/↑', description: 'previous step (in the dry run: scroll up a line)', run: ({ actions }) => actions.moveDialogStep(-1) },
    { keys: ['pagedown', 'ctrl+f', 'ctrl+d'], label: 'PgDn', description: 'page down (the dry run)', run: ({ state, actions }) => actions.moveDialogStep(dryRunPage(state)) },
    { keys: ['pageup', 'ctrl+b', 'ctrl+u'], label: 'PgUp', description: 'page up (the dry run)', run: ({ state, actions }) => actions.moveDialogStep(-dryRunPage(state)) },
    { keys: ['space'], label: 'space', description: 'check / uncheck the step', short: 'check', run: ({ actions }) => actions.toggleDialogStep() },
    { keys: ['d'], label: 'd', description: 'dry run: show the calls the checked steps would send (sends nothing)', short: 'dry run', run: ({ actions }) => actions.toggleDryRun() },
    { keys: ['y'], label: 'y', description: 'run the checked steps', short: 'run', run: ({ actions }) => actions.confirmYes() },
    { keys: ['escape'], label: 'esc', description: 'cancel, nothing is sent', short: 'cancel', run: ({ actions }) => actions.confirmNo() },
  ],
};

/** Each kind of dialog's keys; while a dialog is open no other key acts (ctrl+c still quits). */
export const DIALOG_KEYS: Record<DialogKind, KeyTable> = { 'yes-no': YES_NO, typed: TYPED, checklist: CHECKLIST };

const withYesLabel = new WeakMap<Dialog, KeyTable>();

/**
 * The keys of an open dialog: its kind's table, with `y` named by the dialog's own verb when it has one (a yes/no that
 * switches region or starts a sweep sends nothing). The same table object for the same dialog, so selectors stay stable.
 */
export function dialogTable(dialog: Dialog): KeyTable {
  if (dialog.kind === 'typed' || dialog.kind === 'checklist') return DIALOG_KEYS[dialog.kind];
  const table = dialog.lines?.length ? YES_NO_LIST : YES_NO;
  if (!dialog.yesLabel) return table;
  const cached = withYesLabel.get(dialog);
  if (cached) return cached;
  const yesLabel = dialog.yesLabel;
  const labelled: KeyTable = {
    ...table,
    bindings: table.bindings.map((b) => (b.keys.includes('y') ? { ...b, short: yesLabel, description: `yes: ${yesLabel}` } : b)),
  };
  withYesLabel.set(dialog, labelled);
  return labelled;
}

/** The key line a dialog shows: its bindings that have a short description. */
export function dialogKeyLine(dialog: Dialog): string {
  return dialogTable(dialog).bindings.filter((b) => b.short).map((b) => `${b.label} ${b.short}`).join(' · ');
}

/** The modes whose keys the help lists after the current view's, in order. */
export const MODE_TABLES: KeyTable[] = [PROMPT_KEYS, YES_NO, TYPED, CHECKLIST, YANK_KEYS, HELP_KEYS];
