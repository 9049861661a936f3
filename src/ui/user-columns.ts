import type { User } from '../gateway/types.ts';
import { USER_COLUMNS, type Column } from './columns.ts';

const chosen = new Map<string, Column<User>[]>();

/**
 * The users list's columns in the order a pool's config names them (`pools.<id>.columns`: username, email, name,
 * status, enabled, created); all of them, in their own order, when it names none. The same names give the same
 * array, so the list's layout cache holds.
 */
export function userColumns(names: readonly string[] | undefined): Column<User>[] {
  if (!names || names.length === 0) return USER_COLUMNS;
  const key = names.join(',');
  let columns = chosen.get(key);
  if (!columns) {
    columns = names.map((n) => USER_COLUMNS.find((c) => c.header.toLowerCase() === n)).filter((c): c is Column<User> => c !== undefined);
    chosen.set(key, columns);
  }
  return columns;
}
