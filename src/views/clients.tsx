import { Box } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey } from '../keys/shared-bindings.ts';
import { listKey } from '../store/routes.ts';
import type { ViewSpec } from './view-spec.ts';
import type { AppClient } from '../gateway/types.ts';
import { CLIENT_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';

/** The app clients of one pool, paged from the server. */
function ClientsView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const list = useList<AppClient>({ kind: 'appClients', poolId });
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <ListView list={list} pageKey={listKey({ kind: 'appClients', poolId })} columns={CLIENT_COLUMNS} width={width} height={height - 3} noun="app clients" now={now}
        emptyText="This pool has no app clients." />
    </Box>
  );
}

/** The route of one pool's app clients. */
export interface ClientsRoute {
  view: 'clients';
  poolId: string;
}

/** A pool's app clients (ListUserPoolClients), lazily paged; enter shows one. */
export const clientsView: ViewSpec<ClientsRoute> = {
  name: 'clients',
  title: 'App clients',
  crumbs: () => ['app clients'],
  lists: (route) => [{ kind: 'appClients', poolId: route.poolId }],
  enter: (route, ctx) => {
    ctx.get().actions.ensurePool(route.poolId);
    ctx.ensureList({ kind: 'appClients', poolId: route.poolId });
  },
  open: (route, item, ctx) => {
    if (item) ctx.push({ view: 'client', poolId: route.poolId, clientId: (item as AppClient).id });
  },
  keys: [openKey('show the app client\'s settings', 'details'), ...LIST_KEYS],
  Render: ({ route, ...props }) => <ClientsView {...props} poolId={route.poolId} />,
};
