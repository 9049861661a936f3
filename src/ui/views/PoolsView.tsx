import { Box, Text } from 'ink';
import type { PoolSummary } from '../../gateway/types.ts';
import { selectedItem } from '../../store/paged-list.ts';
import { POOL_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { PoolLine } from './PoolLine.tsx';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** The user pools of the region, with the selected pool's threat protection mode and tier. */
export function PoolsView({ width, height, now }: ViewProps) {
  const list = useList<PoolSummary>({ kind: 'pools' });
  const selected = selectedItem(list);
  return (
    <Box flexDirection="column">
      {selected ? <PoolLine poolId={selected.id} /> : <Text> </Text>}
      <ListView list={list} columns={POOL_COLUMNS} width={width} height={height - 4} noun="pools" now={now}
        emptyText="No user pools in this region. Try another --region." />
    </Box>
  );
}
