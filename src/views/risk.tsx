import { Box, Text } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { readOnlyReason } from '../keys/shared-bindings.ts';
import { resourceKey } from '../store/stop-left-loads.ts';
import type { ViewSpec } from './view-spec.ts';
import { useContext } from 'react';
import type { AppClient, RiskConfiguration } from '../gateway/types.ts';
import { selectedItem } from '../store/paged-list.ts';
import { listKey, isRiskKeyOf, riskKey } from '../store/routes.ts';
import type { Resource } from '../store/state.ts';
import { CLIENT_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { cutLines } from '../ui/components/Fields.tsx';
import { listPosition, retryHint } from '../ui/components/StatusLine.tsx';
import { foldSubjects, riskRows, type RiskRow } from '../ui/risk-fields.ts';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { fit, safeText, wrapText } from '../ui/text.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useTheme } from '../ui/theme-context.ts';
import type { ThemeRole } from '../ui/theme.ts';

const LABEL = 24;

/** What the view says about the pool's risk configuration in place of its rows: off, failed or still loading. */
export const THREAT_PROTECTION_OFF = 'Threat protection is off for this pool: Cognito does not rate sign-ins here, so no risk configuration applies.';

function status(resource: Resource<RiskConfiguration> | undefined, what: string): string | undefined {
  if (!resource) return undefined;
  if (resource.error) return `✖ ${what}: ${resource.error.message}`;
  if (!resource.value) return `loading ${what}…`;
  return undefined;
}

function poolProblem(resource: Resource<RiskConfiguration> | undefined, off: boolean): { text: string; color: ThemeRole } | undefined {
  if (off) return { text: THREAT_PROTECTION_OFF, color: 'warn' };
  if (resource?.error) return { text: `✖ pool configuration: ${resource.error.message}${retryHint(resource.error)}`, color: 'danger' };
  if (!resource?.value) return { text: 'loading the pool\'s risk configuration…', color: 'accent' };
  return undefined;
}

/** Rows the app client list wants at least: the cursor row and a few others. */
const CLIENT_ROWS = 3;

/** How the view spends its rows: each configuration row's lines, whether the note has a row, a gap, the client list's rows. */
interface RiskLayout {
  rows: RiskRow[];
  lines: number[];
  noteRow: boolean;
  gap: boolean;
  listRows: number;
}

/**
 * Fits the view in `height` rows: pool line, titles, configuration rows, client list (header, rows, status). When
 * short of rows the note moves into the client list's status line, then the three e-mail subjects fold into one row;
 * rows left over go to a gap, to the lines of values too long for their column, then to the client list.
 */
function layout(all: RiskRow[], height: number, clientCount: number, linesOf: (r: RiskRow) => number): RiskLayout {
  const listWanted = Math.max(1, Math.min(CLIENT_ROWS, clientCount || 1));
  const fixed = 1 + 1 + 2;
  let rows = all;
  let noteRow = true;
  let budget = height - fixed - 1 - listWanted;
  if (rows.length > budget) { noteRow = false; budget++; }
  if (rows.length > budget) rows = foldSubjects(rows);
  rows = rows.slice(0, Math.max(0, height - fixed - (noteRow ? 1 : 0) - 1));
  let spare = budget - rows.length;
  const gap = spare > 0;
  if (gap) spare--;
  const lines = rows.map((r) => {
    const extra = Math.min(spare, linesOf(r) - 1);
    spare -= extra;
    return 1 + extra;
  });
  return { rows, lines, noteRow, gap, listRows: listWanted + spare };
}

/** The pool's risk configuration beside the one that applies to the selected app client, overrides marked. */
function RiskView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const theme = useTheme();
  const clients = useList<AppClient>({ kind: 'clients', poolId });
  const client = selectedItem(clients);
  const pool = useAppState((s) => s.risk[riskKey(poolId, undefined)]);
  const clientCfg = useAppState((s) => (client ? s.risk[riskKey(poolId, client.id)] : undefined));
  const zone = useContext(TimeZoneContext);
  const all = riskRows(pool?.value, clientCfg?.value, zone);
  const own = clientCfg?.value?.clientId !== undefined;
  const overrides = all.filter((r) => r.overrides).length;
  const col = Math.max(10, Math.floor((width - LABEL - 4) / 2));
  const clientTitle = !client ? 'APP CLIENT' : `APP CLIENT ${safeText(client.name)}`;
  const note = !clientCfg?.value ? status(clientCfg, 'client configuration') ?? 'select an app client below'
    : own ? `own configuration · ${overrides} override${overrides === 1 ? '' : 's'} of the pool (◆)` : 'no configuration of its own: the pool default applies';
  const off = useAppState((s) => s.pools[poolId]?.value?.threatProtection === 'OFF') || pool?.error?.kind === 'threat-protection-off';
  const problem = poolProblem(pool, off);
  if (problem) {
    return (
      <Box flexDirection="column">
        <PoolLine poolId={poolId} />
        <Text color={theme[problem.color]} wrap="wrap">{safeText(problem.text)}</Text>
        <Box marginTop={1}>
          <ListView list={clients} pageKey={listKey({ kind: 'clients', poolId })} columns={CLIENT_COLUMNS} width={width} height={Math.max(2, height - 7)} noun="app clients" now={now}
            emptyText="This pool has no app clients." />
        </Box>
      </Box>
    );
  }
  const single = !own;
  const poolCells = single ? Math.max(10, width - LABEL - 2) : col;
  const wrapped = (r: RiskRow) => [wrapText(safeText(r.pool), poolCells), single || r.client === undefined ? [] : wrapText(safeText(r.client), col - 2)] as const;
  const fitted = layout(all, height, clients.items.length, (r) => Math.max(...wrapped(r).map((l) => l.length), 1));
  const clientStatus = fitted.noteRow || clients.error ? undefined : `${listPosition(clients)} app clients · ${note}`;
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Text bold wrap="truncate">{single ? `${' '.repeat(LABEL)}  POOL DEFAULT · ${clientTitle}` : `${' '.repeat(LABEL)}  ${fit('POOL DEFAULT', col)}  ${fit(clientTitle, col)}`}</Text>
      {fitted.noteRow && <Text dimColor wrap="truncate">{single ? `${' '.repeat(LABEL)}  ${safeText(note)}` : `${' '.repeat(LABEL)}  ${fit('', col)}  ${fit(safeText(note), col)}`}</Text>}
      {fitted.rows.map((r, i) => {
        const [poolLines, clientLines] = wrapped(r);
        const count = fitted.lines[i];
        const poolShown = cutLines(poolLines, poolCells, count);
        if (single) {
          return poolShown.map((line, j) => (
            <Text key={`${r.label}:${j}`} wrap="truncate">
              <Text dimColor>{fit(j === 0 ? r.label : '', LABEL)}</Text>
              <Text>{'  '}</Text>
              <Text color={r.poolColor && theme[r.poolColor]}>{fit(line, poolCells)}</Text>
            </Text>
          ));
        }
        const clientShown = cutLines(clientLines, col - 2, count);
        return Array.from({ length: count }, (_, j) => (
          <Text key={`${r.label}:${j}`} wrap="truncate">
            <Text dimColor>{fit(j === 0 ? r.label : '', LABEL)}</Text>
            <Text>{'  '}</Text>
            <Text color={r.poolColor && theme[r.poolColor]}>{fit(poolShown[j] ?? '', col)}</Text>
            <Text>{'  '}</Text>
            {r.overrides && j === 0 ? <Text color={theme.special} bold>◆ </Text> : <Text>{r.client === undefined ? '' : '  '}</Text>}
            <Text color={r.clientColor && theme[r.clientColor]}>{r.client === undefined ? '' : fit(clientShown[j] ?? '', col - 2)}</Text>
          </Text>
        ));
      })}
      <Box marginTop={fitted.gap ? 1 : 0}>
        <ListView list={clients} pageKey={listKey({ kind: 'clients', poolId })} columns={CLIENT_COLUMNS} width={width} height={fitted.listRows} noun="app clients" now={now}
          emptyText="This pool has no app clients." status={clientStatus} />
      </Box>
    </Box>
  );
}

/** The route of a pool's risk configuration and its app clients'. */
export interface RiskRoute {
  view: 'risk';
  poolId: string;
}

/** The pool's risk configuration, and each app client's. */
export const riskView: ViewSpec<RiskRoute> = {
  name: 'risk',
  title: 'Risk configuration',
  crumbs: () => ['risk configuration'],
  lists: (route) => [{ kind: 'clients', poolId: route.poolId }],
  enter: (route, ctx) => {
    const { actions } = ctx.get();
    actions.ensurePool(route.poolId);
    actions.ensureRisk(route.poolId);
    ctx.ensureList({ kind: 'clients', poolId: route.poolId });
  },
  refresh: (route, ctx) => {
    ctx.reload(riskView.lists(route, ctx.get()));
    const { actions } = ctx.get();
    actions.ensurePool(route.poolId, true);
    actions.ensureRisk(route.poolId, undefined, true);
    const client = selectedItem(ctx.list<AppClient>({ kind: 'clients', poolId: route.poolId }));
    if (client) actions.ensureRisk(route.poolId, client.id, true);
  },
  open: (route, item, ctx) => {
    if (item) ctx.get().actions.ensureRisk(route.poolId, (item as AppClient).id);
  },
  resources: (route, state) => [
    resourceKey('risk', riskKey(route.poolId, undefined)),
    ...Object.keys(state.risk).filter((key) => isRiskKeyOf(key, route.poolId)).map((key) => resourceKey('risk', key)),
  ],
  keys: [
    { keys: ['enter'], label: 'enter', description: 'load the selected app client\'s configuration', short: 'load client', hint: true, run: ({ actions }) => actions.openSelected() },
    { keys: ['e'], label: 'e', description: 'edit the risk configuration of the pool, or of the selected client once loaded: opens :risk-set (Tab completes the settings; shows the diff first)', short: 'edit', hint: true, disabled: readOnlyReason, run: ({ actions }) => actions.proposeRiskEdit() },
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <RiskView {...props} poolId={route.poolId} />,
};
