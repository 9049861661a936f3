import type { User } from '../gateway/types.ts';

/** The attributes a user list row shows; the rest are read again when the user is opened. */
const LIST_ATTRIBUTES = ['email', 'name', 'given_name', 'family_name'] as const;

const NO_MFA: string[] = [];

/**
 * A user list row reduced to what the list draws, so that a list of 100,000 users stays small. It is marked
 * partial: opening the user looks the whole row up with ListUsers (never AdminGetUser, which is billed).
 */
export function compactUser(u: User): User {
  const attributes: Record<string, string> = {};
  for (const name of LIST_ATTRIBUTES) {
    const value = u.attributes[name];
    if (value !== undefined) attributes[name] = value;
  }
  return {
    username: u.username, enabled: u.enabled, status: u.status, createdAt: u.createdAt, modifiedAt: u.modifiedAt,
    attributes, mfaOptions: u.mfaOptions.length ? u.mfaOptions : NO_MFA, partial: true,
  };
}
