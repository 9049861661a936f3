import type { AuthEvent, User } from '../gateway/types.ts';
import type { IpPivotRow } from '../domain/ip-pivot.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { compactUser, userWith } from './compact-user.ts';
import type { ListRef } from './routes.ts';
import type { QueryRow } from './logs-state.ts';
import { queryRowUser } from './query-rows.ts';

/** How a list's rows carry a user: read the user of a row, and put a changed user back in it. */
interface UserRows {
  user: (row: unknown) => User;
  withUser: (row: unknown, user: User) => unknown;
}

/** The lists whose rows are users (or carry one), by list kind; a new list of users adds its line here. */
const USER_ROWS: Partial<Record<ListRef['kind'], UserRows>> = {
  users: { user: (row) => row as User, withUser: (_row, user) => compactUser(user) },
  'group-users': { user: (row) => row as User, withUser: (_row, user) => compactUser(user) },
  findings: { user: (row) => (row as SweepFinding).user, withUser: (row, user) => ({ ...(row as SweepFinding), user }) },
  ip: { user: (row) => (row as IpPivotRow).user, withUser: (row, user) => ({ ...(row as IpPivotRow), user }) },
  query: { user: (row) => queryRowUser(row as QueryRow), withUser: (row) => row },
};

/** True when the rows of lists of `kind` are users (or carry one). */
export function isUserListKind(kind: string): boolean {
  return kind in USER_ROWS;
}

/** The user a row of `ref`'s list carries, or undefined for a list of other rows. */
export function rowUser(ref: Pick<ListRef, 'kind'>, row: unknown): User | undefined {
  return USER_ROWS[ref.kind]?.user(row);
}

/** The id a row is marked by: an event's id, a user's username (a finding's is its user's). */
export function markId(ref: Pick<ListRef, 'kind'>, row: unknown): string {
  const user = rowUser(ref, row);
  return user ? user.username : (row as AuthEvent).id;
}

/** The row of a list of `kind` with `change` applied to its user when it is `username`'s; undefined when it is not theirs. */
export function rowWithUserChange(kind: string, row: unknown, username: string, change: Partial<User>): unknown {
  const rows = USER_ROWS[kind as ListRef['kind']];
  if (!rows) return undefined;
  const user = rows.user(row);
  return user.username === username ? rows.withUser(row, userWith(user, change)) : undefined;
}
