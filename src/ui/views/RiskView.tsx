import { Box, Text } from 'ink';
import type { AppClient } from '../../gateway/types.ts';
import { selectedItem } from '../../store/paged-list.ts';
import { riskKey } from '../../store/routes.ts';
import type { Resource } from '../../store/state.ts';
import type { RiskConfiguration } from '../../gateway/types.ts';
import { CLIENT_COLUMNS } from '../columns.ts';
import { Fields } from '../components/Fields.tsx';
import { ListView } from '../components/ListView.tsx';
import { riskFields } from '../risk-fields.ts';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';
import { PoolLine } from './PoolLine.tsx';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

function ConfigPanel({ title, resource, width, note }: { title: string; resource: Resource<RiskConfiguration> | undefined; width: number; note?: string }) {
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">{safeText(title)}</Text>
      {note ? <Text color="cyan" wrap="truncate">{note}</Text> : null}
      {!resource ? <Text dimColor>press enter to load</Text>
        : resource.error ? <Text color="red" wrap="truncate">{`✖ ${resource.error.message}`}</Text>
        : !resource.value ? <Text color="cyan">Loading…</Text>
        : <Fields fields={riskFields(resource.value)} width={width} />}
    </Box>
  );
}

/** The pool's risk configuration beside the selected app client's. */
export function RiskView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const clients = useList<AppClient>({ kind: 'clients', poolId });
  const client = selectedItem(clients);
  const pool = useAppState((s) => s.risk[riskKey(poolId, undefined)]);
  const clientCfg = useAppState((s) => (client ? s.risk[riskKey(poolId, client.id)] : undefined));
  const half = Math.floor((width - 2) / 2);
  const own = clientCfg?.value?.clientId === client?.id && client !== undefined;
  const note = clientCfg?.value ? (own ? 'client-level configuration: overrides the pool default' : 'no client-level configuration: the pool default applies') : undefined;
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Box flexDirection="row" marginTop={1}>
        <ConfigPanel title="Pool default" resource={pool} width={half} />
        <Box width={2} />
        <ConfigPanel title={client ? `App client ${client.name}` : 'App client'} resource={clientCfg} width={half} note={note} />
      </Box>
      <Box marginTop={1}>
        <ListView list={clients} columns={CLIENT_COLUMNS} width={width} height={Math.max(2, height - 20)} noun="app clients" now={now}
          emptyText="This pool has no app clients." />
      </Box>
    </Box>
  );
}
