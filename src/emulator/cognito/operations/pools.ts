import { requirePool } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { pageByOffset, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import { userPoolType } from '../pool-shapes.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { poolDescription } from '../shapes.ts';

/** ListUserPools: MaxResults 1..60 (required), NextToken. */
export const listUserPools: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const max = v.integer('MaxResults', { required: true, min: 1, max: 60 });
  const token = v.string('NextToken', RULES.token);
  v.check();
  const scope = ['ListUserPools'];
  const page = pageByOffset(ctx.world.pools, positionOf(ctx.tokens, scope, token), pageSizeOf(max));
  return withNextToken(ctx.tokens, scope, { UserPools: page.items.map((p) => poolDescription(p.def)) }, 'NextToken', page.next);
};

/** DescribeUserPool. */
export const describeUserPool: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return { UserPool: userPoolType(pool.def, pool.userCount) };
};
