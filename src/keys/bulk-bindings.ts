import { marksOf } from '../store/mark-actions.ts';
import { currentListRef } from '../store/selectors.ts';
import type { AppState } from '../store/state.ts';
import type { BulkUserWrite } from '../writes/bulk-user-specs.ts';
import type { Binding } from './binding.ts';
import { hasAnyMark } from './mark-count.ts';
import { readOnlyReason } from './shared-bindings.ts';

/** True while the list on screen has marked rows: the bulk keys lead the footer then. */
function hasMarks(state: AppState): boolean {
  const ref = currentListRef(state);
  return ref !== undefined && hasAnyMark(marksOf(state, ref));
}

function bulkKey(key: string, write: Exclude<BulkUserWrite, object>, description: string, short: string): Binding {
  return {
    keys: [key], label: key, description: `${description} the marked users (else the one under the cursor); asks first`, short,
    hintWhen: hasMarks, disabled: readOnlyReason,
    run: ({ list, actions }) => { if (list) actions.askBulkUserWrite(list, write); },
  };
}

/**
 * Marks and bulk writes on a list of users (users, sweep findings, a group's members): include these in the view's
 * keys. Its esc should clear the marks first (actions.clearMarks()).
 */
export const BULK_USER_KEYS: Binding[] = [
  { keys: ['space'], label: 'space', description: 'mark / unmark the user (d, S, p, m then act on every marked one)', short: 'mark', hint: true, run: ({ actions }) => actions.toggleMark() },
  { action: 'mark-all', keys: ['*'], label: '*', description: 'mark / unmark every user shown', run: ({ actions }) => actions.markAllShown() },
  bulkKey('d', 'disable', 'disable', 'disable'),
  bulkKey('S', 'sign-out', 'sign out everywhere (revoke refresh tokens)', 'sign out'),
  bulkKey('p', 'reset-password', 'reset the password of', 'reset password'),
  {
    keys: ['m'], label: 'm', description: 'add the marked users (else the one under the cursor) to a group: tab completes the groups seen; asks first',
    short: 'add to group', hintWhen: hasMarks, disabled: readOnlyReason, run: ({ actions }) => actions.openPrompt('group'),
  },
];
