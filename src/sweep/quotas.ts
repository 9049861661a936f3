import { PAGE_SIZE } from '../gateway/types.ts';

/** A Cognito request-rate quota category; the quota is per account and region, summed over all pools. */
export type QuotaCategory =
  | 'UserList'
  | 'UserRead'
  | 'UserResourceRead'
  | 'UserResourceUpdate'
  | 'UserPoolRead'
  | 'UserPoolResourceRead'
  | 'UserPoolClientRead';

/** The default requests per second of each category, from the Cognito quotas page (see COGNITO-FACTS.md). */
export const QUOTAS: Readonly<Record<QuotaCategory, number>> = {
  UserList: 30,
  UserRead: 120,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserPoolRead: 15,
  UserPoolResourceRead: 20,
  UserPoolClientRead: 15,
};

/** Requests per second an account has for some categories when AWS raised them above the default. */
export type QuotaOverrides = Partial<Record<QuotaCategory, number>>;

/**
 * The calls a sweep sends, keyed by the gateway method that sends them: the Cognito operation, its quota
 * category, and the items per page the gateway asks for.
 */
export const SWEEP_CALLS = {
  listUsers: { operation: 'ListUsers', category: 'UserList', pageSize: PAGE_SIZE },
  listAuthEvents: { operation: 'AdminListUserAuthEvents', category: 'UserResourceRead', pageSize: PAGE_SIZE },
} as const satisfies Record<string, { operation: string; category: QuotaCategory; pageSize: number }>;

/** The quota of a category in requests per second: the override when one is given, else the default. */
export function quotaRps(category: QuotaCategory, overrides: QuotaOverrides = {}): number {
  const raised = overrides[category];
  return raised !== undefined && raised > 0 ? raised : QUOTAS[category];
}
