import { requireClient, requirePool, requireThreatProtection } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { addOnNotEnabled } from '../errors.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { riskConfigurationType } from '../shapes.ts';

/**
 * DescribeRiskConfiguration: the client-level configuration (with ClientId) when the client has one,
 * otherwise the pool-level configuration (without ClientId, meaning it applies to every client that
 * has no configuration of its own).
 */
export const describeRiskConfiguration: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const clientId = v.string('ClientId', { ...RULES.clientId, required: false });
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const client = clientId === undefined ? undefined : requireClient(pool, clientId);
  requireThreatProtection(pool);
  if (client?.risk !== undefined) return { RiskConfiguration: riskConfigurationType(pool.def.id, client.id, client.risk) };
  if (pool.def.risk === undefined) throw addOnNotEnabled(pool.def.id);
  return { RiskConfiguration: riskConfigurationType(pool.def.id, undefined, pool.def.risk) };
};
