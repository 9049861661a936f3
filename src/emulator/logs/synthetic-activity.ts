import { hash128 } from '../prng.ts';
import type { DictColumn } from './columns.ts';
import type { Ipv4Column } from './columns.ts';
import type { GroupFiller } from './log-group.ts';
import { UserActivityColumns } from './user-activity-columns.ts';

/** Bulk user activity for the benchmark: `events` records from `users` users over the last `days` days. */
export interface SyntheticActivity {
  events: number;
  users: number;
  /** Days the events are spread over, ending at the emulator's "now"; default 1. */
  days?: number;
}

const DAY = 86_400_000;
const RECORD_BYTES = 640;
const ATTACKER_IPS = 4096;
const CITIES: ReadonlyArray<[string, string]> = [
  ['Seattle', 'United States'], ['Chicago', 'United States'], ['London', 'United Kingdom'], ['Berlin', 'Germany'], ['Paris', 'France'],
  ['Madrid', 'Spain'], ['São Paulo', 'Brazil'], ['Tokyo', 'Japan'], ['Mumbai', 'India'], ['Sydney', 'Australia'],
  ['Lagos', 'Nigeria'], ['Toronto', 'Canada'], ['Warsaw', 'Poland'], ['Seoul', 'South Korea'], ['Mexico City', 'Mexico'],
];
const DEVICES = ['Chrome 125, Windows 11', 'Safari 17, macOS 14', 'Firefox 126, Ubuntu', 'Mobile Safari 17, iOS 17', 'Chrome Mobile 125, Android 14'];

/** A small, fast PRNG (xorshift32) for bulk generation. */
class Fast {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4_294_967_296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function subOf(seed: number, i: number): string {
  const [a, b, c, d] = hash128(`bench-sub:${seed}:${i}`);
  const hex = (w: number): string => (w >>> 0).toString(16).padStart(8, '0');
  const h = hex(a) + hex(b) + hex(c) + hex(d);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Fills a user-activity group with bulk records generated straight into the columns, in time order (for the
 * pool-wide benchmark: millions of events without millions of objects). The mix follows the demo's: about 0.8 %
 * high and 3.7 % medium account-takeover risk, 0.2 % compromised credentials, 13 % failed passwords.
 */
export function syntheticActivity(spec: SyntheticActivity, seed: number, now: number, poolId: string, clientIds: readonly string[]): GroupFiller {
  const days = spec.days ?? 1;
  const start = now - days * DAY;
  const step = (days * DAY) / Math.max(1, spec.events);
  const rng = new Fast(seed ^ 0x5eed);
  let next = 0;
  let cols: UserActivityColumns | undefined;
  let codes: Record<string, number> = {};
  const bytes = new Uint8Array(16);
  let countryCodes: number[] = [];
  return (group, until) => {
    const table = group.table;
    if (cols === undefined) {
      cols = new UserActivityColumns(table, {
        users: spec.users,
        userName: (n) => `user${String(n - 1).padStart(7, '0')}`,
        userSub: (n) => subOf(seed, n - 1),
      });
      const c = cols;
      const intern = (col: DictColumn, v: string): number => col.intern(v);
      codes = {
        source: intern(c.eventSource, 'USER_AUTH_EVENTS'), level: intern(c.logLevel, 'INFO'), version: intern(c.version, '1'), pool: intern(c.userPoolId, poolId),
        idp: intern(c.idpName, ''), signIn: intern(c.eventType, 'SignIn'), pass: intern(c.eventResponse, 'Pass'), fail: intern(c.eventResponse, 'Fail'),
        low: intern(c.riskLevel, 'LOW'), medium: intern(c.riskLevel, 'MEDIUM'), high: intern(c.riskLevel, 'HIGH'),
        decPass: intern(c.riskDecision, 'PASS'), ato: intern(c.riskDecision, 'ACCOUNT_TAKEOVER'), block: intern(c.riskDecision, 'BLOCK'),
        yes: intern(c.compromisedCredentialDetected, 'true'), no: intern(c.compromisedCredentialDetected, 'false'),
        fbNone: intern(c.eventFeedbackValue, ''), fbInvalid: intern(c.eventFeedbackValue, 'Invalid'), ctx: intern(c.hasContextData, 'true'),
        password: intern(c.challenges[0][0], 'Password'), success: intern(c.challenges[0][1], 'Success'), failure: intern(c.challenges[0][1], 'Failure'),
      };
      countryCodes = CITIES.map(([city, country]) => {
        intern(c.city, city);
        return intern(c.country, country);
      });
      for (const d of DEVICES) intern(c.deviceName, d);
      for (const id of clientIds) intern(c.clientId, id);
      for (let d = 0; d <= days; d += 1) table.stream.intern(`${poolId}/${new Date(start + d * DAY).toISOString().slice(0, 10)}`);
    }
    const c = cols;
    const ip = c.ipAddress as Ipv4Column;
    const first = next;
    for (; next < spec.events; next += 1) {
      if (next > first && (next & 1023) === 0 && performance.now() >= until) return false;
      const t = Math.floor(start + next * step);
      const user = rng.int(spec.users);
      const day = Math.floor((t - start) / DAY);
      const row = table.addRow(t, t + 2000 + (next % 20_000), day + 1, RECORD_BYTES);
      const roll = rng.next();
      const high = roll < 0.008;
      const medium = !high && roll < 0.045;
      const compromised = !high && !medium && roll < 0.047;
      const failed = !high && !medium && !compromised && roll < 0.177;
      const home = (user * 2_654_435_761) % 16_777_216;
      const cityIndex = high || medium ? rng.int(CITIES.length) : user % CITIES.length;
      c.eventSource.setCode(row, codes.source);
      c.logLevel.setCode(row, codes.level);
      c.version.setCode(row, codes.version);
      c.eventType.setCode(row, codes.signIn);
      c.userSub.setCode(row, user + 1);
      c.userName.setCode(row, user + 1);
      c.userPoolId.setCode(row, codes.pool);
      c.clientId.setCode(row, clientIds.length === 0 ? 0 : 1 + (user % clientIds.length));
      c.eventResponse.setCode(row, failed || compromised || (high && rng.next() < 0.5) ? codes.fail : codes.pass);
      c.riskLevel.setCode(row, high || compromised ? codes.high : medium ? codes.medium : codes.low);
      c.riskDecision.setCode(row, high || medium ? codes.ato : compromised ? codes.block : codes.decPass);
      c.challenges[0][0].setCode(row, codes.password);
      c.challenges[0][1].setCode(row, failed ? codes.failure : codes.success);
      c.deviceName.setCode(row, 1 + ((user + (high ? 1 : 0)) % DEVICES.length));
      ip.setAddress(row, high || medium ? 3_221_225_472 + rng.int(ATTACKER_IPS) : 1_409_286_144 + home);
      c.idpName.setCode(row, codes.idp);
      c.compromisedCredentialDetected.setCode(row, compromised ? codes.yes : codes.no);
      c.city.setCode(row, 1 + cityIndex);
      c.country.setCode(row, countryCodes[cityIndex]);
      c.eventFeedbackValue.setCode(row, high && rng.next() < 0.25 ? codes.fbInvalid : codes.fbNone);
      c.hasContextData.setCode(row, codes.ctx);
      for (let k = 0; k < 16; k += 1) bytes[k] = rng.int(256);
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      c.eventId.setBytes(row, bytes);
      bytes[0] ^= 0xa5;
      c.requestId.setBytes(row, bytes);
    }
    if (next < spec.events) return false;
    for (let d = 0; d <= days; d += 1) {
      const name = table.stream.decode(d + 1);
      if (name !== undefined) group.noteEvent(name, Math.max(start, start + d * DAY), Math.max(start, start + d * DAY));
    }
    return true;
  };
}
