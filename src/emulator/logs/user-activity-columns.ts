import { DerivedColumn, DictColumn, GeneratedDictColumn, Ipv4Column, UuidColumn } from './columns.ts';
import type { RecordTable } from './record-table.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as exported user-activity records write `creationDate`: `Wed Jun 21 01:42:10 UTC 2023`. */
export function activityDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** The field names of one `message.challenges` entry. */
export const CHALLENGE_FIELDS = (i: number): [string, string] => [`message.challenges.${i}.challengeName`, `message.challenges.${i}.challengeResponse`];

/**
 * The columns of a user-activity log group (`userAuthEvents`, INFO), in the order a record's JSON lists them.
 * Timestamps and dates are derived from the row's time; event and request ids are held as UUID bytes.
 */
export class UserActivityColumns {
  readonly eventTimestamp: DerivedColumn;
  readonly eventSource: DictColumn;
  readonly logLevel: DictColumn;
  readonly version: DictColumn;
  readonly eventId: UuidColumn;
  readonly eventType: DictColumn;
  readonly userSub: DictColumn | GeneratedDictColumn;
  readonly userName: DictColumn | GeneratedDictColumn;
  readonly userPoolId: DictColumn;
  readonly clientId: DictColumn;
  readonly creationDate: DerivedColumn;
  readonly eventResponse: DictColumn;
  readonly riskLevel: DictColumn;
  readonly riskDecision: DictColumn;
  readonly challenges: Array<[DictColumn, DictColumn]>;
  readonly deviceName: DictColumn;
  /** Text addresses (any form) or, for generated bulk data, IPv4 numbers. */
  readonly ipAddress: DictColumn | Ipv4Column;
  readonly requestId: UuidColumn;
  readonly idpName: DictColumn;
  readonly compromisedCredentialDetected: DictColumn;
  readonly city: DictColumn;
  readonly country: DictColumn;
  readonly eventFeedbackValue: DictColumn;
  readonly hasContextData: DictColumn;

  /** `generated` (bulk data): IPv4 numbers, and user names and subs worked out from user numbers 1..users. */
  constructor(table: RecordTable, generated?: { users: number; userName(n: number): string; userSub(n: number): string }) {
    const dict = (name: string): DictColumn => table.defineColumn(name, () => new DictColumn());
    const uuid = (name: string): UuidColumn => table.defineColumn(name, () => new UuidColumn());
    this.eventTimestamp = table.defineColumn('eventTimestamp', () => new DerivedColumn(table.timestamps, (t) => t, (k) => String(k)));
    this.eventSource = dict('eventSource');
    this.logLevel = dict('logLevel');
    this.version = dict('message.version');
    this.eventId = uuid('message.eventId');
    this.eventType = dict('message.eventType');
    this.userSub = generated === undefined ? dict('message.userSub') : table.defineColumn('message.userSub', () => new GeneratedDictColumn(generated.users, generated.userSub));
    this.userName = generated === undefined ? dict('message.userName') : table.defineColumn('message.userName', () => new GeneratedDictColumn(generated.users, generated.userName));
    this.userPoolId = dict('message.userPoolId');
    this.clientId = dict('message.clientId');
    this.creationDate = table.defineColumn('message.creationDate', () => new DerivedColumn(table.timestamps, (t) => Math.floor(t / 1000), (k) => activityDate(k * 1000)));
    this.eventResponse = dict('message.eventResponse');
    this.riskLevel = dict('message.riskLevel');
    this.riskDecision = dict('message.riskDecision');
    this.challenges = [0, 1].map((i) => {
      const [name, response] = CHALLENGE_FIELDS(i);
      return [dict(name), dict(response)] as [DictColumn, DictColumn];
    });
    this.deviceName = dict('message.deviceName');
    this.ipAddress = generated !== undefined ? table.defineColumn('message.ipAddress', () => new Ipv4Column()) : dict('message.ipAddress');
    this.requestId = uuid('message.requestId');
    this.idpName = dict('message.idpName');
    this.compromisedCredentialDetected = dict('message.compromisedCredentialDetected');
    this.city = dict('message.city');
    this.country = dict('message.country');
    this.eventFeedbackValue = dict('message.eventFeedbackValue');
    this.hasContextData = dict('message.hasContextData');
  }
}

/** How exported records spell a risk decision: `PASS`, `ACCOUNT_TAKEOVER`, `BLOCK`. */
export function exportedDecision(decision: string): string {
  if (decision === 'NoRisk') return 'PASS';
  if (decision === 'AccountTakeover') return 'ACCOUNT_TAKEOVER';
  return decision.toUpperCase();
}

const NIBBLES = Int8Array.from({ length: 128 }, (_, c) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1));
/** Where each byte's two hex digits start in `8-4-4-4-12`. */
const BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

function nibble(uuid: string, at: number): number {
  const c = uuid.charCodeAt(at);
  return c < 128 ? NIBBLES[c] : -1;
}

/** 16 bytes of a UUID written `8-4-4-4-12` (other spellings: its first 32 hex digits, whatever stands between them). */
export function uuidBytes(uuid: string, out: Uint8Array): Uint8Array {
  if (uuid.length === 36 && uuid[8] === '-' && uuid[13] === '-' && uuid[18] === '-' && uuid[23] === '-') {
    let bad = 0;
    for (let i = 0; i < 16; i += 1) {
      const hi = nibble(uuid, BYTE_AT[i]);
      const lo = nibble(uuid, BYTE_AT[i] + 1);
      bad |= hi | lo;
      out[i] = (hi << 4) | lo;
    }
    if (bad >= 0) return out;
  }
  let digits = 0;
  for (let i = 0; i < uuid.length && digits < 32; i += 1) {
    const v = nibble(uuid, i);
    if (v < 0) continue;
    const at = digits >> 1;
    out[at] = digits % 2 === 0 ? v << 4 : out[at] | v;
    digits += 1;
  }
  return out;
}
