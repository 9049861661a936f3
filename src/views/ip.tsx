import { Box, Text } from 'ink';
import type { IpPivotRow } from '../domain/ip-pivot.ts';
import { BULK_USER_KEYS } from '../keys/bulk-bindings.ts';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { openKey } from '../keys/shared-bindings.ts';
import { describeIpPivotScope, ipPivotRows, ipPivotScope, knownOnlyByName } from '../store/ip-pivot-list.ts';
import { listKey, userKey, type ListRef } from '../store/routes.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition } from '../ui/components/StatusLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import { PoolLine } from '../ui/views/PoolLine.tsx';
import { useList } from '../ui/views/use-list.ts';
import { useMarks } from '../ui/views/use-marks.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import type { ViewSpec } from './view-spec.ts';
import { IP_COLUMNS } from '../ui/view-columns.ts';


/** The users whose read events carry one IP address, newest first, and what was searched. */
function IpView({ poolId, address, width, height, now }: ViewProps & { poolId: string; address: string }) {
  const ref: ListRef = { kind: 'ip', poolId, address };
  const rows = useList<IpPivotRow>(ref);
  const marks = useMarks(ref);
  const scope = useAppState((s) => describeIpPivotScope(ipPivotScope(s, poolId, address)));
  return (
    <Box flexDirection="column">
      <PoolLine poolId={poolId} />
      <Text wrap="truncate">
        <Text>users with events from </Text>
        <Text bold>{safeText(address)}</Text>
        <Text dimColor>{` · ${scope}`}</Text>
      </Text>
      <Text dimColor wrap="truncate">enter opens a user&apos;s events · space marks users for d, S, p, m · r searches again what is loaded now</Text>
      <ListView list={rows} pageKey={listKey(ref)} columns={IP_COLUMNS} width={width} height={height - 5} noun="users" now={now}
        isMarked={marks.isMarked}
        emptyText={`No loaded or swept event comes from ${safeText(address)}: open more users' events, or sweep the pool (s on its users), then r.`}
        status={`${listPosition(rows)} users from ${safeText(address)}${marks.status}`} />
    </Box>
  );
}

/** The route of an IP pivot: the users of a pool whose read events carry an address. */
export interface IpRoute {
  view: 'ip';
  poolId: string;
  /** Canonical text of the address (see canonicalIp). */
  address: string;
}

function recompute(route: IpRoute, ctx: Parameters<NonNullable<ViewSpec<IpRoute>['enter']>>[1]) {
  const ref: ListRef = { kind: 'ip', poolId: route.poolId, address: route.address };
  const items = ipPivotRows(ctx.get(), route.poolId, route.address);
  const was = ctx.list<IpPivotRow>(ref);
  ctx.setList(ref, { ...was, items, cursor: Math.min(was.cursor, Math.max(0, items.length - 1)), complete: true, pagesLoaded: 1, loading: false, error: undefined });
}

/** The IP pivot: every user whose loaded events or sweep findings carry one address, to open and mark. */
export const ipView: ViewSpec<IpRoute> = {
  name: 'ip',
  title: 'IP pivot',
  crumbs: (route) => [`ip ${route.address}`],
  lists: (route) => [{ kind: 'ip', poolId: route.poolId, address: route.address }],
  enter: (route, ctx) => {
    ctx.get().actions.ensurePool(route.poolId);
    recompute(route, ctx);
    ctx.get().actions.askIpPivot(route.poolId, route.address);
  },
  refresh: (route, ctx) => recompute(route, ctx),
  open: (route, item, ctx) => {
    if (!item) return;
    const { user } = item as IpPivotRow;
    const key = userKey(route.poolId, user.username);
    if (!ctx.get().users[key] && !knownOnlyByName(user)) ctx.set((s) => ({ users: { ...s.users, [key]: user } }));
    ctx.push({ view: 'events', poolId: route.poolId, username: user.username });
  },
  keys: [
    openKey('open the user\'s events', 'events'),
    { keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else back', run: ({ actions }) => { if (!actions.clearMarks()) actions.back(); } },
    ...BULK_USER_KEYS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <IpView {...props} poolId={route.poolId} address={route.address} />,
};
