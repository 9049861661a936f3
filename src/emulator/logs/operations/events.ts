import { ServiceError } from '../../errors.ts';
import type { LogsStore } from '../logs-store.ts';
import { groupNameOf, logsInvalid, optionalInteger, optionalString, optionalStrings, requiredString } from '../params.ts';
import { matchesFilterPattern, parseFilterPattern } from './filter-pattern.ts';

const DAY = 86_400_000;
const MAX_BATCH_EVENTS = 10_000;
const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;

/** PutLogEvents: events in time order into an existing stream; too old (> 14 days) or too new (> 2 h) ones are rejected. */
export function putLogEvents(store: LogsStore, body: Record<string, unknown>): Record<string, unknown> {
  const group = store.requireGroup(requiredString(body, 'logGroupName'));
  const streamName = requiredString(body, 'logStreamName');
  group.ensureFilled();
  if (!group.streams.has(streamName)) throw new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
  const events = body.logEvents;
  if (!Array.isArray(events) || events.length === 0) throw logsInvalid('logEvents must hold at least one event.');
  if (events.length > MAX_BATCH_EVENTS) throw logsInvalid(`Too many log events in the batch: at most ${MAX_BATCH_EVENTS}.`);
  let bytes = 0;
  let previous = -Infinity;
  const checked = events.map((e: unknown, i) => {
    const ev = e as { timestamp?: unknown; message?: unknown };
    if (typeof ev?.timestamp !== 'number' || typeof ev.message !== 'string') throw logsInvalid(`logEvents[${i}] needs a timestamp (epoch ms) and a message.`);
    if (ev.message.length === 0) throw logsInvalid(`logEvents[${i}].message must not be empty.`);
    if (ev.timestamp < previous) throw logsInvalid('Log events in a single PutLogEvents request must be in chronological order.');
    previous = ev.timestamp;
    bytes += Buffer.byteLength(ev.message) + EVENT_OVERHEAD;
    return { timestamp: ev.timestamp, message: ev.message };
  });
  if (bytes > MAX_BATCH_BYTES) throw logsInvalid(`The batch is ${bytes} bytes; at most ${MAX_BATCH_BYTES}.`);
  const now = store.clock();
  let tooOld = -1;
  let tooNew = -1;
  checked.forEach((ev, i) => {
    if (ev.timestamp < now - 14 * DAY) tooOld = i;
    else if (ev.timestamp > now + 2 * 3_600_000) {
      if (tooNew < 0) tooNew = i;
    } else {
      group.table.append({ timestamp: ev.timestamp, ingestionTime: now, stream: streamName, message: ev.message });
      group.noteEvent(streamName, ev.timestamp, now);
    }
  });
  const out: Record<string, unknown> = {};
  if (tooOld >= 0 || tooNew >= 0) {
    const info: Record<string, number> = {};
    if (tooOld >= 0) info.tooOldLogEventEndIndex = tooOld + 1;
    if (tooNew >= 0) info.tooNewLogEventStartIndex = tooNew;
    out.rejectedLogEventsInfo = info;
  }
  return out;
}

/** FilterLogEvents: events of a group in a time range matching a filter pattern, oldest first, paged. */
export async function filterLogEvents(store: LogsStore, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const name = optionalString(body, 'logGroupName') ?? optionalString(body, 'logGroupIdentifier', 2048);
  if (name === undefined) throw logsInvalid('Either logGroupName or logGroupIdentifier is required.');
  const group = store.requireGroup(groupNameOf(name));
  const streamNames = optionalStrings(body, 'logStreamNames', 100);
  const streamPrefix = optionalString(body, 'logStreamNamePrefix');
  if (streamNames !== undefined && streamPrefix !== undefined) throw logsInvalid('logStreamNames and logStreamNamePrefix are mutually exclusive.');
  const start = optionalInteger(body, 'startTime', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const end = optionalInteger(body, 'endTime', 0, Number.MAX_SAFE_INTEGER) ?? Number.MAX_SAFE_INTEGER;
  if (start > end) throw logsInvalid('startTime must not be after endTime.');
  const limit = optionalInteger(body, 'limit', 1, 10_000) ?? 10_000;
  const pattern = parseFilterPattern(optionalString(body, 'filterPattern', 1024) ?? '');
  const token = optionalString(body, 'nextToken', 4096);
  await group.filled();
  const table = group.table;
  const range = table.range(start, end);
  let from = range.lo;
  if (token !== undefined) {
    const at = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(at) || at < range.lo) throw logsInvalid('The specified nextToken is not valid.');
    from = at;
  }
  const events: Array<Record<string, unknown>> = [];
  let row = from;
  for (; row < range.hi && events.length < limit; row += 1) {
    const t = table.timestamps.get(row);
    if (t < start || t > end) continue;
    const stream = table.stream.decode(table.stream.code(row)) ?? '';
    if (streamNames !== undefined && !streamNames.includes(stream)) continue;
    if (streamPrefix !== undefined && !stream.startsWith(streamPrefix)) continue;
    const message = table.messageOf(row);
    if (!matchesFilterPattern(pattern, message, table, row)) continue;
    events.push({ logStreamName: stream, timestamp: t, message, ingestionTime: table.ingestion.get(row), eventId: `${row}`.padStart(20, '0') });
  }
  const out: Record<string, unknown> = { events, searchedLogStreams: [] };
  if (row < range.hi) out.nextToken = Buffer.from(String(row), 'utf8').toString('base64url');
  return out;
}
