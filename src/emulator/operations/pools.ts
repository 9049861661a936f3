import { requirePool } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { pageByOffset } from '../paging.ts';
import { userPoolType } from '../pool-shapes.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { poolDescription } from '../wire.ts';

/** ListUserPools: MaxResults 1..60 (required), NextToken. */
export const listUserPools: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const max = v.integer('MaxResults', { required: true, min: 1, max: 60 });
  const token = v.string('NextToken', RULES.token);
  v.check();
  const scope = ['ListUserPools'];
  const position = token === undefined ? undefined : ctx.tokens.decode(scope, token);
  const page = pageByOffset(ctx.world.pools, position, max ?? 60);
  const out: Record<string, unknown> = { UserPools: page.items.map((p) => poolDescription(p.def)) };
  if (page.next !== undefined) out.NextToken = ctx.tokens.encode(scope, page.next);
  return out;
};

/** DescribeUserPool. */
export const describeUserPool: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return { UserPool: userPoolType(pool.def, pool.userCount) };
};
