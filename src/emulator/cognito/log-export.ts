import type { GroupFiller, LogGroup } from '../logs/log-group.ts';
import { exportedDecision, UserActivityColumns, uuidBytes } from '../logs/user-activity-columns.ts';
import { hash128 } from '../prng.ts';
import { generateAuthEvents } from './auth-event-generator.ts';
import type { AuthEventRecord, UserRecord } from './model.ts';
import type { PoolStore } from './pool-store.ts';

/** The stream a day's exported records go to. */
export function activityStreamName(poolId: string, ms: number): string {
  return `${poolId}/${new Date(ms).toISOString().slice(0, 10)}`;
}

const RECORD_OVERHEAD = 560;

function requestIdBytes(eventId: string, out: Uint8Array): Uint8Array {
  const [a, b, c, d] = hash128(`request:${eventId}`);
  const words = [a, b, c, d];
  for (let i = 0; i < 16; i += 1) out[i] = (words[i >> 2] >>> ((i & 3) * 8)) & 255;
  out[6] = (out[6] & 0x0f) | 0x40;
  out[8] = (out[8] & 0x3f) | 0x80;
  return out;
}

function writeEvent(group: LogGroup, cols: UserActivityColumns, pool: PoolStore, user: UserRecord, event: AuthEventRecord, scratch: Uint8Array): void {
  const table = group.table;
  const t = event.createdAt;
  const stream = activityStreamName(pool.def.id, t);
  const ingestion = t + 1000 + (t % 29_000);
  const sub = user.attributes.sub ?? user.username;
  const client = pool.def.clients[user.ordinal % Math.max(1, pool.def.clients.length)]?.id ?? '';
  const place = event.EventContextData;
  const feedback = event.feedback?.FeedbackValue ?? '';
  const values: Array<[{ intern(v: string): number; setCode(row: number, code: number): void }, string]> = [
    [cols.eventSource, 'USER_AUTH_EVENTS'],
    [cols.logLevel, 'INFO'],
    [cols.version, '1'],
    [cols.eventType, event.EventType],
    [cols.userSub, sub],
    [cols.userName, user.username],
    [cols.userPoolId, pool.def.id],
    [cols.clientId, client],
    [cols.eventResponse, event.EventResponse],
    [cols.riskLevel, (event.EventRisk.RiskLevel ?? '').toUpperCase()],
    [cols.riskDecision, exportedDecision(event.EventRisk.RiskDecision ?? 'NoRisk')],
    [cols.deviceName, place.DeviceName ?? ''],
    [cols.ipAddress, place.IpAddress ?? ''],
    [cols.idpName, ''],
    [cols.compromisedCredentialDetected, String(event.EventRisk.CompromisedCredentialsDetected === true)],
    [cols.city, place.City ?? ''],
    [cols.country, place.Country ?? ''],
    [cols.eventFeedbackValue, feedback],
    [cols.hasContextData, String(place.IpAddress !== undefined)],
  ];
  event.ChallengeResponses.slice(0, 2).forEach((c, i) => {
    values.push([cols.challenges[i][0], c.ChallengeName], [cols.challenges[i][1], c.ChallengeResponse]);
  });
  let size = RECORD_OVERHEAD;
  for (const [, v] of values) size += Buffer.byteLength(v);
  const row = table.addRow(t, ingestion, table.stream.intern(stream), size);
  for (const [column, v] of values) column.setCode(row, column.intern(v));
  cols.eventId.setBytes(row, uuidBytes(event.EventId, scratch));
  cols.requestId.setBytes(row, requestIdBytes(event.EventId, scratch));
  group.noteEvent(stream, t, ingestion);
}

/**
 * Exports a pool's generated auth events (the ones AdminListUserAuthEvents returns) into a log group as
 * user-activity records, `budget` users a slice; sorts the rows by time once every user is in.
 */
export function userActivityExport(seed: number, now: number, pool: PoolStore): GroupFiller {
  let next = 0;
  let cols: UserActivityColumns | undefined;
  const scratch = new Uint8Array(16);
  return (group, budget) => {
    cols ??= new UserActivityColumns(group.table);
    const users = pool.users();
    const end = Math.min(users.length, next + budget);
    for (; next < end; next += 1) {
      const user = users[next];
      for (const event of generateAuthEvents(seed, pool.def, user, now)) writeEvent(group, cols, pool, user, event, scratch);
    }
    if (next < users.length) return false;
    group.table.sortByTime();
    return true;
  };
}
