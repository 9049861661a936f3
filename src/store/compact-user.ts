import type { User } from '../gateway/types.ts';
import { fillingChunk, type UserChunk } from './user-chunk.ts';

const NO_MFA: readonly string[] = Object.freeze([]);

/**
 * A user list row: its index in a chunk of packed rows, each field decoded when read, and the rest of User derived.
 * The chunk is on the prototype (a subclass per chunk), so a million rows cost one small object each and the bytes
 * of their text, not six V8 values each.
 */
abstract class PackedUser implements User {
  protected abstract readonly chunk: UserChunk;
  declare private readonly row: number;

  constructor(row: number) {
    this.row = row;
  }

  get username(): string {
    return this.chunk.username(this.row);
  }

  get enabled(): boolean {
    return this.chunk.enabled(this.row);
  }

  get status(): string {
    return this.chunk.status(this.row);
  }

  get createdAt(): number | undefined {
    return this.chunk.createdAt(this.row);
  }

  get modifiedAt(): undefined {
    return undefined;
  }

  get attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    const email = this.chunk.email(this.row);
    const name = this.chunk.name(this.row);
    if (email !== undefined) attributes.email = email;
    if (name !== undefined) attributes.name = name;
    return attributes;
  }

  get mfaOptions(): string[] {
    return NO_MFA as string[];
  }

  get partial(): true {
    return true;
  }

  toJSON(): User {
    return { username: this.username, enabled: this.enabled, status: this.status, createdAt: this.createdAt, attributes: this.attributes, mfaOptions: [], partial: true };
  }
}

type RowClass = new (row: number) => PackedUser;

function rowClass(chunk: UserChunk): RowClass {
  return class extends PackedUser {
    protected get chunk(): UserChunk {
      return chunk;
    }
  };
}

/** The chunk rows are being packed into, and its row class. */
let filling: { chunk: UserChunk; Row: RowClass } | undefined;

/** The given and family names joined by a space, either alone when the other is missing or empty; undefined when both are. */
function composedName(given: string | undefined, family: string | undefined): string | undefined {
  if (!given) return family || undefined;
  return family ? `${given} ${family}` : given;
}

/**
 * A user list row reduced to what the list draws (email, and the name, composed from the given and family names
 * when there is none), packed so that a list of a million users stays small. It is marked partial: opening the user
 * looks the whole row up with ListUsers (never AdminGetUser, which is billed).
 */
export function compactUser(u: User): User {
  const a = u.attributes;
  const chunk = fillingChunk();
  if (filling?.chunk !== chunk) filling = { chunk, Row: rowClass(chunk) };
  return new filling.Row(chunk.add(u, a.email, (a.name ?? composedName(a.given_name, a.family_name)) || undefined));
}

/** Every user of a page as list rows (see compactUser). */
export function compactUsers(users: readonly User[]): User[] {
  const rows = new Array<User>(users.length);
  for (let i = 0; i < users.length; i++) rows[i] = compactUser(users[i]);
  return rows;
}

/** A plain copy of any user (a compact row's derived fields included) with `change` applied; spreading a row would drop them. */
export function userWith(u: User, change: Partial<User>): User {
  return {
    username: u.username, enabled: u.enabled, status: u.status, createdAt: u.createdAt, modifiedAt: u.modifiedAt,
    attributes: u.attributes, mfaOptions: u.mfaOptions, ...(u.partial ? { partial: true } : {}), ...change,
  };
}
