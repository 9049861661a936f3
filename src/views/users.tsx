import { Box } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey, POOL_SETTINGS, RISK_CONFIG, SWEEP } from '../keys/shared-bindings.ts';
import { POOL_GROUPS } from '../keys/group-keys.ts';
import { BULK_USER_KEYS } from '../keys/bulk-bindings.ts';
import { ASK_KEYS } from '../keys/ask-bindings.ts';
import { listKey, type ListRef } from '../store/routes.ts';
import { openUserRow } from './open-user.ts';
import type { ViewSpec } from './view-spec.ts';
import type { User } from '../gateway/types.ts';
import { userColumns } from '../ui/user-columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { GroupPromptLine } from '../ui/components/GroupPromptLine.tsx';
import { SearchLine } from '../ui/components/SearchLine.tsx';
import { listPosition, listProgress } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import { useMarks } from '../ui/views/use-marks.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useListSort } from '../ui/views/use-list-sort.ts';

/** The users of one pool, paged from the server, optionally narrowed by a server-side filter. */
function UsersView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const filter = useAppState((s) => s.searches[poolId] ?? '');
  const ref: ListRef = { kind: 'users', poolId, filter };
  const list = useList<User>(ref);
  const marks = useMarks(ref);
  const sorted = useListSort(listKey(ref)) !== undefined;
  const columns = userColumns(useAppState((s) => s.config.pools[poolId]?.columns));
  return (
    <Box flexDirection="column">
      {height >= 7 ? <PoolLine poolId={poolId} /> : null}
      <GroupPromptLine width={width} idle={<SearchLine width={width} poolId={poolId} />} />
      <ListView list={list} pageKey={listKey(ref)} columns={columns} width={width} height={height - (height >= 7 ? 4 : 3)} noun="users" now={now}
        isMarked={marks.isMarked} status={`${listPosition(list)}${list.complete ? '' : '+'} users${marks.status}${listProgress(list, undefined, sorted)}`}
        emptyText={filter ? 'No user matches this filter. esc clears it.' : 'This pool has no users.'} />
    </Box>
  );
}

/** The route of one pool's users. */
export interface UsersRoute {
  view: 'users';
  poolId: string;
}

/** A pool's users, lazily paged, narrowed by the pool's server-side search. */
export const usersView: ViewSpec<UsersRoute> = {
  name: 'users',
  title: 'Users',
  crumbs: () => [],
  lists: (route, state) => [{ kind: 'users', poolId: route.poolId, filter: state.searches[route.poolId] ?? '' }],
  refresh: (route, ctx) => {
    ctx.reload(usersView.lists(route, ctx.get()));
    ctx.get().actions.ensurePool(route.poolId, true);
  },
  open: (route, item, ctx) => {
    if (item) openUserRow(route.poolId, item as User, ctx);
  },
  keys: [
    openKey('open the user', 'open'),
    { keys: ['/'], label: '/', description: 'search users (server-side)', short: 'search', hint: true, run: (c) => { if (c.route.view === 'users') c.actions.openSearch(c.route.poolId); } },
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else the search, else back',
      run: (c) => {
        if (c.actions.stopLoading() || c.actions.clearMarks()) return;
        if (c.route.view === 'users' && c.state.searches[c.route.poolId]) c.actions.clearSearch(c.route.poolId);
        else c.actions.back();
      },
    },
    RISK_CONFIG,
    SWEEP,
    POOL_GROUPS,
    POOL_SETTINGS,
    ...ASK_KEYS,
    ...BULK_USER_KEYS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <UsersView {...props} poolId={route.poolId} />,
};
