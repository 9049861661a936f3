import { requirePool } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { clientNotFound } from '../errors.ts';
import { pageByOffset } from '../paging.ts';
import { userPoolClientType } from '../pool-shapes.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { clientSummary } from '../wire.ts';

/** ListUserPoolClients: MaxResults 1..60 (default 60), NextToken. */
export const listUserPoolClients: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const max = v.integer('MaxResults', { min: 1, max: 60 });
  const token = v.string('NextToken', RULES.token);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const scope = ['ListUserPoolClients', pool.def.id];
  const position = token === undefined ? undefined : ctx.tokens.decode(scope, token);
  const page = pageByOffset(pool.def.clients, position, max ?? 60);
  const out: Record<string, unknown> = { UserPoolClients: page.items.map((c) => clientSummary(pool.def.id, c)) };
  if (page.next !== undefined) out.NextToken = ctx.tokens.encode(scope, page.next);
  return out;
};

/** DescribeUserPoolClient. */
export const describeUserPoolClient: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const clientId = v.string('ClientId', RULES.clientId);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const client = pool.def.clients.find((c) => c.id === clientId);
  if (client === undefined) throw clientNotFound(clientId as string);
  return { UserPoolClient: userPoolClientType(pool.def.id, client) };
};
