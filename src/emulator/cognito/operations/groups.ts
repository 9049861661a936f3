import { requirePool, requireUser } from '../context.ts';
import type { CognitoContext, OperationHandler } from '../context.ts';
import { ServiceError } from '../../errors.ts';
import type { GroupRecord, UserRecord } from '../model.ts';
import { pageByKey, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import type { PoolStore } from '../pool-store.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { groupType, userType } from '../shapes.ts';

const LIMIT = { min: 0, max: 60 } as const;

function requireGroup(pool: PoolStore, name: string): GroupRecord {
  const group = pool.groups().find((g) => g.name === name);
  if (group === undefined) throw new ServiceError('ResourceNotFoundException', 'Group not found.');
  return group;
}

function groupsPage(
  ctx: CognitoContext,
  pool: PoolStore,
  scope: unknown[],
  groups: readonly GroupRecord[],
  token: string | undefined,
  limit: number | undefined,
): Record<string, unknown> {
  const page = pageByKey(groups, (g) => [g.name, 0] as const, positionOf(ctx.tokens, scope, token), pageSizeOf(limit));
  return withNextToken(ctx.tokens, scope, { Groups: page.items.map((g) => groupType(pool.def.id, g)) }, 'NextToken', page.next);
}

/** ListGroups: Limit 0..60 (0 or absent = 60), NextToken; groups sorted by name. */
export const listGroups: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const limit = v.integer('Limit', LIMIT);
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return groupsPage(ctx, pool, ['ListGroups', pool.def.id], pool.groups(), token, limit);
};

/** AdminListGroupsForUser: the user's groups, sorted by name. */
export const adminListGroupsForUser: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const limit = v.integer('Limit', LIMIT);
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const user = requireUser(pool, username as string);
  const scope = ['AdminListGroupsForUser', pool.def.id, user.username];
  return groupsPage(ctx, pool, scope, pool.groupsOf(user.ordinal), token, limit);
};

/** ListUsersInGroup: members in creation order. */
export const listUsersInGroup: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const groupName = v.string('GroupName', RULES.groupName);
  const limit = v.integer('Limit', LIMIT);
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const group = requireGroup(pool, groupName as string);
  const scope = ['ListUsersInGroup', pool.def.id, group.name];
  const page = pageByKey(group.members, (o) => ['', o] as const, positionOf(ctx.tokens, scope, token), pageSizeOf(limit));
  const users = page.items.map((o) => pool.userByOrdinal(o)).filter((u) => u !== undefined);
  return withNextToken(ctx.tokens, scope, { Users: users.map((u) => userType(u)) }, 'NextToken', page.next);
};

/** The pool, user and group a membership write names; an unknown group is a ResourceNotFoundException. */
function membershipTarget(ctx: CognitoContext, body: Record<string, unknown>): { pool: PoolStore; user: UserRecord; group: GroupRecord } {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  const groupName = v.string('GroupName', RULES.groupName);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const user = requireUser(pool, username as string);
  return { pool, user, group: requireGroup(pool, groupName as string) };
}

/** AdminAddUserToGroup: adding a member again changes nothing. */
export const adminAddUserToGroup: OperationHandler = (ctx, body) => {
  const { pool, user, group } = membershipTarget(ctx, body);
  pool.addToGroup(group, user);
  return {};
};

/** AdminRemoveUserFromGroup: removing a user who is not a member changes nothing. */
export const adminRemoveUserFromGroup: OperationHandler = (ctx, body) => {
  const { pool, user, group } = membershipTarget(ctx, body);
  pool.removeFromGroup(group, user);
  return {};
};
