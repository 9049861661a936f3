import type { CognitoGateway, User } from '../gateway/types.ts';
import { userKey } from './routes.ts';
import { lookupFilters } from './search.ts';
import type { AppState, Flash } from './state.ts';
import { toListError } from './store-kit.ts';

/** What looking a user up needs from the store. */
export interface UserLookupDeps {
  get: () => AppState;
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
  flash: (level: Flash['level'], text: string) => void;
  gateway: () => CognitoGateway;
}

/**
 * Finds a user's whole row by what a route names them with (username, email or sub) through ListUsers filters,
 * never AdminGetUser (billed per user). A user whose whole row is known, or is being looked up, is not asked for again.
 */
export function createUserLookup({ get, set, flash, gateway }: UserLookupDeps): (poolId: string, query: string) => void {
  const resolving = new Set<string>();

  async function find(poolId: string, query: string): Promise<User | undefined> {
    for (const filter of lookupFilters(query)) {
      const page = await gateway().listUsers(poolId, filter);
      if (page.items[0]) return page.items[0];
    }
    return undefined;
  }

  return (poolId, query) => {
    const key = userKey(poolId, query);
    const known = get().users[key];
    if ((known && !known.partial) || resolving.has(key)) return;
    resolving.add(key);
    if (get().missingUsers[key]) {
      const { [key]: _gone, ...rest } = get().missingUsers;
      set({ missingUsers: rest });
    }
    const missing = (message: string) => {
      set((s) => ({ missingUsers: { ...s.missingUsers, [key]: message } }));
      flash('error', message);
    };
    find(poolId, query).finally(() => resolving.delete(key)).then(
      (user) => {
        if (user) set((s) => ({ users: { ...s.users, [key]: user } }));
        else missing(`No user "${query}" in pool ${poolId}: check the username, email or sub.`);
      },
      (error) => missing(toListError(error).message),
    );
  };
}
