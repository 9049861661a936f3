import { Box, Text } from 'ink';
import type { ApiCallRecord } from '../../gateway/types.ts';
import { LOG_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { listPosition } from '../components/StatusLine.tsx';
import { useAppState } from '../store-context.ts';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** The recent API calls, newest first, with latency, retries and outcome. */
export function LogView({ width, height, now }: ViewProps) {
  const list = useList<ApiCallRecord>({ kind: 'log' });
  const api = useAppState((s) => s.api);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>API log</Text>
        <Text dimColor>{` · ${api.calls} calls · ${api.throttled} retried or throttled · ${api.failed} failed · newest first`}</Text>
      </Text>
      <Text> </Text>
      <ListView list={list} columns={LOG_COLUMNS} width={width} height={height - 4} noun="calls" now={now}
        emptyText="No API calls yet." status={`${listPosition(list)} recent calls`} />
    </Box>
  );
}
