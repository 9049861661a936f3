import { Box, Text } from 'ink';
import { regionLabel } from '../gateway/types.ts';
import { POOL_KEYS } from '../keys/pool-keys.ts';
import { useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import { listKey } from '../store/routes.ts';
import type { ViewSpec } from './view-spec.ts';
import type { PoolSummary } from '../gateway/types.ts';
import { selectedItem } from '../store/paged-list.ts';
import { POOL_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';

/** The user pools of the region, with the selected pool's threat protection mode and tier. */
function PoolsView({ width, height, now }: ViewProps) {
  const list = useList<PoolSummary>({ kind: 'pools' });
  const selected = selectedItem(list);
  return (
    <Box flexDirection="column">
      {selected ? <PoolLine poolId={selected.id} pulse={false} /> : <Text> </Text>}
      <ListView list={list} pageKey={listKey({ kind: 'pools' })} columns={POOL_COLUMNS} width={width} height={height - 4} noun="pools" now={now}
        emptyText="No user pools in this region. Try another --region." />
    </Box>
  );
}

/** The route of the region's user pools, the first view. */
export interface PoolsRoute {
  view: 'pools';
}

/** The user pools of the region. */
export const poolsView: ViewSpec<PoolsRoute> = {
  name: 'pools',
  title: 'User pools',
  crumbs: () => [],
  lists: () => [{ kind: 'pools' }],
  open: (_route, item, ctx) => {
    if (item) ctx.push({ view: 'users', poolId: (item as PoolSummary).id });
  },
  keys: POOL_KEYS,
  Render: ({ route: _route, ...props }) => {
    const region = useAppState((s) => regionLabel(s.target));
    return (
      <Box flexDirection="column">
        <Text dimColor>{`User pools in ${safeText(region)}`}</Text>
        <PoolsView {...props} />
      </Box>
    );
  },
};
