import type { CognitoGateway, User } from '../gateway/types.ts';
import { emptyList, type ListError, type PagedList } from './paged-list.ts';
import { isUserKeyOf, isUserRoute, listKey, renameUserRoutes, userKey, userListRefs, type Route, type UserRoute } from './routes.ts';
import { lookupFilters, lookupPrecedence } from './search.ts';
import type { AppState, Flash } from './state.ts';
import { toListError } from './store-kit.ts';

/** What looking a user up needs from the store. */
export interface UserLookupDeps {
  get: () => AppState;
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
  flash: (level: Flash['level'], text: string) => void;
  gateway: () => CognitoGateway;
  /** Loads what a view shows; called again for the view on top once its user is named canonically. */
  enter: (route: Route) => void;
  /** The signal of a lookup's requests by its user key: aborted once no view on the stack shows that user. */
  signal: (key: string) => AbortSignal;
}

/** Resolves what a route names a user by to the username Cognito keys them by. */
export interface UserLookup {
  /**
   * True when `route` names its user by the canonical username of a row already known, so the user's lists may be
   * read. Otherwise answers false and either looks the row up (ListUsers by username, email or sub) or, the row being
   * known, renames the routes; the view on top is entered again once its route names the user canonically.
   */
  canonical(route: UserRoute): boolean;
  /** Reads the whole row of a user of whom only the list row is known. */
  complete(poolId: string, username: string): void;
}

/**
 * Finds users through ListUsers filters, never AdminGetUser (billed per user). Every admin call for a user takes the
 * canonical `Username`: an email or phone number is accepted only where the pool declares it an alias, so a user named
 * by what someone typed (`--user`, `:user`) is looked up first, and only then are their groups, devices and events read.
 */
export function createUserLookup({ get, set, flash, gateway, enter, signal }: UserLookupDeps): UserLookup {
  /** Lookups under way by user key, with the signal that aborts them; an aborted one no longer counts. */
  const resolving = new Map<string, AbortSignal | undefined>();
  const underWay = (key: string) => resolving.has(key) && resolving.get(key)?.aborted !== true;
  const done = (key: string, by: AbortSignal | undefined) => { if (resolving.get(key) === by) resolving.delete(key); };

  async function find(poolId: string, query: string, opts?: { signal: AbortSignal }): Promise<User | undefined> {
    const filters = lookupFilters(query);
    const pages = await Promise.all(filters.map((filter) => gateway().listUsers(poolId, filter, undefined, opts)));
    for (const i of lookupPrecedence(filters)) if (pages[i].items[0]) return pages[i].items[0];
    return undefined;
  }

  function withoutUserLists(lists: Record<string, PagedList<unknown>>, poolId: string, name: string) {
    const next = { ...lists };
    for (const ref of userListRefs(poolId, name)) delete next[listKey(ref)];
    return next;
  }

  function settle(poolId: string, name: string, username: string) {
    set((s) => ({ stack: renameUserRoutes(s.stack, poolId, name, username), lists: withoutUserLists(s.lists, poolId, name) }));
    const stack = get().stack;
    const top = stack[stack.length - 1];
    if (isUserRoute(top) && top.poolId === poolId && top.username === username) enter(top);
  }

  function notFound(poolId: string, name: string, error: ListError) {
    const key = userKey(poolId, name);
    set((s) => {
      const lists = { ...s.lists };
      for (const ref of userListRefs(poolId, name)) lists[listKey(ref)] = { ...emptyList(), error };
      return { missingUsers: { ...s.missingUsers, [key]: error.message }, lists };
    });
    flash('error', error.message);
  }

  function lookUp(poolId: string, name: string) {
    const key = userKey(poolId, name);
    if (underWay(key)) return;
    const opts = { signal: signal(key) };
    resolving.set(key, opts.signal);
    set((s) => {
      const { [key]: _gone, ...missingUsers } = s.missingUsers;
      return { missingUsers, lists: withoutUserLists(s.lists, poolId, name) };
    });
    find(poolId, name, opts).finally(() => done(key, opts.signal)).then(
      (user) => {
        if (!user) {
          notFound(poolId, name, { kind: 'not-found', retryable: false, message: `No user "${name}" in pool ${poolId}: check the username, email or sub.` });
          return;
        }
        set((s) => ({ users: { ...s.users, [key]: user, [userKey(poolId, user.username)]: user } }));
        settle(poolId, name, user.username);
      },
      (error) => { if (!opts.signal.aborted) notFound(poolId, name, toListError(error)); },
    );
  }

  function complete(poolId: string, username: string) {
    const key = userKey(poolId, username);
    const known = get().users[key];
    if (!known?.partial || underWay(key)) return;
    resolving.set(key, undefined);
    find(poolId, known.username).finally(() => done(key, undefined)).then(
      (user) => {
        if (!user) return;
        set((s) => {
          const users = { ...s.users };
          for (const [k, u] of Object.entries(s.users)) if (isUserKeyOf(k, poolId) && u.username === user.username) users[k] = user;
          return { users };
        });
      },
      () => {},
    );
  }

  return {
    canonical(route) {
      const { poolId, username: name } = route;
      const row = get().users[userKey(poolId, name)];
      if (!row) {
        lookUp(poolId, name);
        return false;
      }
      if (row.partial) complete(poolId, row.username);
      if (row.username === name) return true;
      settle(poolId, name, row.username);
      return false;
    },
    complete,
  };
}
