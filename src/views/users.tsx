import { Box } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey, POOL_SETTINGS, RISK_CONFIG, SWEEP } from '../keys/shared-bindings.ts';
import { listKey, userKey } from '../store/routes.ts';
import type { ViewSpec } from './view-spec.ts';
import type { User } from '../gateway/types.ts';
import { USER_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { SearchLine } from '../ui/components/SearchLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';

/** The users of one pool, paged from the server, optionally narrowed by a server-side filter. */
function UsersView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const filter = useAppState((s) => s.searches[poolId] ?? '');
  const list = useList<User>({ kind: 'users', poolId, filter });
  return (
    <Box flexDirection="column">
      {height >= 7 ? <PoolLine poolId={poolId} /> : null}
      <SearchLine width={width} poolId={poolId} />
      <ListView list={list} pageKey={listKey({ kind: 'users', poolId, filter })} columns={USER_COLUMNS} width={width} height={height - (height >= 7 ? 4 : 3)} noun="users" now={now}
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
    if (!item) return;
    const user = item as User;
    const key = userKey(route.poolId, user.username);
    if (!ctx.get().users[key] || ctx.get().users[key].partial) ctx.set((st) => ({ users: { ...st.users, [key]: user } }));
    ctx.push({ view: 'user', poolId: route.poolId, username: user.username });
  },
  keys: [
    openKey('open the user', 'open'),
    { keys: ['/'], label: '/', description: 'search users (server-side)', short: 'search', hint: true, run: (c) => { if (c.route.view === 'users') c.actions.openSearch(c.route.poolId); } },
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'clear the search, else back',
      run: (c) => {
        if (c.actions.stopLoading()) return;
        if (c.route.view === 'users' && c.state.searches[c.route.poolId]) c.actions.clearSearch(c.route.poolId);
        else c.actions.back();
      },
    },
    RISK_CONFIG,
    SWEEP,
    POOL_SETTINGS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <UsersView {...props} poolId={route.poolId} />,
};
