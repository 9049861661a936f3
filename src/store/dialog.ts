import type { ChecklistDialog, ChecklistStep, Dialog, DialogKind, DialogText, AppState, TypedDialog, YesNoDialog } from './state.ts';

/** The kind of a dialog; a confirmation without one is a yes/no. */
export function dialogKind(dialog: Dialog): DialogKind {
  return dialog.kind ?? 'yes-no';
}

/** A dialog's text as shown now. */
export function dialogText(text: DialogText | undefined, state: AppState): string {
  return typeof text === 'function' ? text(state) : text ?? '';
}

/** A typed dialog asking for `expected` to be typed before `onConfirm` runs. */
export function typedDialog(spec: Omit<TypedDialog, 'kind' | 'text' | 'mismatch'>): TypedDialog {
  return { kind: 'typed', text: '', ...spec };
}

/** A checklist dialog with its cursor on the first step and the dry run hidden. */
export function checklistDialog(spec: Omit<ChecklistDialog, 'kind' | 'cursor' | 'dryRun'>): ChecklistDialog {
  return { kind: 'checklist', cursor: 0, dryRun: false, ...spec };
}

/** True when a typed dialog's text is exactly what it asks for. */
export function typedMatches(dialog: TypedDialog): boolean {
  return dialog.text === dialog.expected;
}

/** The typed dialog with its text replaced (at most a few characters longer than what it asks for). */
export function editTyped(dialog: TypedDialog, text: string): TypedDialog {
  const max = [...dialog.expected].length + 8;
  const chars = [...text];
  return { ...dialog, text: chars.length > max ? chars.slice(0, max).join('') : text, mismatch: false };
}

/** Enter on a typed dialog: submits when the text matches, else marks the mismatch and keeps it open. */
export function submitTyped(dialog: TypedDialog): { submit: true } | { submit: false; dialog: TypedDialog } {
  return typedMatches(dialog) ? { submit: true } : { submit: false, dialog: { ...dialog, mismatch: true } };
}

/** The checklist with its cursor moved by `delta`, kept on a step. */
export function moveStep(dialog: ChecklistDialog, delta: number): ChecklistDialog {
  const last = dialog.steps.length - 1;
  const cursor = Math.max(0, Math.min(last, dialog.cursor + Math.trunc(delta)));
  return cursor === dialog.cursor ? dialog : { ...dialog, cursor };
}

/** The checklist with the step under the cursor checked or unchecked. */
export function toggleStep(dialog: ChecklistDialog): ChecklistDialog {
  const steps = dialog.steps.map((s, i) => (i === dialog.cursor ? { ...s, checked: !s.checked } : s));
  return { ...dialog, steps };
}

/** The checklist with its dry run shown or hidden. */
export function toggleDry(dialog: ChecklistDialog): ChecklistDialog {
  return { ...dialog, dryRun: !dialog.dryRun, scroll: 0 };
}

/** The page-rows key a dialog's list (dry run, calls) is drawn with (PgDn's page). */
export const DIALOG_LIST_PAGE = 'dry-run';

/** The dry run's lines: each call the checked steps would send, or why there are none. */
export function dryRunText(dialog: ChecklistDialog): string[] {
  const calls = dialog.describe(checkedSteps(dialog));
  return calls.length ? calls : ['nothing is checked: nothing would be sent'];
}

/** The scrolled list a dialog shows now: a checklist's dry run, a yes/no's calls; none otherwise. */
export function dialogList(dialog: Dialog): string[] | undefined {
  if (dialog.kind === 'checklist') return dialog.dryRun ? dryRunText(dialog) : undefined;
  if (dialog.kind === 'typed') return undefined;
  return dialog.lines && dialog.lines.length > 0 ? dialog.lines : undefined;
}

/** How many lines of its list (dry run, calls) the dialog shows at once (its rows less borders, title, detail, heading and key line). */
export function dialogListRoom(dialog: Dialog, hasDetail: boolean, lineCount?: (text: string) => number): number {
  return Math.max(1, dialogRows(dialog, undefined, lineCount) - 5 - (hasDetail ? 1 : 0));
}

/** The dialog with its list (a dry run, a yes/no's calls) scrolled by `delta` lines, never above its first (the view keeps it above its last). */
export function scrollDialogList<D extends ChecklistDialog | YesNoDialog>(dialog: D, delta: number): D {
  const scroll = Math.max(0, (dialog.scroll ?? 0) + Math.trunc(delta));
  return scroll === dialog.scroll ? dialog : { ...dialog, scroll };
}

/** The steps a checklist would run now. */
export function checkedSteps(dialog: ChecklistDialog): ChecklistStep[] {
  return dialog.steps.filter((s) => s.checked);
}

/**
 * Rows the dialog box takes on screen (borders included), capped so that the view keeps some rows; `lineCount` says
 * how many screen lines one dry-run line takes once wrapped (one when not given).
 */
export function dialogRows(dialog: Dialog | undefined, maxRows = 14, lineCount: (text: string) => number = () => 1): number {
  if (!dialog) return 0;
  switch (dialogKind(dialog)) {
    case 'yes-no': {
      const lines = dialogList(dialog);
      return lines ? Math.min(maxRows, 6 + lines.reduce((n, line) => n + lineCount(line), 0)) : 5;
    }
    case 'typed': return 6;
    case 'checklist': {
      const d = dialog as ChecklistDialog;
      const body = d.dryRun ? 1 + dryRunText(d).reduce((n, line) => n + lineCount(line), 0) : d.steps.length;
      return Math.min(maxRows, 5 + body);
    }
  }
}
