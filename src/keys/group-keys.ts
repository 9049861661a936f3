import type { Group } from '../gateway/types.ts';
import { selectedItem, type PagedList } from '../store/paged-list.ts';
import { listKey } from '../store/routes.ts';
import type { Binding, KeyContext } from './binding.ts';

/** o in a pool's view: the pool's groups. */
export const POOL_GROUPS: Binding = {
  keys: ['o'], label: 'o', description: "the pool's groups (enter on one lists its members)", short: 'groups', hint: true,
  run: ({ route, actions }) => { if ('poolId' in route) actions.push({ view: 'groups', poolId: route.poolId }); },
};

function groupUnderCursor({ route, state }: KeyContext): Group | undefined {
  if (route.view !== 'user') return undefined;
  const groups = state.lists[listKey({ kind: 'groups', poolId: route.poolId, username: route.username })] as PagedList<Group> | undefined;
  return selectedItem(groups);
}

/** o in the user view: the members of the group under the groups pane's cursor. */
export const OPEN_GROUP: Binding = {
  keys: ['o'], label: 'o', description: 'open the group under the cursor: its members', short: 'open group', hint: true,
  disabled: (ctx) => {
    if (ctx.state.userPane !== 'groups') return 'tab to the groups pane first; o opens the group under its cursor';
    return groupUnderCursor(ctx) ? undefined : 'no group under the cursor (the user is in none, or they are still loading)';
  },
  run: (ctx) => {
    const group = groupUnderCursor(ctx);
    if (group && ctx.route.view === 'user') ctx.actions.push({ view: 'group', poolId: ctx.route.poolId, group: group.name });
  },
};
