import type { FeedbackValue } from '../gateway/types.ts';
import { selectedItem } from '../store/paged-list.ts';
import { listKey, type ViewName } from '../store/routes.ts';
import type { Binding, KeyContext, KeyTable } from './binding.ts';
import { LIST_KEYS } from './global-keys.ts';
import { scrollBindings } from './mode-keys.ts';

const readOnlyReason = ({ state }: KeyContext) =>
  state.readOnly ? 'read-only mode (--read-only): writes are disabled' : undefined;

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

const riskKey: Binding = {
  keys: ['c'], label: 'c', description: 'risk configuration of the pool', short: 'risk config', hint: true,
  run: (ctx) => { const id = selectedPoolId(ctx); if (id) ctx.actions.openRisk(id); },
};

const DISABLE: Binding = {
  keys: ['d'], label: 'd', description: 'disable the user (enable when disabled); asks first', short: 'disable/enable', hint: true,
  disabled: readOnlyReason, run: ({ actions }) => actions.askUserWrite('toggle'),
};
const SIGN_OUT: Binding = {
  keys: ['S'], label: 'S', description: 'sign the user out everywhere (revoke refresh tokens); asks first',
  disabled: readOnlyReason, run: ({ actions }) => actions.askUserWrite('sign-out'),
};

const EXPORT_JSON: Binding = {
  keys: ['e'], label: 'e', description: 'export the user\'s loaded events to a JSON file', short: 'export', hint: true,
  run: ({ actions }) => actions.exportEvents('json'),
};
const EXPORT_CSV: Binding = {
  keys: ['E'], label: 'E', description: 'export the user\'s loaded events to a CSV file',
  run: ({ actions }) => actions.exportEvents('csv'),
};
const SWEEP: Binding = {
  keys: ['s'], label: 's', description: 'sweep the pool (or the users matching the search) for risky events; asks first', short: 'sweep', hint: true,
  run: ({ actions }) => actions.askSweep(),
};

/** Scrolling a detail view whose lines are more than its rows (attributes, event). */
const SCROLL_KEYS: Binding[] = [
  ...scrollBindings((c, delta) => c.actions.scrollDetail(delta), true),
  { keys: ['g', 'home'], label: 'g', description: 'top', run: (c) => c.actions.scrollDetail(-c.state.detailScroll) },
  { keys: ['G', 'end'], label: 'G', description: 'bottom', run: ({ actions }) => actions.scrollDetail(Number.MAX_SAFE_INTEGER / 2) },
];

const VALID = feedbackKey(['v'], 'Valid', 'trust this session');
const INVALID = feedbackKey(['i'], 'Invalid', 'not the user');

/** Each view's own keys, searched before the global ones. */
export const VIEW_KEYS: Record<ViewName, KeyTable> = {
  pools: {
    title: 'User pools',
    bindings: [
      { keys: ['enter', 'right', 'l'], label: 'enter', description: 'open the pool\'s users', short: 'open', hint: true, run: ({ actions }) => actions.openSelected() },
      riskKey,
      ...LIST_KEYS,
    ],
  },
  users: {
    title: 'Users',
    bindings: [
      { keys: ['enter', 'right', 'l'], label: 'enter', description: 'open the user', short: 'open', hint: true, run: ({ actions }) => actions.openSelected() },
      { keys: ['/'], label: '/', description: 'search users (server-side)', short: 'search', hint: true, run: (c) => { if (c.route.view === 'users') c.actions.openSearch(c.route.poolId); } },
      {
        keys: ['escape', 'backspace'], label: 'esc', description: 'clear the search, else back',
        run: (c) => {
          if (c.actions.stopLoading()) return;
          if (c.route.view === 'users' && c.state.searches[c.route.poolId]) c.actions.clearSearch(c.route.poolId);
          else c.actions.back();
        },
      },
      riskKey,
      SWEEP,
      ...LIST_KEYS,
    ],
  },
  user: {
    title: 'User',
    bindings: [
      { keys: ['enter', 'right', 'l'], label: 'enter', description: 'authentication events', short: 'events', hint: true, run: ({ actions }) => actions.openSelected() },
      { keys: ['A'], label: 'A', description: 'every attribute, each value whole (scrollable)', short: 'attributes', hint: true, run: (c) => { if (c.route.view === 'user') c.actions.push({ view: 'attributes', poolId: c.route.poolId, username: c.route.username }); } },
      { keys: ['tab'], label: 'tab', description: 'move the cursor between groups and devices', short: 'groups/devices', hint: true, run: ({ actions }) => actions.switchUserPane() },
      DISABLE,
      SIGN_OUT,
      EXPORT_JSON,
      EXPORT_CSV,
      ...LIST_KEYS,
    ],
  },
  events: {
    title: 'Authentication events',
    bindings: [
      { keys: ['enter', 'right', 'l'], label: 'enter', description: 'event detail', short: 'detail', hint: true, run: ({ actions }) => actions.openSelected() },
      VALID,
      INVALID,
      DISABLE,
      SIGN_OUT,
      EXPORT_JSON,
      EXPORT_CSV,
      { keys: ['space'], label: 'space', description: 'mark / unmark the event (v or i then tags every marked one)', short: 'mark', hint: true, run: ({ actions }) => actions.toggleMark() },
      { keys: ['*'], label: '*', description: 'mark / unmark every event shown', run: ({ actions }) => actions.markAllShown() },
      { keys: ['a'], label: 'a', description: 'needs attention only (High/Medium risk, takeover/block, compromised, failed)', short: 'attention', hint: true, run: ({ actions }) => actions.toggleAttention() },
      { keys: ['n', 'N'], label: 'n/N', description: 'next / previous event that needs attention (as a shows them; wraps)', short: 'next attention', hint: true, run: ({ key, actions }) => actions.jumpRisky(key === 'N' ? -1 : 1) },
      { keys: ['f'], label: 'f', description: 'filter loaded events: risk= decision= response= type= country= ip= cc', short: 'filter', hint: true, run: ({ actions }) => actions.openPrompt('filter') },
      { keys: ['F'], label: 'F', description: 'clear the filter and the attention toggle', run: ({ actions }) => actions.clearEventFilter() },
      {
        keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else back',
        run: ({ actions }) => { if (!actions.stopLoading() && !actions.clearMarks()) actions.back(); },
      },
      ...LIST_KEYS,
    ],
  },
  event: {
    title: 'Event',
    bindings: [VALID, INVALID, ...SCROLL_KEYS, DISABLE, SIGN_OUT, EXPORT_JSON, EXPORT_CSV],
  },
  sweep: {
    title: 'Sweep',
    bindings: [
      { keys: ['enter', 'right', 'l'], label: 'enter', description: 'open the user\'s events (tag them there)', short: 'open', hint: true, run: ({ actions }) => actions.openFinding() },
      {
        keys: ['escape', 'backspace'], label: 'esc', description: 'cancel the sweep while it runs, else back', short: 'cancel/back', hint: true,
        run: ({ actions }) => { if (!actions.cancelSweep()) actions.back(); },
      },
      { keys: ['e'], label: 'e', description: 'export the findings to a JSON file', short: 'export', hint: true, run: ({ actions }) => actions.exportFindings('json') },
      { keys: ['E'], label: 'E', description: 'export the findings to a CSV file (one row per risky event)', run: ({ actions }) => actions.exportFindings('csv') },
      ...LIST_KEYS,
    ],
  },
  attributes: {
    title: 'User attributes',
    bindings: [
      ...SCROLL_KEYS,
      EXPORT_JSON,
    ],
  },
  log: {
    title: 'API log',
    bindings: [...LIST_KEYS],
  },
  risk: {
    title: 'Risk configuration',
    bindings: [
      { keys: ['enter'], label: 'enter', description: 'load the selected app client\'s configuration', short: 'load client', hint: true, run: ({ actions }) => actions.openSelected() },
      ...LIST_KEYS,
    ],
  },
};
