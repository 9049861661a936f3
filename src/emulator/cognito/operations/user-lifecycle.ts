import { requirePool, requireUser } from '../context.ts';
import type { CognitoContext, OperationHandler } from '../context.ts';
import { ServiceError, invalidParameter } from '../../errors.ts';
import type { UserRecord } from '../model.ts';
import type { PoolStore } from '../pool-store.ts';
import { RequestValidator, RULES } from '../validation.ts';

/** The pool and the user a write names (username, sub or a declared alias); ClientMetadata is checked and ignored. */
function targetOf(ctx: CognitoContext, body: Record<string, unknown>, withMetadata: boolean): { pool: PoolStore; user: UserRecord } {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const username = v.string('Username', RULES.username);
  if (withMetadata) v.stringMap('ClientMetadata');
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return { pool, user: requireUser(pool, username as string) };
}

/**
 * AdminResetUserPassword: the password is invalidated (RESET_REQUIRED) and a code goes to the verified email or
 * phone number; a user with neither cannot be reset, as Cognito answers.
 */
export const adminResetUserPassword: OperationHandler = (ctx, body) => {
  const { pool, user } = targetOf(ctx, body, true);
  const verified = user.attributes.email_verified === 'true' || user.attributes.phone_number_verified === 'true';
  if (!verified) {
    throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  user.userStatus = 'RESET_REQUIRED';
  user.modifiedAt = ctx.clock();
  pool.touch();
  return {};
};

/** AdminConfirmSignUp: confirms an UNCONFIRMED user; any other status is a NotAuthorizedException naming it. */
export const adminConfirmSignUp: OperationHandler = (ctx, body) => {
  const { pool, user } = targetOf(ctx, body, true);
  if (user.userStatus !== 'UNCONFIRMED') {
    throw new ServiceError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.userStatus}`);
  }
  user.userStatus = 'CONFIRMED';
  user.modifiedAt = ctx.clock();
  pool.touch();
  return {};
};

/** AdminDeleteUser: the user leaves the pool, its groups and every list; later calls naming it find no user. */
export const adminDeleteUser: OperationHandler = (ctx, body) => {
  const { pool, user } = targetOf(ctx, body, false);
  pool.deleteUser(user);
  return {};
};
