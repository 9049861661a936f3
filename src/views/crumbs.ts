import { userKey } from '../store/routes.ts';
import type { AppState } from '../store/state.ts';

/** The user a route names: the pool's username for them and their email once their row is known, else what was typed. */
export function userCrumb(state: AppState, poolId: string, name: string): string {
  const key = userKey(poolId, name);
  const row = state.users[key];
  if (row?.username !== name) return `${name} (${state.missingUsers[key] ? 'not found' : 'looking up…'})`;
  const email = row.attributes.email;
  return email && email !== row.username ? `${row.username} (${email})` : row.username;
}
