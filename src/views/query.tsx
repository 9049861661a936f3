import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { describeRange } from '../domain/time-range.ts';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey } from '../keys/shared-bindings.ts';
import type { QueryRow } from '../store/logs-state.ts';
import { selectedItem } from '../store/paged-list.ts';
import { listKey, type ListRef } from '../store/routes.ts';
import type { Column } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { useTheme } from '../ui/theme-context.ts';
import { safeText } from '../ui/text.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import { useMarks } from '../ui/views/use-marks.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import type { ViewSpec } from './view-spec.ts';
import { count, freshnessText, queryProgressText } from '../ui/query-text.ts';

const TIME_COLUMN = /^(@timestamp|last|first|first seen|time)$/i;

/** The table's columns, in the query's order: the first two always shown, the later ones dropped first when narrow. */
function columnsOf(names: string[]): Column<QueryRow>[] {
  return names.map((name, i) => {
    const time = TIME_COLUMN.test(name);
    return {
      header: name.replace(/^message\./, '').toUpperCase(), min: time ? 23 : Math.min(12, Math.max(6, name.length)), max: 64, flex: !time,
      ...(i >= 2 ? { drop: i } : {}), cell: (r: QueryRow) => r.cells[name] ?? '',
    };
  });
}

function QueryView({ poolId, run: runId, width, height, now }: ViewProps & { poolId: string; run: string }) {
  const ref: ListRef = { kind: 'query', poolId, run: runId };
  const rows = useList<QueryRow>(ref);
  const marks = useMarks(ref);
  const run = useAppState((s) => s.logs.runs[runId]);
  const first = run?.firstColumn ?? 0;
  const columns = useMemo(() => columnsOf((run?.columns ?? []).slice(first)), [run?.columns, first]);
  const theme = useTheme();
  if (!run) return <Text color={theme.warn}>{'This query is no longer known (the app was restarted or the connection switched): :ask or :query again.'}</Text>;
  const over = run.endedAt !== undefined;
  const statusColor = run.error ? theme.danger : over ? (run.status === 'Complete' ? theme.ok : theme.warn) : theme.accent;
  const range = describeRange({ kind: 'between', startMs: run.startMs, endMs: run.endMs });
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Text wrap="truncate">
        <Text bold>{safeText(run.title)}</Text>
        <Text dimColor>{` · ${range} · ${safeText(run.logGroup)}`}</Text>
      </Text>
      <Text wrap="truncate">
        <Text color={statusColor} bold>{queryProgressText(run)}</Text>
        <Text dimColor>{over ? ` · ${freshnessText(run)}` : ' · esc stops it (StopQuery)'}</Text>
      </Text>
      {run.error ? <Text color={theme.danger} wrap="truncate">{`✖ ${safeText(run.error)}`}</Text>
        : run.truncated ? <Text color={theme.warn} wrap="truncate">{'Cut at the service\'s 10,000-row limit: narrow the range (:since 1h) or add a filter (e.g. | filter message.riskLevel = "High") to see the rest.'}</Text>
        : <Text dimColor wrap="truncate">{'enter opens the row\'s user (else its IP) · I the IP pivot · space marks users for :contain · e/E export'}</Text>}
      <ListView list={rows} pageKey={listKey(ref)} columns={columns} width={width} height={height - 6} noun="rows" now={now}
        isMarked={marks.isMarked}
        emptyText={over ? (run.error ? 'No rows: the query failed.' : run.status === 'Cancelled' ? 'Stopped before it answered.'
          : run.truncated ? `None to show among the ${count(run.returned)} rows returned: the answer was cut at the service's limit.` : 'No records match in this range.') : 'Waiting for Logs Insights…'}
        status={`${listPosition(rows)} rows${run.returned !== rows.items.length && over ? ` (from ${count(run.returned)} returned)` : ''}${first > 0 ? ` · from column ${first + 1} of ${run.columns.length} ([ scrolls back)` : ''}${marks.status}`} />
    </Box>
  );
}

/** The route of one query's results. */
export interface QueryRoute {
  view: 'query';
  poolId: string;
  /** The run's id in the store (logs.runs). */
  run: string;
}

/** A Logs Insights query of a pool: progress, then its rows in the columns it returned, to open, mark and export. */
export const queryView: ViewSpec<QueryRoute> = {
  name: 'query',
  title: 'Query results',
  crumbs: (route, state) => [state.logs.runs[route.run]?.name === 'query' ? 'query' : `ask ${state.logs.runs[route.run]?.name ?? ''}`],
  lists: (route) => [{ kind: 'query', poolId: route.poolId, run: route.run }],
  enter: (route, ctx) => ctx.get().actions.ensurePool(route.poolId),
  refresh: (_route, ctx) => ctx.flash('info', 'r does not run the query again (each run is billed by data scanned): :ask or :query again.'),
  open: (route, item, ctx) => {
    const row = item as QueryRow | undefined;
    if (row?.user) ctx.push({ view: 'user', poolId: route.poolId, username: row.user });
    else if (row?.ip) ctx.push({ view: 'ip', poolId: route.poolId, address: row.ip });
    else if (row) ctx.flash('warn', 'This row names no user and no IP address.');
  },
  copyValue: (route, state) => (selectedItem(state.lists[listKey({ kind: 'query', poolId: route.poolId, run: route.run })]) as QueryRow | undefined)?.cells,
  keys: [
    openKey('open the row\'s user (resolved to the pool\'s username), else the IP pivot of its address', 'open'),
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'stop the query while it runs (StopQuery), else clear the marks, else back', short: 'stop/back', hint: true,
      run: ({ actions }) => { if (!actions.cancelQuery() && !actions.clearMarks()) actions.back(); },
    },
    { keys: ['I'], label: 'I', description: 'IP pivot of the row\'s address', short: 'IP pivot', run: ({ actions }) => actions.pivotQueryRow() },
    {
      keys: ['space'], label: 'space', description: 'mark / unmark the row\'s user (:contain then acts on every marked one)', short: 'mark', hint: true,
      run: ({ state, list, actions }) => {
        const row = list ? selectedItem(state.lists[listKey(list)]) as QueryRow | undefined : undefined;
        if (row && !row.user) return actions.flash('warn', 'This row names no user to mark.');
        actions.toggleMark();
      },
    },
    { keys: ['['], label: '[', description: 'scroll the table one column left', run: ({ actions }) => actions.shiftQueryColumns(-1) },
    { keys: [']'], label: ']', description: 'scroll the table one column right (a wide query\'s columns that do not fit)', run: ({ actions }) => actions.shiftQueryColumns(1) },
    { keys: ['e'], label: 'e', description: 'export the rows to a JSON file', short: 'export', hint: true, run: ({ actions }) => actions.exportQuery('json') },
    { keys: ['E'], label: 'E', description: 'export the rows to a CSV file', run: ({ actions }) => actions.exportQuery('csv') },
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <QueryView {...props} poolId={route.poolId} run={route.run} />,
};
