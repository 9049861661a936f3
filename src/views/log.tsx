import { Box, Text } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { causeLabel, logRows } from '../store/api-stats.ts';
import { listKey } from '../store/routes.ts';
import type { ViewSpec } from './view-spec.ts';
import type { ApiCallRecord } from '../gateway/types.ts';
import type { ApiStats } from '../store/state.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { LOG_VIEW_COLUMNS } from '../ui/view-columns.ts';

export { LOG_VIEW_COLUMNS };


/** The log's summary line: calls, failed attempts by cause, failures and aborted calls. */
export function logSummary(api: ApiStats): string {
  const causes = causeLabel(api.failedAttempts);
  return [
    `${api.calls} calls`,
    causes ? `failed attempts: ${causes}` : 'no throttles, 5xx or network errors',
    `${api.failed} failed`,
    ...(api.aborted ? [`${api.aborted} aborted`] : []),
    'newest first',
  ].join(' · ');
}

/** The recent API calls, newest first, with latency, retries by cause and outcome. */
function LogView({ width, height, now }: ViewProps) {
  const list = useList<ApiCallRecord>({ kind: 'log' });
  const api = useAppState((s) => s.api);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>API log</Text>
        <Text dimColor>{` · ${logSummary(api)}`}</Text>
      </Text>
      <Text> </Text>
      <ListView list={list} pageKey={listKey({ kind: 'log' })} columns={LOG_VIEW_COLUMNS} width={width} height={height - 4} noun="calls" now={now}
        emptyText="No API calls yet." status={`${listPosition(list)} recent calls`} />
    </Box>
  );
}

/** The route of the API call log. */
export interface LogRoute {
  view: 'log';
}

/** Every API call of the session, newest first. */
export const logView: ViewSpec<LogRoute> = {
  name: 'log',
  title: 'API log',
  crumbs: () => ['API log'],
  lists: () => [{ kind: 'log' }],
  enter: (_route, ctx) => {
    ctx.setList({ kind: 'log' }, { ...ctx.list({ kind: 'log' }), items: logRows(ctx.get().api), complete: true, pagesLoaded: 1 });
  },
  keys: [...LIST_KEYS],
  Render: ({ route: _route, ...props }) => <LogView {...props} />,
};
