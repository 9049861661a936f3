import { Box, Text } from 'ink';
import type { User } from '../gateway/types.ts';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { BULK_USER_KEYS } from '../keys/bulk-bindings.ts';
import { openKey } from '../keys/shared-bindings.ts';
import { listKey } from '../store/routes.ts';
import { USER_COLUMNS } from '../ui/columns.ts';
import { GroupPromptLine } from '../ui/components/GroupPromptLine.tsx';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition, listProgress } from '../ui/components/StatusLine.tsx';
import { useMarks } from '../ui/views/use-marks.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { openUserRow } from './open-user.ts';
import type { ViewSpec } from './view-spec.ts';
import { useListSort } from '../ui/views/use-list-sort.ts';

/** The members of one group, paged from the server, in the users list's columns. */
function GroupView({ poolId, group, width, height, now }: ViewProps & { poolId: string; group: string }) {
  const ref = { kind: 'group-users', poolId, group } as const;
  const list = useList<User>(ref);
  const marks = useMarks(ref);
  const sorted = useListSort(listKey(ref)) !== undefined;
  const poolLine = height >= 7;
  return (
    <Box flexDirection="column">
      {poolLine ? <PoolLine poolId={poolId} /> : null}
      <GroupPromptLine width={width} idle={<Text dimColor wrap="truncate">space marks members · d S p m act on the marked ones</Text>} />
      <ListView list={list} pageKey={listKey(ref)} columns={USER_COLUMNS} width={width} height={height - (poolLine ? 4 : 3)} noun="members" now={now}
        isMarked={marks.isMarked} status={`${listPosition(list)}${list.complete ? '' : '+'} members${marks.status}${listProgress(list, undefined, sorted)}`}
        emptyText="No user is in this group." />
    </Box>
  );
}

/** The route of one group's members. */
export interface GroupRoute {
  view: 'group';
  poolId: string;
  group: string;
}

/** A group's members (ListUsersInGroup), lazily paged; enter opens a member as from the users list. */
export const groupView: ViewSpec<GroupRoute> = {
  name: 'group',
  title: 'Group members',
  crumbs: (route) => ['groups', route.group],
  lists: (route) => [{ kind: 'group-users', poolId: route.poolId, group: route.group }],
  open: (route, item, ctx) => {
    if (item) openUserRow(route.poolId, item as User, ctx);
  },
  keys: [
    openKey('open the user', 'open'),
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else back',
      run: ({ actions }) => { if (!actions.stopLoading() && !actions.clearMarks()) actions.back(); },
    },
    ...BULK_USER_KEYS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <GroupView {...props} poolId={route.poolId} group={route.group} />,
};
