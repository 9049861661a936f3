/** A Cognito request-rate quota category; the quota is per account and region, summed over all pools. */
export type QuotaCategory =
  | 'UserList'
  | 'UserRead'
  | 'UserResourceRead'
  | 'UserResourceUpdate'
  | 'UserPoolRead'
  | 'UserPoolResourceRead'
  | 'UserPoolClientRead';

/** One quota category: the operations it covers, its default requests per second, and whether AWS raises it on request. */
export interface QuotaCategoryInfo {
  category: QuotaCategory;
  operations: readonly string[];
  defaultRps: number;
  adjustable: boolean;
}

/** The request-rate quotas from the Cognito quotas page (see COGNITO-FACTS.md). */
export const QUOTAS: Readonly<Record<QuotaCategory, QuotaCategoryInfo>> = {
  UserList: { category: 'UserList', operations: ['ListUsers', 'ListUsersInGroup'], defaultRps: 30, adjustable: false },
  UserRead: { category: 'UserRead', operations: ['AdminGetUser'], defaultRps: 120, adjustable: true },
  UserResourceRead: {
    category: 'UserResourceRead', operations: ['AdminListUserAuthEvents', 'AdminListGroupsForUser'], defaultRps: 50, adjustable: true,
  },
  UserResourceUpdate: { category: 'UserResourceUpdate', operations: ['AdminUpdateAuthEventFeedback'], defaultRps: 25, adjustable: false },
  UserPoolRead: { category: 'UserPoolRead', operations: ['ListUserPools', 'DescribeUserPool'], defaultRps: 15, adjustable: false },
  UserPoolResourceRead: { category: 'UserPoolResourceRead', operations: ['DescribeRiskConfiguration'], defaultRps: 20, adjustable: false },
  UserPoolClientRead: {
    category: 'UserPoolClientRead', operations: ['ListUserPoolClients', 'DescribeUserPoolClient'], defaultRps: 15, adjustable: false,
  },
};

/** Requests per second an account has for some categories when AWS raised them above the default. */
export type QuotaOverrides = Partial<Record<QuotaCategory, number>>;

/**
 * The calls a sweep sends, keyed by the gateway method that sends them: the Cognito operation, its quota
 * category, and the items per page the gateway asks for.
 */
export const SWEEP_CALLS = {
  listUsers: { operation: 'ListUsers', category: 'UserList', pageSize: 60 },
  listAuthEvents: { operation: 'AdminListUserAuthEvents', category: 'UserResourceRead', pageSize: 60 },
} as const satisfies Record<string, { operation: string; category: QuotaCategory; pageSize: number }>;

/** The quota category an operation counts against, or undefined for an operation no category lists. */
export function quotaCategoryOf(operation: string): QuotaCategory | undefined {
  return (Object.values(QUOTAS) as QuotaCategoryInfo[]).find((q) => q.operations.includes(operation))?.category;
}

/** The quota of a category in requests per second: the override when one is given, else the default. */
export function quotaRps(category: QuotaCategory, overrides: QuotaOverrides = {}): number {
  const raised = overrides[category];
  return raised !== undefined && raised > 0 ? raised : QUOTAS[category].defaultRps;
}
