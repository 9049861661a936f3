import { Box, Text } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { BULK_USER_KEYS } from '../keys/bulk-bindings.ts';
import { listKey, type ListRef } from '../store/routes.ts';
import type { ViewSpec } from './view-spec.ts';
import type { SweepState } from '../store/state.ts';
import type { SweepFinding, SweepProgress } from '../sweep/index.ts';
import { FINDING_COLUMNS } from '../ui/columns.ts';
import { GroupPromptLine } from '../ui/components/GroupPromptLine.tsx';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import { useMarks } from '../ui/views/use-marks.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useTheme } from '../ui/theme-context.ts';

function bar(done: number, total: number | undefined, width: number): string {
  if (!total) return '';
  const filled = Math.max(0, Math.min(width, Math.round((done / total) * width)));
  return `[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${Math.min(100, Math.floor((done / total) * 100))}%`;
}

const BACKOFF_WORDS = { throttled: 'throttled', server: 'server error, 5xx', network: 'network error', other: 'error' } as const;

/** What the sweep is doing, with the cause of a back-off. */
function phaseLabel(running: boolean, p: SweepProgress | undefined): string {
  if (!running) return p?.phase ?? 'over';
  if (p?.phase !== 'backing-off') return 'running';
  return `backing off (${BACKOFF_WORDS[p.backoffCause ?? 'other']})`;
}

/** The failed calls of a sweep by cause, and the users that failed, naming only those that happened: "3 throttled · 1 5xx". */
function sweepRetryCounts(p: SweepProgress | undefined): string {
  const parts = [
    [p?.throttled, 'throttled'], [p?.serverErrors, '5xx'], [p?.networkErrors, 'network errors'], [p?.errors, 'users failed'],
  ].filter(([n]) => (n as number | undefined ?? 0) > 0).map(([n, what]) => `${n} ${what}`);
  return parts.length > 0 ? parts.join(' · ') : 'no failures';
}

/**
 * What the findings list says while it is empty: still looking, or how the sweep ended and how many users it really
 * checked (a sweep that failed or was stopped early did not find that there is nothing).
 */
export function sweepEmptyText(sweep: SweepState | undefined): string {
  if (!sweep) return 'No sweep has run on this pool.';
  if (sweep.running) return 'No risky events found yet…';
  const p = sweep.progress;
  const checked = Math.max(0, (p?.usersScanned ?? 0) - (p?.errors ?? 0)).toLocaleString('en-US');
  const users = `${checked} user${checked === '1' ? '' : 's'} checked`;
  if (sweep.error || p?.phase === 'failed') return `The sweep failed: it found no risky events in the ${users}, and did not check the rest.`;
  if (p?.phase === 'cancelled') return `The sweep was stopped: it found no risky events in the ${users}, and did not check the rest.`;
  return `No risky events found in the ${users}.`;
}

/** A running or finished sweep: progress, counts, and the users with risky events as they are found. */
function SweepView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const theme = useTheme();
  const sweep = useAppState((s) => s.sweeps[poolId]);
  const ref: ListRef = { kind: 'findings', poolId };
  const findings = useList<SweepFinding>(ref);
  const marks = useMarks(ref);
  const p = sweep?.progress;
  const phase = !sweep ? 'not started' : phaseLabel(sweep.running, p);
  const elapsed = p ? `${Math.round(p.elapsedMs / 1000)}s` : '0s';
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Text wrap="truncate">
        <Text bold color={sweep?.running ? theme.accent : undefined}>{`sweep ${phase}`}</Text>
        <Text dimColor>{sweep?.filter ? ` · users matching ${safeText(sweep.filter)}` : ' · all users'}</Text>
        <Text>{`  ${bar(p?.usersScanned ?? 0, p?.usersEstimated, 24)}`}</Text>
      </Text>
      <Text wrap="truncate">
        <Text>{`${p?.usersScanned ?? 0}${p?.usersEstimated ? `/${p.usersEstimated}` : ''} users · ${p?.eventsRead ?? 0} events read · `}</Text>
        <Text color={p?.riskyEvents ? theme.danger : undefined} bold>{`${p?.riskyEvents ?? 0} risky events in ${p?.riskyUsers ?? 0} users`}</Text>
        <Text dimColor>{` · ${p?.calls ?? 0} calls · ${sweepRetryCounts(p)} · ${elapsed}`}</Text>
      </Text>
      <GroupPromptLine width={width} idle={sweep?.error ? <Text color={theme.danger} wrap="truncate">{`✖ ${safeText(sweep.error)}`}</Text>
        : p?.lastError ? <Text color={theme.warn} wrap="truncate">{`last error: ${safeText(p.lastError)}`}</Text>
        : <Text dimColor wrap="truncate">{`${sweep?.running ? 'esc cancels · ' : ''}enter opens a user's events to tag them · space marks users · e/E export the findings`}</Text>} />
      <ListView list={findings} pageKey={listKey(ref)} columns={FINDING_COLUMNS} width={width} height={height - 6} noun="users with risky events" now={now}
        emptyText={sweepEmptyText(sweep)} isMarked={marks.isMarked}
        status={`${listPosition(findings)} users with risky events${sweep?.running ? ' · more coming' : ''}${marks.status}`} />
    </Box>
  );
}

/** The route of a pool's sweep, running or over. */
export interface SweepRoute {
  view: 'sweep';
  poolId: string;
}

/** A sweep of a pool for risky events: progress and findings, worst first. */
export const sweepView: ViewSpec<SweepRoute> = {
  name: 'sweep',
  title: 'Sweep',
  crumbs: () => ['sweep'],
  lists: (route) => [{ kind: 'findings', poolId: route.poolId }],
  enter: (route, ctx) => ctx.get().actions.ensurePool(route.poolId),
  refresh: (_route, ctx) => ctx.flash('info', 'r does not re-run a sweep: esc, then s starts a new one.'),
  keys: [
    { keys: ['enter', 'right', 'l'], label: 'enter', description: 'open the user\'s events (tag them there)', short: 'open', hint: true, run: ({ actions }) => actions.openFinding() },
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else cancel the sweep while it runs, else back', short: 'cancel/back', hint: true,
      run: ({ actions }) => { if (!actions.clearMarks() && !actions.cancelSweep()) actions.back(); },
    },
    { keys: ['e'], label: 'e', description: 'export the findings to a JSON file', short: 'export', hint: true, run: ({ actions }) => actions.exportFindings('json') },
    { action: 'export-csv', keys: ['E'], label: 'E', description: 'export the findings to a CSV file (one row per risky event)', run: ({ actions }) => actions.exportFindings('csv') },
    ...BULK_USER_KEYS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <SweepView {...props} poolId={route.poolId} />,
};
