import { requirePool, requireUser } from '../context.ts';
import type { EmulatorContext, OperationHandler } from '../context.ts';
import { CognitoError } from '../errors.ts';
import type { GroupRecord } from '../model.ts';
import { pageByKey } from '../paging.ts';
import type { Page } from '../paging.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { groupType, userType } from '../wire.ts';

const LIMIT = { min: 0, max: 60 } as const;

function pageGroups(
  ctx: EmulatorContext,
  scope: unknown[],
  groups: readonly GroupRecord[],
  token: string | undefined,
  limit: number | undefined,
): Page<GroupRecord> {
  const position = token === undefined ? undefined : ctx.tokens.decode(scope, token);
  return pageByKey(groups, (g) => [g.name, 0] as const, position, limit || 60);
}

function withNextToken(ctx: EmulatorContext, scope: unknown[], out: Record<string, unknown>, next: unknown): Record<string, unknown> {
  if (next !== undefined) out.NextToken = ctx.tokens.encode(scope, next);
  return out;
}

/** ListGroups: Limit 0..60 (0 or absent = 60), NextToken; groups sorted by name. */
export const listGroups: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const limit = v.integer('Limit', LIMIT);
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const scope = ['ListGroups', pool.def.id];
  const page = pageGroups(ctx, scope, pool.groups(), token, limit);
  return withNextToken(ctx, scope, { Groups: page.items.map((g) => groupType(pool.def.id, g)) }, page.next);
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
  const groups = pool.groups().filter((g) => g.members.includes(user.ordinal));
  const scope = ['AdminListGroupsForUser', pool.def.id, user.username];
  const page = pageGroups(ctx, scope, groups, token, limit);
  return withNextToken(ctx, scope, { Groups: page.items.map((g) => groupType(pool.def.id, g)) }, page.next);
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
  const group = pool.groups().find((g) => g.name === groupName);
  if (group === undefined) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  const users = pool.users();
  const members = group.members.map((ordinal) => users[ordinal]);
  const scope = ['ListUsersInGroup', pool.def.id, group.name];
  const position = token === undefined ? undefined : ctx.tokens.decode(scope, token);
  const page = pageByKey(members, (u) => ['', u.ordinal] as const, position, limit || 60);
  return withNextToken(ctx, scope, { Users: page.items.map((u) => userType(u)) }, page.next);
};
