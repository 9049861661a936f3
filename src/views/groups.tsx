import { Box } from 'ink';
import type { Group } from '../gateway/types.ts';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey } from '../keys/shared-bindings.ts';
import { listKey } from '../store/routes.ts';
import { POOL_GROUP_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import type { ViewSpec } from './view-spec.ts';

/** The groups of one pool, paged from the server. */
function GroupsView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const ref = { kind: 'groups-of-pool', poolId } as const;
  const list = useList<Group>(ref);
  const poolLine = height >= 6;
  return (
    <Box flexDirection="column">
      {poolLine ? <PoolLine poolId={poolId} /> : null}
      <ListView list={list} pageKey={listKey(ref)} columns={POOL_GROUP_COLUMNS} width={width} height={height - (poolLine ? 3 : 2)} noun="groups" now={now}
        emptyText="This pool has no groups." />
    </Box>
  );
}

/** The route of one pool's groups. */
export interface GroupsRoute {
  view: 'groups';
  poolId: string;
}

/** A pool's groups (ListGroups), lazily paged; enter lists a group's members. */
export const groupsView: ViewSpec<GroupsRoute> = {
  name: 'groups',
  title: 'Groups',
  crumbs: () => ['groups'],
  lists: (route) => [{ kind: 'groups-of-pool', poolId: route.poolId }],
  open: (route, item, ctx) => {
    if (item) ctx.push({ view: 'group', poolId: route.poolId, group: (item as Group).name });
  },
  keys: [openKey("list the group's members", 'members'), ...LIST_KEYS],
  Render: ({ route, ...props }) => <GroupsView {...props} poolId={route.poolId} />,
};
