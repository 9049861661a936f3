import { requireClient, requirePool, requireThreatProtection } from '../context.ts';
import type { OperationHandler } from '../context.ts';
import { ServiceError, invalidParameter } from '../../errors.ts';
import type { RiskAction, RiskConfigurationRecord } from '../model.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { riskConfigurationType } from '../shapes.ts';

/** Cognito's limit on each of BlockedIPRangeList and SkippedIPRangeList. */
export const MAX_IP_RANGES = 200;

const EVENT_FILTERS = ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'] as const;
const CC_ACTIONS = ['BLOCK', 'NO_ACTION'] as const;
const ATO_ACTIONS = ['BLOCK', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'NO_ACTION'] as const;
const ARN = 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?';
const SUBJECT = { required: true, min: 1, max: 140, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+' };
const BODY = { min: 6, max: 20000, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+' };

type Json = Record<string, unknown>;

function section(body: Json, key: string): Json | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ServiceError('SerializationException', `Expected ${key} to be a structure.`);
  return value as Json;
}

function required(parent: Json, key: string, where: string): Json {
  const value = section(parent, key);
  if (value === undefined) throw invalidParameter(`1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function compromised(body: Json): RiskConfigurationRecord['compromisedCredentials'] {
  const cc = section(body, 'CompromisedCredentialsRiskConfiguration');
  if (cc === undefined) return undefined;
  const actions = required(cc, 'Actions', 'compromisedCredentialsRiskConfiguration.actions');
  const v = new RequestValidator({ ...actions, EventFilter: cc.EventFilter });
  const action = v.string('EventAction', { required: true, oneOf: CC_ACTIONS });
  const filter = v.stringList('EventFilter');
  const bad = (filter ?? []).find((f) => !(EVENT_FILTERS as readonly string[]).includes(f));
  if (bad !== undefined) throw invalidParameter(`1 validation error detected: Value '${bad}' at 'compromisedCredentialsRiskConfiguration.eventFilter' failed to satisfy constraint: Member must satisfy enum value set: [${EVENT_FILTERS.join(', ')}]`);
  v.check();
  return { ...(filter !== undefined ? { EventFilter: [...filter] } : {}), Actions: { EventAction: action as 'BLOCK' | 'NO_ACTION' } };
}

function takeoverAction(actions: Json, key: string): RiskAction | undefined {
  const a = section(actions, key);
  if (a === undefined) return undefined;
  if (typeof a.Notify !== 'boolean') throw invalidParameter(`1 validation error detected: Value null at 'accountTakeoverRiskConfiguration.actions.${key.charAt(0).toLowerCase()}${key.slice(1)}.notify' failed to satisfy constraint: Member must not be null`);
  const v = new RequestValidator(a);
  const action = v.string('EventAction', { required: true, oneOf: ATO_ACTIONS });
  v.check();
  return { Notify: a.Notify, EventAction: action as RiskAction['EventAction'] };
}

function notifyEmail(notify: Json, key: string): Json | undefined {
  const email = section(notify, key);
  if (email === undefined) return undefined;
  const ev = new RequestValidator(email);
  const out: Json = { Subject: ev.string('Subject', SUBJECT) };
  const html = ev.string('HtmlBody', BODY);
  const text = ev.string('TextBody', BODY);
  ev.check();
  if (html !== undefined) out.HtmlBody = html;
  if (text !== undefined) out.TextBody = text;
  return out;
}

function takeover(body: Json): RiskConfigurationRecord['accountTakeover'] {
  const ato = section(body, 'AccountTakeoverRiskConfiguration');
  if (ato === undefined) return undefined;
  const actions = required(ato, 'Actions', 'accountTakeoverRiskConfiguration.actions');
  const out: NonNullable<RiskConfigurationRecord['accountTakeover']> = { Actions: {} };
  for (const level of ['LowAction', 'MediumAction', 'HighAction'] as const) {
    const a = takeoverAction(actions, level);
    if (a !== undefined) out.Actions[level] = a;
  }
  const notify = section(ato, 'NotifyConfiguration');
  if (notify !== undefined) {
    const v = new RequestValidator(notify);
    const cfg: Json = { SourceArn: v.string('SourceArn', { required: true, min: 20, max: 2048, pattern: ARN }) };
    const from = v.string('From');
    const replyTo = v.string('ReplyTo');
    v.check();
    if (from !== undefined) cfg.From = from;
    if (replyTo !== undefined) cfg.ReplyTo = replyTo;
    for (const key of ['BlockEmail', 'NoActionEmail', 'MfaEmail']) {
      const email = notifyEmail(notify, key);
      if (email !== undefined) cfg[key] = email;
    }
    out.NotifyConfiguration = cfg;
  }
  return out;
}

/** True for an IPv4 range in CIDR notation (four decimal parts and a prefix length), host bits set or not. */
function isCidr(value: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (match === null) return false;
  const parts = match.slice(1, 5);
  return parts.every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0'))) && Number(match[5]) <= 32;
}

function rangeList(ex: Json, key: string): string[] | undefined {
  const v = new RequestValidator(ex);
  const list = v.stringList(key);
  v.check();
  if (list === undefined) return undefined;
  const where = `riskExceptionConfiguration.${key.charAt(0).toLowerCase()}${key.slice(1)}`;
  if (list.length > MAX_IP_RANGES) {
    throw invalidParameter(`1 validation error detected: Value at '${where}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_IP_RANGES}`);
  }
  const bad = list.find((r) => !isCidr(r));
  if (bad !== undefined) throw invalidParameter(`Invalid IP range in ${key}: '${bad}' is not in CIDR notation.`);
  return [...list];
}

function exceptions(body: Json): RiskConfigurationRecord['riskExceptions'] {
  const ex = section(body, 'RiskExceptionConfiguration');
  if (ex === undefined) return undefined;
  const blocked = rangeList(ex, 'BlockedIPRangeList');
  const skipped = rangeList(ex, 'SkippedIPRangeList');
  return { ...(blocked !== undefined ? { BlockedIPRangeList: blocked } : {}), ...(skipped !== undefined ? { SkippedIPRangeList: skipped } : {}) };
}

/**
 * SetRiskConfiguration: replaces the whole configuration of the pool (without ClientId) or of one client; a section
 * not sent is removed. A client call with no section deletes the client's own configuration, so the client
 * inherits the pool's again; a pool call with no section leaves the pool with an empty configuration.
 */
export const setRiskConfiguration: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const clientId = v.string('ClientId', { ...RULES.clientId, required: false });
  v.check();
  const cc = compromised(body);
  const ato = takeover(body);
  const ex = exceptions(body);
  const pool = requirePool(ctx, poolId as string);
  const client = clientId === undefined ? undefined : requireClient(pool, clientId);
  requireThreatProtection(pool);
  const empty = cc === undefined && ato === undefined && ex === undefined;
  const record: RiskConfigurationRecord = {
    ...(cc ? { compromisedCredentials: cc } : {}),
    ...(ato ? { accountTakeover: ato } : {}),
    ...(ex ? { riskExceptions: ex } : {}),
    lastModifiedAt: ctx.clock(),
  };
  if (client !== undefined && empty) {
    client.risk = undefined;
    return { RiskConfiguration: { UserPoolId: pool.def.id, ClientId: client.id } };
  }
  if (client !== undefined) client.risk = record;
  else pool.def.risk = record;
  return { RiskConfiguration: riskConfigurationType(pool.def.id, client?.id, record) };
};
