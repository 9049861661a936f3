import { ServiceError, invalidParameter } from '../../errors.ts';
import { requirePool } from '../context.ts';
import type { CognitoContext } from '../context.ts';
import type { LogConfiguration } from '../log-delivery.ts';
import { RequestValidator, RULES } from '../validation.ts';

function poolIdOf(body: Record<string, unknown>): string {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  v.check();
  return poolId as string;
}

const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*):(\d*):[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;

/** GetLogDeliveryConfiguration: the pool's log export settings (an empty list when none are set). */
export function getLogDeliveryConfiguration(ctx: CognitoContext, body: Record<string, unknown>): unknown {
  const pool = requirePool(ctx, poolIdOf(body));
  const configs = ctx.logDelivery.get(pool.def.id) ?? [];
  return { LogDeliveryConfiguration: { UserPoolId: pool.def.id, LogConfigurations: structuredClone(configs) } };
}

function destinationOf(c: Record<string, unknown>, i: number): Pick<LogConfiguration, 'CloudWatchLogsConfiguration' | 'S3Configuration' | 'FirehoseConfiguration'> {
  const pick = (key: string, member: string): string | undefined => {
    const v = c[key];
    if (v === undefined) return undefined;
    const arn = (v as Record<string, unknown> | null)?.[member];
    if (typeof arn !== 'string' || !ARN.test(arn)) throw invalidParameter(`LogConfigurations.${i + 1}.${key}.${member} must be an ARN.`);
    return arn;
  };
  const cw = pick('CloudWatchLogsConfiguration', 'LogGroupArn');
  const s3 = pick('S3Configuration', 'BucketArn');
  const fh = pick('FirehoseConfiguration', 'StreamArn');
  const count = [cw, s3, fh].filter((x) => x !== undefined).length;
  if (count !== 1) throw invalidParameter(`LogConfigurations.${i + 1} needs exactly one destination: CloudWatchLogsConfiguration, S3Configuration or FirehoseConfiguration.`);
  if (cw !== undefined) return { CloudWatchLogsConfiguration: { LogGroupArn: cw } };
  if (s3 !== undefined) return { S3Configuration: { BucketArn: s3 } };
  return { FirehoseConfiguration: { StreamArn: fh as string } };
}

/**
 * SetLogDeliveryConfiguration: replaces the pool's settings. `userNotification` goes at ERROR level to CloudWatch
 * Logs only; `userAuthEvents` at INFO level needs the Plus feature plan (FeatureUnavailableInTierException).
 */
export function setLogDeliveryConfiguration(ctx: CognitoContext, body: Record<string, unknown>): unknown {
  const pool = requirePool(ctx, poolIdOf(body));
  const list = body.LogConfigurations;
  if (!Array.isArray(list)) throw invalidParameter('LogConfigurations is required.');
  if (list.length > 2) throw invalidParameter('LogConfigurations holds at most 2 configurations.');
  const configs = list.map((raw, i): LogConfiguration => {
    const c = (raw ?? {}) as Record<string, unknown>;
    const source = c.EventSource;
    const level = c.LogLevel;
    if (source !== 'userNotification' && source !== 'userAuthEvents') throw invalidParameter(`LogConfigurations.${i + 1}.EventSource must be userNotification or userAuthEvents.`);
    if (level !== 'ERROR' && level !== 'INFO') throw invalidParameter(`LogConfigurations.${i + 1}.LogLevel must be ERROR or INFO.`);
    const destination = destinationOf(c, i);
    if (source === 'userNotification' && (level !== 'ERROR' || destination.CloudWatchLogsConfiguration === undefined)) {
      throw invalidParameter('userNotification logs go at ERROR level to a CloudWatch Logs group.');
    }
    if (source === 'userAuthEvents') {
      if (level !== 'INFO') throw invalidParameter('userAuthEvents logs go at INFO level.');
      if (pool.def.tier !== 'PLUS') throw new ServiceError('FeatureUnavailableInTierException', 'User activity log export requires the Plus feature plan.');
    }
    const arn = destination.CloudWatchLogsConfiguration?.LogGroupArn;
    if (arn !== undefined && !ctx.logGroupExists(arn)) throw invalidParameter(`The log group ${arn} does not exist.`);
    return { EventSource: source, LogLevel: level, ...destination };
  });
  if (new Set(configs.map((c) => c.EventSource)).size !== configs.length) throw invalidParameter('Each EventSource may appear once.');
  ctx.logDelivery.set(pool.def.id, configs);
  return { LogDeliveryConfiguration: { UserPoolId: pool.def.id, LogConfigurations: structuredClone(configs) } };
}
