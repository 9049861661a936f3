import type { CallOptions, CognitoGateway, Page, User } from '../gateway/types.ts';
import { logRows } from './api-stats.ts';
import { compactUser } from './compact-user.ts';
import { ipPivotRows } from './ip-pivot-list.ts';
import { listKey, type ListRef } from './routes.ts';
import type { AppState } from './state.ts';

/** What a list's first page may set off: the pool's details, the whole row of the user whose list it is. */
export interface FirstPageHooks {
  ensurePool: (poolId: string) => void;
  completeUser: (poolId: string, username: string) => void;
}

/** Where one kind of paged list comes from: its page fetch, how rows are kept, and what its first page sets off. */
export interface ListSource<R extends ListRef> {
  fetch: (gw: CognitoGateway, ref: R, token: string | undefined, opts: CallOptions, state: AppState) => Promise<Page<unknown>>;
  /** Turns fetched items into stored rows (a users list keeps compact rows). */
  prepare?: (items: unknown[]) => unknown[];
  /** G grows the rows shown in place rather than copying them per publish (appendRows): no consumer keys on the rows array alone. */
  appendInPlace?: true;
  firstPage?: (ref: R, hooks: FirstPageHooks) => void;
}

type Sources = { [K in ListRef['kind']]: ListSource<Extract<ListRef, { kind: K }>> };

/** Every kind of paged list, by kind. */
const SOURCES: Sources = {
  pools: { fetch: (gw, _ref, token, opts) => gw.listUserPools(token, opts) },
  users: {
    fetch: (gw, ref, token, opts) => gw.listUsers(ref.poolId, ref.filter || undefined, token, opts),
    prepare: (items) => (items as User[]).map(compactUser),
    appendInPlace: true,
    firstPage: (ref, hooks) => hooks.ensurePool(ref.poolId),
  },
  clients: { fetch: (gw, ref, token, opts) => gw.listAppClients(ref.poolId, token, opts) },
  groups: { fetch: (gw, ref, token, opts) => gw.listGroupsForUser(ref.poolId, ref.username, token, opts) },
  devices: { fetch: (gw, ref, token, opts) => gw.listDevices(ref.poolId, ref.username, token, opts) },
  events: {
    fetch: (gw, ref, token, opts) => gw.listAuthEvents(ref.poolId, ref.username, token, opts),
    firstPage: (ref, hooks) => hooks.completeUser(ref.poolId, ref.username),
  },
  findings: { fetch: () => Promise.resolve({ items: [] }) },
  log: { fetch: (_gw, _ref, _token, _opts, state) => Promise.resolve({ items: logRows(state.api) }) },
  'groups-of-pool': { fetch: (gw, ref, token, opts) => gw.listGroups(ref.poolId, token, opts), firstPage: (ref, hooks) => hooks.ensurePool(ref.poolId) },
  'group-users': {
    fetch: (gw, ref, token, opts) => gw.listUsersInGroup(ref.poolId, ref.group, token, opts),
    prepare: (items) => (items as User[]).map(compactUser),
    appendInPlace: true,
    firstPage: (ref, hooks) => hooks.ensurePool(ref.poolId),
  },
  appClients: { fetch: (gw, ref, token, opts) => gw.listAppClients(ref.poolId, token, opts) },
  ip: { fetch: (_gw, ref, _token, _opts, state) => Promise.resolve({ items: ipPivotRows(state, ref.poolId, ref.address) }) },
  journal: { fetch: (_gw, ref, _token, _opts, state) => Promise.resolve({ items: state.lists[listKey(ref)]?.items ?? [] }) },
  query: { fetch: (_gw, ref, _token, _opts, state) => Promise.resolve({ items: state.lists[listKey(ref)]?.items ?? [] }) },
};

/** The source of a list. */
export function listSource(ref: ListRef): ListSource<ListRef> {
  return SOURCES[ref.kind] as ListSource<ListRef>;
}
