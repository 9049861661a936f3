import type { ShapedRows } from '../domain/canned-queries.ts';
import { canonicalIp } from '../domain/ip-pivot.ts';
import type { User } from '../gateway/types.ts';
import type { QueryRow } from './logs-state.ts';

/** Columns that name a user, in the order they are preferred (a sub is resolved to the username when opened). */
const USER_COLUMNS = ['user', 'message.userName', 'userName', 'username', 'message.userSub', 'userSub', 'sub'];
/** Columns that carry a sign-in address. */
const IP_COLUMNS = ['ip', 'message.ipAddress', 'ipAddress'];

function firstOf(cells: Record<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = cells[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The result rows as the list keeps them: each with the user and the (canonical) IP address it names. */
export function queryRowsOf(shaped: ShapedRows): QueryRow[] {
  return shaped.rows.map((cells, n) => {
    const user = firstOf(cells, USER_COLUMNS);
    const ip = canonicalIp(firstOf(cells, IP_COLUMNS));
    return { n, cells, ...(user ? { user } : {}), ...(ip ? { ip } : {}) };
  });
}

/** The row of a user known only by name (from the logs): opening them looks them up by name, email or sub. */
export function unknownUser(username: string): User {
  return { username, enabled: true, status: '', attributes: {}, mfaOptions: [], partial: true };
}

/** The user of a query row, for marks and the containment playbook; a row naming none has the empty name. */
export function queryRowUser(row: QueryRow): User {
  return unknownUser(row.user ?? '');
}
