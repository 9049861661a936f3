import type { PoolSummary } from '../../gateway/types.ts';
import { POOL_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** The user pools of the region. */
export function PoolsView({ width, height, now }: ViewProps) {
  const list = useList<PoolSummary>({ kind: 'pools' });
  return (
    <ListView list={list} columns={POOL_COLUMNS} width={width} height={height - 4} noun="pools" now={now}
      emptyText="No user pools in this region. Try another --region." />
  );
}
