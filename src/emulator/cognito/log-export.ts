import type { DictColumn } from '../logs/columns.ts';
import type { LogGroup } from '../logs/log-group.ts';
import { ROWS_PER_PIECE } from '../logs/time-order.ts';
import { exportedDecision, UserActivityColumns, uuidBytes } from '../logs/user-activity-columns.ts';
import { hash128 } from '../prng.ts';
import type { AuthEventRecord, UserRecord } from './model.ts';
import type { PoolStore } from './pool-store.ts';

const DAY = 86_400_000;

/** The stream a day's exported records go to: `<pool id>/<YYYY-MM-DD>`. */
export function activityStreamName(poolId: string, ms: number): string {
  return `${poolId}/${new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10)}`;
}

const RECORD_OVERHEAD = 560;

const REQUEST_MASK = Uint8Array.from(hash128('cognito-emulator:request-id').flatMap((w) => [w & 255, (w >>> 8) & 255, (w >>> 16) & 255, (w >>> 24) & 255]));

/** A request id derived from the event id's bytes (already in `bytes`): a fixed mask, still a version-4 UUID. */
function requestIdBytes(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < 16; i += 1) bytes[i] ^= REQUEST_MASK[i];
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes;
}

function put(column: DictColumn, row: number, value: string): void {
  column.setCode(row, column.intern(value));
}

const UPPER = new Map<string, string>();

function upper(text: string): string {
  let u = UPPER.get(text);
  if (u === undefined) {
    u = text.toUpperCase();
    UPPER.set(text, u);
  }
  return u;
}

/** Writes one pool's events into a user-activity table, caching the codes that repeat (constants, days, the user). */
export class ActivityWriter {
  private readonly cols: UserActivityColumns;
  private readonly scratch = new Uint8Array(16);
  private readonly streams = new Map<number, number>();
  private readonly constants: Array<[DictColumn, number]>;

  constructor(
    private readonly group: LogGroup,
    private readonly pool: PoolStore,
  ) {
    this.cols = new UserActivityColumns(group.table);
    const c = this.cols;
    this.constants = [
      [c.eventSource, c.eventSource.intern('USER_AUTH_EVENTS')],
      [c.logLevel, c.logLevel.intern('INFO')],
      [c.version, c.version.intern('1')],
      [c.userPoolId, c.userPoolId.intern(pool.def.id)],
      [c.idpName, c.idpName.intern('')],
    ];
  }

  private streamCode(t: number): number {
    const day = Math.floor(t / DAY);
    let code = this.streams.get(day);
    if (code === undefined) {
      code = this.group.table.stream.intern(activityStreamName(this.pool.def.id, t));
      this.streams.set(day, code);
    }
    return code;
  }

  writeUser(user: UserRecord, events: readonly AuthEventRecord[]): void {
    if (events.length === 0) return;
    const c = this.cols;
    const sub = user.attributes.sub ?? user.username;
    const clients = this.pool.def.clients;
    const client = clients.length === 0 ? '' : clients[user.ordinal % clients.length].id;
    const subs = c.userSub as DictColumn;
    const names = c.userName as DictColumn;
    const userCodes: Array<[DictColumn, number]> = [
      [subs, subs.intern(sub)],
      [names, names.intern(user.username)],
      [c.clientId, c.clientId.intern(client)],
    ];
    const fixedBytes = RECORD_OVERHEAD + sub.length + user.username.length + client.length + this.pool.def.id.length;
    for (const e of events) this.writeEvent(e, userCodes, fixedBytes);
  }

  private writeEvent(e: AuthEventRecord, userCodes: Array<[DictColumn, number]>, fixedBytes: number): void {
    const c = this.cols;
    const table = this.group.table;
    const t = e.createdAt;
    const place = e.EventContextData;
    const level = upper(e.EventRisk.RiskLevel ?? '');
    const decision = exportedDecision(e.EventRisk.RiskDecision ?? 'NoRisk');
    const compromised = e.EventRisk.CompromisedCredentialsDetected === true ? 'true' : 'false';
    const feedback = e.feedback?.FeedbackValue ?? '';
    const hasContext = place.IpAddress === undefined ? 'false' : 'true';
    const device = place.DeviceName ?? '';
    const ip = place.IpAddress ?? '';
    const city = place.City ?? '';
    const country = place.Country ?? '';
    const challenges = e.ChallengeResponses;
    let size = fixedBytes + e.EventType.length + e.EventResponse.length + level.length + decision.length + compromised.length + feedback.length;
    size += hasContext.length + device.length + ip.length + city.length + country.length;
    for (let i = 0; i < challenges.length && i < 2; i += 1) size += challenges[i].ChallengeName.length + challenges[i].ChallengeResponse.length + 40;
    const row = table.addRow(t, t + 1000 + (t % 29_000), this.streamCode(t), size);
    for (const [column, code] of this.constants) column.setCode(row, code);
    for (const [column, code] of userCodes) column.setCode(row, code);
    put(c.eventType, row, e.EventType);
    put(c.eventResponse, row, e.EventResponse);
    put(c.riskLevel, row, level);
    put(c.riskDecision, row, decision);
    put(c.deviceName, row, device);
    put(c.ipAddress as DictColumn, row, ip);
    put(c.compromisedCredentialDetected, row, compromised);
    put(c.city, row, city);
    put(c.country, row, country);
    put(c.eventFeedbackValue, row, feedback);
    put(c.hasContextData, row, hasContext);
    for (let i = 0; i < challenges.length && i < 2; i += 1) {
      put(c.challenges[i][0], row, challenges[i].ChallengeName);
      put(c.challenges[i][1], row, challenges[i].ChallengeResponse);
    }
    c.eventId.setBytes(row, uuidBytes(e.EventId, this.scratch));
    c.requestId.setBytes(row, requestIdBytes(this.scratch));
  }

  /**
   * Orders the rows by time and records each day's stream, in pieces (the generator pauses after each bounded piece):
   * a stream is created by its earliest record, as if the records had been delivered in time order.
   */
  *finishing(): Generator<void, void, void> {
    const table = this.group.table;
    yield* table.sortingByTime();
    const streams = table.stream;
    const seen = new Uint8Array(streams.size + 1);
    const last = new Float64Array(streams.size + 1).fill(-Infinity);
    const ingested = new Float64Array(streams.size + 1).fill(-Infinity);
    const codes: number[] = [];
    for (let lo = 0; lo < table.length; lo += ROWS_PER_PIECE) {
      const hi = Math.min(table.length, lo + ROWS_PER_PIECE);
      for (let row = lo; row < hi; row += 1) {
        const code = streams.code(row);
        const t = table.timestamps.get(row);
        const ingestion = table.ingestion.get(row);
        if (seen[code] === 0) {
          seen[code] = 1;
          codes.push(code);
          this.group.noteEvent(streams.decode(code) ?? '', t, ingestion);
        }
        if (t > last[code]) last[code] = t;
        if (ingestion > ingested[code]) ingested[code] = ingestion;
      }
      yield;
    }
    for (const code of codes) this.group.noteEvent(streams.decode(code) ?? '', last[code], ingested[code]);
  }
}
