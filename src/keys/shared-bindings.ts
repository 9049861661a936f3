import type { FeedbackValue } from '../gateway/types.ts';
import { selectedItem } from '../store/paged-list.ts';
import { listKey } from '../store/routes.ts';
import type { Binding, KeyContext } from './binding.ts';
import { scrollBindings } from './mode-keys.ts';

/** Why a write key is off: read-only mode. */
export const readOnlyReason = ({ state }: KeyContext) =>
  state.readOnly ? (state.config.modeNote ?? 'read-only mode (--read-only): writes are disabled') : undefined;

function feedbackKey(keys: string[], value: FeedbackValue, meaning: string): Binding {
  return {
    keys, label: keys[0], description: `mark ${value} (${meaning})`, short: value, hint: true,
    disabled: readOnlyReason, run: ({ actions }) => actions.askFeedback(value),
  };
}

function selectedPoolId(ctx: KeyContext): string | undefined {
  if ('poolId' in ctx.route) return ctx.route.poolId;
  const pools = ctx.list ? ctx.state.lists[listKey(ctx.list)] : undefined;
  return (selectedItem(pools) as { id?: string } | undefined)?.id;
}

/** c: the risk configuration of the pool on screen or under the cursor. */
export const RISK_CONFIG: Binding = {
  keys: ['c'], label: 'c', description: 'risk configuration of the pool', short: 'risk config', hint: true,
  run: (ctx) => { const id = selectedPoolId(ctx); if (id) ctx.actions.openRisk(id); },
};

export const DISABLE: Binding = {
  keys: ['d'], label: 'd', description: 'disable the user (enable when disabled); asks first', short: 'disable/enable', hint: true,
  disabled: readOnlyReason, run: ({ actions }) => actions.askUserWrite('toggle'),
};
export const SIGN_OUT: Binding = {
  action: 'sign-out', keys: ['S'], label: 'S', description: 'sign the user out everywhere (revoke refresh tokens); asks first',
  disabled: readOnlyReason, run: ({ actions }) => actions.askUserWrite('sign-out'),
};

export const EXPORT_JSON: Binding = {
  keys: ['e'], label: 'e', description: 'export the user\'s loaded events to a JSON file', short: 'export', hint: true,
  run: ({ actions }) => actions.exportEvents('json'),
};
export const EXPORT_CSV: Binding = {
  action: 'export-csv', keys: ['E'], label: 'E', description: 'export the user\'s loaded events to a CSV file',
  run: ({ actions }) => actions.exportEvents('csv'),
};
export const SWEEP: Binding = {
  keys: ['s'], label: 's', description: 'sweep the pool (or the users matching the search) for risky events; asks first', short: 'sweep', hint: true,
  run: ({ actions }) => actions.askSweep(),
};

/** Scrolling a detail view whose lines are more than its rows (attributes, event). */
export const SCROLL_KEYS: Binding[] = [
  ...scrollBindings((c, delta) => c.actions.scrollDetail(delta), 'detail', true),
  { keys: ['g', 'home'], label: 'g', description: 'top', run: (c) => c.actions.scrollDetail(-c.state.detailScroll) },
  { keys: ['G', 'end'], label: 'G', description: 'bottom', run: ({ actions }) => actions.scrollDetail(Number.MAX_SAFE_INTEGER / 2) },
];

/** v: tag the selected or marked events Valid. */
export const VALID = feedbackKey(['v'], 'Valid', 'trust this session');
/** i: tag them Invalid. */
export const INVALID = feedbackKey(['i'], 'Invalid', 'not the user');

/** Enter (or l, →) with what it opens in this view. */
export function openKey(description: string, short: string): Binding {
  return { keys: ['enter', 'right', 'l'], label: 'enter', description, short, hint: true, run: ({ actions }) => actions.openSelected() };
}

/** t: the settings of the pool on screen (DescribeUserPool). */
export const POOL_SETTINGS: Binding = {
  keys: ['t'], label: 't', description: 'settings of the pool (sign-in, MFA, password policy, triggers…)', short: 'settings',
  run: (ctx) => { if ('poolId' in ctx.route) ctx.actions.push({ view: 'settings', poolId: ctx.route.poolId }); },
};
