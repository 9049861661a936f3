import { Box } from 'ink';
import type { User } from '../../gateway/types.ts';
import { USER_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { SearchLine } from '../components/SearchLine.tsx';
import { useAppState } from '../store-context.ts';
import { PoolLine } from './PoolLine.tsx';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** The users of one pool, paged from the server, optionally narrowed by a server-side filter. */
export function UsersView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const filter = useAppState((s) => s.searches[poolId] ?? '');
  const list = useList<User>({ kind: 'users', poolId, filter });
  return (
    <Box flexDirection="column">
      {height >= 7 ? <PoolLine poolId={poolId} /> : null}
      <SearchLine width={width} />
      <ListView list={list} columns={USER_COLUMNS} width={width} height={height - (height >= 7 ? 4 : 3)} noun="users" now={now}
        emptyText={filter ? 'No user matches this filter. esc clears it.' : 'This pool has no users.'} />
    </Box>
  );
}
