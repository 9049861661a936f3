import { requirePool, requireUser } from '../context.ts';
import type { CognitoContext, OperationHandler } from '../context.ts';
import type { UserRecord } from '../model.ts';
import type { PoolStore } from '../pool-store.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { adminGetUserResponse } from '../shapes.ts';

function targetUser(ctx: CognitoContext, body: Record<string, unknown>): { pool: PoolStore; user: UserRecord } {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return { pool, user: requireUser(pool, username as string) };
}

/** AdminGetUser: the user by username, alias or sub. */
export const adminGetUser: OperationHandler = (ctx, body) => adminGetUserResponse(targetUser(ctx, body).user);

function setEnabled(ctx: CognitoContext, body: Record<string, unknown>, enabled: boolean): Record<string, never> {
  const { pool, user } = targetUser(ctx, body);
  if (user.enabled !== enabled) {
    user.enabled = enabled;
    user.modifiedAt = ctx.clock();
    pool.touch();
  }
  return {};
}

/** AdminDisableUser: the user stays disabled for the life of the server. */
export const adminDisableUser: OperationHandler = (ctx, body) => setEnabled(ctx, body, false);

/** AdminEnableUser. */
export const adminEnableUser: OperationHandler = (ctx, body) => setEnabled(ctx, body, true);

/** AdminUserGlobalSignOut: checks that the user exists; nothing else changes. */
export const adminUserGlobalSignOut: OperationHandler = (ctx, body) => {
  targetUser(ctx, body);
  return {};
};
