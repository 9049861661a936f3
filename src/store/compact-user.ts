import type { User } from '../gateway/types.ts';

const NO_MFA: string[] = [];

/**
 * A user list row reduced to what the list draws (email, and the name, composed from the given and family names
 * when there is none), so that a list of 100,000 users stays small. It is marked partial: opening the user looks
 * the whole row up with ListUsers (never AdminGetUser, which is billed).
 */
export function compactUser(u: User): User {
  const a = u.attributes;
  const attributes: Record<string, string> = {};
  if (a.email !== undefined) attributes.email = a.email;
  const name = a.name ?? [a.given_name, a.family_name].filter(Boolean).join(' ');
  if (name) attributes.name = name;
  return {
    username: u.username, enabled: u.enabled, status: u.status, createdAt: u.createdAt, modifiedAt: undefined,
    attributes, mfaOptions: u.mfaOptions.length ? u.mfaOptions : NO_MFA, partial: true,
  };
}
