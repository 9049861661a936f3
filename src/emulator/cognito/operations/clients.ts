import { requireClient, requirePool } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { pageByOffset, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import { userPoolClientType } from '../pool-shapes.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { clientSummary } from '../shapes.ts';

/** ListUserPoolClients: MaxResults 1..60 (default 60), NextToken. */
export const listUserPoolClients: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const max = v.integer('MaxResults', { min: 1, max: 60 });
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const scope = ['ListUserPoolClients', pool.def.id];
  const page = pageByOffset(pool.def.clients, positionOf(ctx.tokens, scope, token), pageSizeOf(max));
  const out = { UserPoolClients: page.items.map((c) => clientSummary(pool.def.id, c)) };
  return withNextToken(ctx.tokens, scope, out, 'NextToken', page.next);
};

/** DescribeUserPoolClient. */
export const describeUserPoolClient: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const clientId = v.string('ClientId', RULES.clientId);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  return { UserPoolClient: userPoolClientType(pool.def.id, requireClient(pool, clientId as string)) };
};
