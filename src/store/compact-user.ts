import type { User } from '../gateway/types.ts';

const NO_MFA: readonly string[] = Object.freeze([]);

/**
 * A user list row: six fields in one object, and the rest of User derived when read. Held by the hundred thousand
 * in a long list, it is about half the size of a plain User with its own attributes object.
 */
class CompactUser implements User {
  constructor(
    readonly username: string,
    readonly enabled: boolean,
    readonly status: string,
    readonly createdAt: number | undefined,
    private readonly email: string | undefined,
    private readonly name: string | undefined,
  ) {}

  get modifiedAt(): undefined {
    return undefined;
  }

  get attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    if (this.email !== undefined) attributes.email = this.email;
    if (this.name !== undefined) attributes.name = this.name;
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

/**
 * A user list row reduced to what the list draws (email, and the name, composed from the given and family names
 * when there is none), so that a list of 100,000 users stays small. It is marked partial: opening the user looks
 * the whole row up with ListUsers (never AdminGetUser, which is billed).
 */
export function compactUser(u: User): User {
  const a = u.attributes;
  const name = a.name ?? [a.given_name, a.family_name].filter(Boolean).join(' ');
  return new CompactUser(u.username, u.enabled, u.status, u.createdAt, a.email, name || undefined);
}

/** A plain copy of any user (a compact row's derived fields included) with `change` applied; spreading a row would drop them. */
export function userWith(u: User, change: Partial<User>): User {
  return {
    username: u.username, enabled: u.enabled, status: u.status, createdAt: u.createdAt, modifiedAt: u.modifiedAt,
    attributes: u.attributes, mfaOptions: u.mfaOptions, ...(u.partial ? { partial: true } : {}), ...change,
  };
}
