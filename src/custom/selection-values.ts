import type { AuthEvent, User } from '../gateway/types.ts';
import { displayedList } from '../store/displayed-list.ts';
import { selectedItem } from '../store/paged-list.ts';
import { userKey } from '../store/routes.ts';
import { viewSpec } from '../views/registry.ts';
import { canonicalUsername, currentListRef, currentRoute } from '../store/selectors.ts';
import type { AppState } from '../store/state.ts';
import type { TemplateValues } from './templates.ts';

function isUser(item: unknown): item is User {
  return typeof item === 'object' && item !== null && 'username' in item && 'attributes' in item;
}

function isEvent(item: unknown): item is AuthEvent {
  return typeof item === 'object' && item !== null && 'id' in item && 'challenges' in item;
}

function userValues(user: User, full: User | undefined): TemplateValues {
  const attributes = { ...user.attributes, ...full?.attributes };
  return { Username: user.username, Sub: attributes.sub, Email: attributes.email };
}

/**
 * What a custom command's templates are filled from: the route on screen (its pool, user, IP), the row under the
 * cursor (a user, an event, a sweep finding's user, a pool), and the connection (region, profile). The user's whole
 * row, once read, completes a list row that keeps only some attributes (its sub).
 */
export function selectionValues(state: AppState): TemplateValues {
  const route = currentRoute(state);
  const values: TemplateValues = { Region: state.target.region, Profile: state.target.profile };
  const poolId = 'poolId' in route ? route.poolId : undefined;
  if (poolId) values.PoolId = poolId;
  if (poolId && 'username' in route) {
    const username = canonicalUsername(state, poolId, route.username);
    const whole = state.users[userKey(poolId, username)];
    Object.assign(values, whole ? userValues(whole, undefined) : { Username: username });
  }
  if ('address' in route && typeof route.address === 'string') values.IpAddress = route.address;
  const spec = viewSpec(route);
  const ref = currentListRef(state);
  const item = spec.copyValue ? spec.copyValue(route, state) : ref ? selectedItem(displayedList(state, ref)) : undefined;
  const row = item && typeof item === 'object' && 'user' in item && isUser((item as { user: unknown }).user) ? (item as { user: User }).user : item;
  if (isUser(row)) Object.assign(values, userValues(row, poolId ? state.users[userKey(poolId, row.username)] : undefined));
  else if (isEvent(row)) Object.assign(values, { EventId: row.id, IpAddress: row.ip });
  else if (!poolId && typeof row === 'object' && row !== null && 'id' in row) values.PoolId = String((row as { id: unknown }).id);
  return values;
}
