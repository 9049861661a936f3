import type { AuthEvent } from '../gateway/types.ts';

/**
 * One exported user-activity record (`userAuthEvents`, INFO), mapped: the app's auth event, and who it was about.
 * Exported records are not shaped like AdminListUserAuthEvents: their values vary in case ("PASS", "HIGH"), their
 * booleans are strings, an unrated event has an empty risk level, and a record without context data has no IP.
 */
export interface ActivityEvent {
  event: AuthEvent;
  username?: string;
  sub?: string;
  poolId?: string;
  clientId?: string;
  /** Whether the request carried context data (`hasContextData`); absent when the record did not say. */
  hasContextData?: boolean;
}

const MAX_TEXT = 512;

type Fields = Record<string, unknown>;

function str(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, MAX_TEXT);
  return trimmed === '' ? undefined : trimmed;
}

/** A word as the service may spell it, reduced for comparison: "ACCOUNT_TAKEOVER", "account-takeover", "AccountTakeover" → "accounttakeover". */
function fold(value: unknown): string | undefined {
  return str(value)?.toLowerCase().replace(/[\s_-]/g, '');
}

/** The value of `folded` in `names` (by its folded spelling), or undefined. */
function oneOf<T extends string>(value: unknown, names: Record<string, T>): T | undefined {
  const key = fold(value);
  return key === undefined ? undefined : names[key];
}

const EVENT_TYPES: Record<string, string> = {
  signin: 'SignIn', signup: 'SignUp', forgotpassword: 'ForgotPassword', passwordchange: 'PasswordChange', resendcode: 'ResendCode',
};
const RESPONSES: Record<string, string> = { pass: 'Pass', success: 'Pass', fail: 'Fail', failure: 'Fail', failed: 'Fail', inprogress: 'InProgress' };
const DECISIONS: Record<string, string> = { norisk: 'NoRisk', pass: 'NoRisk', accounttakeover: 'AccountTakeover', block: 'Block', blocked: 'Block' };
const LEVELS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const FEEDBACK: Record<string, string> = { valid: 'Valid', invalid: 'Invalid' };
const CHALLENGES: Record<string, string> = { password: 'Password', mfa: 'Mfa' };

/** A boolean as a record may carry it: true/false, "true"/"FALSE", "yes", 1/0. */
export function activityBoolean(value: unknown): boolean | undefined {
  const key = fold(value);
  if (key === 'true' || key === 'yes' || key === '1') return true;
  if (key === 'false' || key === 'no' || key === '0') return false;
  return undefined;
}

/**
 * A time as a record may carry it, in epoch ms: epoch seconds or milliseconds (number or digits), ISO 8601, or the
 * `Wed Jun 21 21:42:10 UTC 2023` form of `creationDate`.
 */
export function activityTime(value: unknown): number | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  }
  const javaDate = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) (UTC|GMT) (\d{4})$/.exec(text);
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const parsed = javaDate ? Date.parse(`${javaDate[2]} ${javaDate[1]} ${javaDate[5]} ${javaDate[3]} GMT`) : Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(parsed) ? undefined : parsed;
}

function challengesOf(value: unknown): AuthEvent['challenges'] {
  let items: unknown = value;
  if (typeof value === 'string') {
    try {
      items = JSON.parse(value);
    } catch {
      items = value.split(/[,;]/).map((part) => {
        const [name, response] = part.split(':');
        return { challenge: name, success: response };
      });
    }
  }
  if (!Array.isArray(items)) return [];
  return items.slice(0, 16).flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const c = item as Fields;
    const name = oneOf(c.challenge ?? c.challengeName ?? c.ChallengeName, CHALLENGES) ?? str(c.challenge ?? c.challengeName);
    const said = c.success ?? c.challengeResponse ?? c.ChallengeResponse;
    const ok = activityBoolean(said) ?? (fold(said) === 'success' ? true : fold(said) === 'failure' ? false : undefined);
    const response = ok === undefined ? undefined : ok ? 'Success' : 'Failure';
    return name || response ? [{ ...(name ? { name } : {}), ...(response ? { response } : {}) }] : [];
  });
}

/** The `message` of a record: the record's own `message` object (or JSON text of one), else the record itself. */
function messageOf(record: Fields): Fields {
  const m = record.message;
  if (typeof m === 'object' && m !== null && !Array.isArray(m)) return m as Fields;
  if (typeof m === 'string' && m.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(m);
      if (typeof parsed === 'object' && parsed !== null) return parsed as Fields;
    } catch {
      return record;
    }
  }
  return record;
}

/** Field names compared without case: the first of `names` the message has. */
function field(message: Fields, lowerKeys: Map<string, string>, ...names: string[]): unknown {
  for (const name of names) {
    const key = lowerKeys.get(name.toLowerCase());
    if (key !== undefined) return message[key];
  }
  return undefined;
}

/**
 * Maps one exported user-activity record (the whole record with its `message`, or the message alone) to the app's
 * auth event, case-insensitively in names and values; undefined for something that is not a record of an event.
 */
export function toActivityEvent(record: unknown): ActivityEvent | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const outer = record as Fields;
  const message = messageOf(outer);
  const keys = new Map(Object.keys(message).map((k) => [k.toLowerCase(), k]));
  const f = (...names: string[]) => field(message, keys, ...names);
  const id = str(f('eventId'));
  const type = oneOf(f('eventType'), EVENT_TYPES) ?? str(f('eventType'));
  if (!id && !type) return undefined;
  const createdAt = activityTime(f('creationDate')) ?? activityTime(outer.eventTimestamp) ?? activityTime(outer['@timestamp']);
  const feedbackValue = oneOf(f('eventFeedbackValue'), FEEDBACK);
  const feedbackDate = activityTime(f('eventFeedbackDate'));
  const feedbackProvider = str(f('eventFeedbackProvider'));
  const event: AuthEvent = {
    id: id ?? '',
    ...(type ? { type } : {}),
    ...(createdAt !== undefined ? { createdAt } : {}),
    ...optional('response', oneOf(f('eventResponse'), RESPONSES)),
    ...optional('riskDecision', oneOf(f('riskDecision'), DECISIONS)),
    ...optional('riskLevel', oneOf(f('riskLevel'), LEVELS)),
    ...optional('compromisedCredentials', activityBoolean(f('compromisedCredentialDetected', 'compromisedCredentialsDetected'))),
    challenges: challengesOf(f('challenges')),
    ...optional('ip', str(f('ipAddress'))),
    ...optional('device', str(f('deviceName'))),
    ...optional('timezone', str(f('timezone'))),
    ...optional('city', str(f('city'))),
    ...optional('country', str(f('country'))),
    ...(feedbackValue ? { feedback: { value: feedbackValue, ...(feedbackProvider ? { provider: feedbackProvider } : {}), ...(feedbackDate !== undefined ? { date: feedbackDate } : {}) } } : {}),
  };
  return {
    event,
    ...optional('username', str(f('userName', 'username'))),
    ...optional('sub', str(f('userSub', 'sub'))),
    ...optional('poolId', str(f('userPoolId'))),
    ...optional('clientId', str(f('clientId'))),
    ...optional('hasContextData', activityBoolean(f('hasContextData'))),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * A Logs Insights result row (dotted field names such as `message.riskLevel`) as a record: `message.x` fields become
 * the message's, the rest stay on the record (`@timestamp`).
 */
export function rowAsRecord(row: Record<string, string>): Fields {
  const message: Fields = {};
  const record: Fields = { message };
  for (const [name, value] of Object.entries(row)) {
    if (name.toLowerCase().startsWith('message.')) message[name.slice('message.'.length)] = value;
    else record[name] = value;
  }
  return record;
}
