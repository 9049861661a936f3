import { Box, Text } from 'ink';
import { useContext } from 'react';
import type { AppClient, RiskConfiguration } from '../../gateway/types.ts';
import { selectedItem } from '../../store/paged-list.ts';
import { riskKey } from '../../store/routes.ts';
import type { Resource } from '../../store/state.ts';
import { CLIENT_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { retryHint } from '../components/StatusLine.tsx';
import { riskRows } from '../risk-fields.ts';
import { TimeZoneContext, useAppState } from '../store-context.ts';
import { fit, safeText } from '../text.ts';
import { PoolLine } from './PoolLine.tsx';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

const LABEL = 24;

/** What the view says about the pool's risk configuration in place of its rows: off, failed or still loading. */
export const THREAT_PROTECTION_OFF = 'Threat protection is off for this pool: Cognito does not rate sign-ins here, so no risk configuration applies.';

function status(resource: Resource<RiskConfiguration> | undefined, what: string): string | undefined {
  if (!resource) return undefined;
  if (resource.error) return `✖ ${what}: ${resource.error.message}`;
  if (!resource.value) return `loading ${what}…`;
  return undefined;
}

function poolProblem(resource: Resource<RiskConfiguration> | undefined, off: boolean): { text: string; color: string } | undefined {
  if (off) return { text: THREAT_PROTECTION_OFF, color: 'yellow' };
  if (resource?.error) return { text: `✖ pool configuration: ${resource.error.message}${retryHint(resource.error)}`, color: 'red' };
  if (!resource?.value) return { text: 'loading the pool\'s risk configuration…', color: 'cyan' };
  return undefined;
}

/** The pool's risk configuration beside the one that applies to the selected app client, overrides marked. */
export function RiskView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const clients = useList<AppClient>({ kind: 'clients', poolId });
  const client = selectedItem(clients);
  const pool = useAppState((s) => s.risk[riskKey(poolId, undefined)]);
  const clientCfg = useAppState((s) => (client ? s.risk[riskKey(poolId, client.id)] : undefined));
  const zone = useContext(TimeZoneContext);
  const rows = riskRows(pool?.value, clientCfg?.value, zone);
  const own = clientCfg?.value?.clientId !== undefined;
  const overrides = rows.filter((r) => r.overrides).length;
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
        <Text color={problem.color} wrap="wrap">{safeText(problem.text)}</Text>
        <Box marginTop={1}>
          <ListView list={clients} columns={CLIENT_COLUMNS} width={width} height={Math.max(2, height - 7)} noun="app clients" now={now}
            emptyText="This pool has no app clients." />
        </Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Text bold wrap="truncate">{`${' '.repeat(LABEL)}  ${fit('POOL DEFAULT', col)}  ${fit(clientTitle, col)}`}</Text>
      <Text dimColor wrap="truncate">{`${' '.repeat(LABEL)}  ${fit('', col)}  ${fit(safeText(note), col)}`}</Text>
      {rows.map((r) => (
        <Text key={r.label} wrap="truncate">
          <Text dimColor>{fit(r.label, LABEL)}</Text>
          <Text>{'  '}</Text>
          <Text color={r.poolColor}>{fit(safeText(r.pool), col)}</Text>
          <Text>{'  '}</Text>
          {r.overrides ? <Text color="magenta" bold>◆ </Text> : <Text>{r.client === undefined ? '' : '  '}</Text>}
          <Text color={r.clientColor}>{r.client === undefined ? '' : fit(safeText(r.client), col - 2)}</Text>
        </Text>
      ))}
      <Box marginTop={1}>
        <ListView list={clients} columns={CLIENT_COLUMNS} width={width} height={Math.max(2, height - rows.length - 8)} noun="app clients" now={now}
          emptyText="This pool has no app clients." />
      </Box>
    </Box>
  );
}
