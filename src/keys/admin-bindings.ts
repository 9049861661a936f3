import type { Binding, KeyContext } from './binding.ts';
import { readOnlyReason } from './shared-bindings.ts';

function paneReason(pane: 'groups' | 'devices') {
  return (ctx: KeyContext) => readOnlyReason(ctx)
    ?? (ctx.state.userPane !== pane ? `acts on the ${pane === 'groups' ? 'group' : 'device'} under the cursor: tab to the ${pane} pane first` : undefined);
}

/** p: reset the user's password. */
export const RESET_PASSWORD: Binding = {
  keys: ['p'], label: 'p', description: 'reset the password (AdminResetUserPassword: RESET_REQUIRED, a code is sent); asks first', short: 'reset password', hint: true,
  disabled: readOnlyReason, run: ({ actions }) => actions.askAdminWrite({ kind: 'reset-password' }),
};
/** m: add the user to a group, typed on the command line (Tab completes the loaded groups). */
export const ADD_TO_GROUP: Binding = {
  keys: ['m'], label: 'm', description: 'add to a group: opens :add-to-group (Tab completes loaded groups); asks first', short: 'add to group', hint: true,
  disabled: readOnlyReason, run: ({ actions }) => actions.askAdminWrite({ kind: 'add-to-group' }),
};
/** x: remove the user from the group under the cursor. */
export const REMOVE_FROM_GROUP: Binding = {
  keys: ['x'], label: 'x', description: 'remove from the group under the cursor (groups pane); asks first', short: 'remove from group', hint: true,
  disabled: paneReason('groups'), run: ({ actions }) => actions.askAdminWrite({ kind: 'remove-from-group' }),
};
/** w: forget the device under the cursor. */
export const FORGET_DEVICE: Binding = {
  keys: ['w'], label: 'w', description: 'forget the remembered device under the cursor (devices pane); :forget-devices forgets all; asks first', short: 'forget device', hint: true,
  disabled: paneReason('devices'), run: ({ actions }) => actions.askAdminWrite({ kind: 'forget-device' }),
};
/** u: confirm an UNCONFIRMED user's sign-up. */
export const CONFIRM_SIGNUP: Binding = {
  action: 'confirm-signup', keys: ['u'], label: 'u', description: 'confirm the sign-up of an UNCONFIRMED user (AdminConfirmSignUp); asks first',
  disabled: readOnlyReason, run: ({ actions }) => actions.askAdminWrite({ kind: 'confirm-signup' }),
};
/** X: delete the user, after the username is typed. */
export const DELETE_USER: Binding = {
  action: 'delete-user', keys: ['X'], label: 'X', description: 'delete the user (AdminDeleteUser; irreversible: type the username to confirm)',
  disabled: readOnlyReason, run: ({ actions }) => actions.askAdminWrite({ kind: 'delete-user' }),
};

/** The administrator's keys of the user view. */
export const USER_ADMIN_KEYS: Binding[] = [RESET_PASSWORD, ADD_TO_GROUP, REMOVE_FROM_GROUP, FORGET_DEVICE, CONFIRM_SIGNUP, DELETE_USER];
/** The administrator's keys of the events and event views (the user on screen, no pane there). */
export const EVENTS_ADMIN_KEYS: Binding[] = [{ ...RESET_PASSWORD, hint: false }, CONFIRM_SIGNUP, DELETE_USER];
