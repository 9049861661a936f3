import { open, stat, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isoUtc } from '../domain/time-format.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { csvRecord } from './csv.ts';

/** File formats the events export writes. */
export type ExportFormat = 'json' | 'csv';

/** One event as the JSON export writes it: fixed key order, absent values as null, times also as ISO text. */
export interface EventRecord {
  id: string;
  createdAt: number | null;
  createdAtIso: string | null;
  type: string | null;
  response: string | null;
  riskLevel: string | null;
  riskDecision: string | null;
  compromisedCredentials: boolean | null;
  challenges: { name: string | null; response: string | null }[];
  ip: string | null;
  city: string | null;
  country: string | null;
  device: string | null;
  timezone: string | null;
  feedback: { value: string | null; provider: string | null; date: number | null; dateIso: string | null } | null;
}

/** The whole JSON export: who and when, then the events in the order they were loaded (newest first). */
export interface EventsExportDocument {
  poolId: string;
  username: string;
  exportedAt: number;
  exportedAtIso: string;
  eventCount: number;
  events: EventRecord[];
}

/** Who the events belong to and when they are exported (epoch milliseconds). */
export interface EventsExportMeta {
  poolId: string;
  username: string;
  now: number;
}

/** Arguments of writeEventsExport; `now` (epoch milliseconds) defaults to the current time. */
export interface WriteEventsExportOptions {
  dir: string;
  poolId: string;
  username: string;
  events: AuthEvent[];
  format: ExportFormat;
  now?: number;
}

/** Header row of the CSV export, in column order. */
export const CSV_HEADER: readonly string[] = [
  'time',
  'type',
  'response',
  'risk level',
  'risk decision',
  'compromised credentials',
  'ip',
  'city',
  'country',
  'device',
  'timezone',
  'challenges',
  'feedback value',
  'feedback provider',
  'feedback date',
  'event id',
];

const MAX_NAME_PART = 64;
const MAX_SUFFIX = 1000;

/** ISO 8601 text of an epoch-milliseconds time, or null when there is no valid time. */
export function isoTime(ms: number | undefined): string | null {
  return isoUtc(ms);
}

/** The JSON export shape of one event. */
export function eventRecord(event: AuthEvent): EventRecord {
  return {
    id: event.id,
    createdAt: event.createdAt ?? null,
    createdAtIso: isoTime(event.createdAt),
    type: event.type ?? null,
    response: event.response ?? null,
    riskLevel: event.riskLevel ?? null,
    riskDecision: event.riskDecision ?? null,
    compromisedCredentials: event.compromisedCredentials ?? null,
    challenges: event.challenges.map((c) => ({ name: c.name ?? null, response: c.response ?? null })),
    ip: event.ip ?? null,
    city: event.city ?? null,
    country: event.country ?? null,
    device: event.device ?? null,
    timezone: event.timezone ?? null,
    feedback: event.feedback
      ? {
          value: event.feedback.value ?? null,
          provider: event.feedback.provider ?? null,
          date: event.feedback.date ?? null,
          dateIso: isoTime(event.feedback.date),
        }
      : null,
  };
}

/** The events as a pretty-printed JSON document (EventsExportDocument) ending with a newline. */
export function eventsToJson(events: AuthEvent[], meta: EventsExportMeta): string {
  const doc: EventsExportDocument = {
    poolId: meta.poolId,
    username: meta.username,
    exportedAt: meta.now,
    exportedAtIso: isoTime(meta.now) ?? '',
    eventCount: events.length,
    events: events.map(eventRecord),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Challenges as one cell: `Password:Success; Mfa:Failure`. */
function challengesText(challenges: AuthEvent['challenges']): string {
  return challenges.map((c) => (c.response === undefined ? (c.name ?? '') : `${c.name ?? ''}:${c.response}`)).join('; ');
}

/** The cells every CSV export gives an event, from `time` to `device` in CSV_HEADER's order. */
export function eventCells(e: AuthEvent): string[] {
  return [
    isoTime(e.createdAt) ?? '',
    e.type ?? '',
    e.response ?? '',
    e.riskLevel ?? '',
    e.riskDecision ?? '',
    e.compromisedCredentials === undefined ? '' : String(e.compromisedCredentials),
    e.ip ?? '',
    e.city ?? '',
    e.country ?? '',
    e.device ?? '',
  ];
}

/** The events as CSV (RFC 4180, CRLF line ends): the CSV_HEADER row, then one row per event. */
export function eventsToCsv(events: AuthEvent[]): string {
  const rows = events.map((e) => [
    ...eventCells(e),
    e.timezone ?? '',
    challengesText(e.challenges),
    e.feedback?.value ?? '',
    e.feedback?.provider ?? '',
    isoTime(e.feedback?.date) ?? '',
    e.id,
  ]);
  return [CSV_HEADER as string[], ...rows].map(csvRecord).join('');
}

/** A name part reduced to [A-Za-z0-9._-] (anything else becomes `_`), at most 64 characters, never empty. */
export function safeNamePart(value: string, fallback: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]+/, '').slice(0, MAX_NAME_PART);
  return cleaned === '' ? fallback : cleaned;
}

/** `20250102T030405Z`: a UTC timestamp that sorts and is safe in a file name. */
export function fileTimestamp(now: number): string {
  return (isoTime(now) ?? new Date(0).toISOString()).replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * The export's file name, without a directory: `cognito-events-<pool>-<user>-<UTC time>[-n].<format>`.
 * `attempt` 1 gives no suffix; later attempts add `-2`, `-3`, …
 */
export function exportFileName(opts: { poolId: string; username: string; format: ExportFormat; now: number; attempt?: number }): string {
  const suffix = (opts.attempt ?? 1) > 1 ? `-${opts.attempt}` : '';
  return `cognito-events-${safeNamePart(opts.poolId, 'pool')}-${safeNamePart(opts.username, 'user')}-${fileTimestamp(opts.now)}${suffix}.${opts.format}`;
}

/**
 * Writes the events to a new file in `dir` and returns its absolute path. Never replaces a file: when the
 * name is taken it adds `-2`, `-3`, … . Failures throw an Error whose message is a sentence for the user.
 */
export async function writeEventsExport(opts: WriteEventsExportOptions): Promise<string> {
  const now = opts.now ?? Date.now();
  const dir = resolve(opts.dir);
  const body = opts.format === 'csv' ? eventsToCsv(opts.events) : eventsToJson(opts.events, { poolId: opts.poolId, username: opts.username, now });
  return writeNewFile(dir, body, (attempt) => exportFileName({ poolId: opts.poolId, username: opts.username, format: opts.format, now, attempt }));
}

/**
 * Writes `body` to a new file in `dir` (mode 0600, never over an existing one), named by `nameFor(1)`, or
 * `nameFor(2)`, … while a name is taken; resolves with its path. Failures throw a sentence for the user.
 */
export async function writeNewFile(dir: string, body: string, nameFor: (attempt: number) => string): Promise<string> {
  await checkDirectory(dir);
  for (let attempt = 1; attempt <= MAX_SUFFIX; attempt++) {
    const path = resolve(dir, nameFor(attempt));
    let handle;
    try {
      handle = await open(path, 'wx', 0o600);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw new Error(writeFailure(dir, error));
    }
    try {
      await handle.writeFile(body, 'utf8');
    } catch (error) {
      await handle.close().catch(() => undefined);
      await removeQuietly(path);
      throw new Error(writeFailure(dir, error));
    }
    await handle.close();
    return path;
  }
  throw new Error(`Could not export to ${dir}: ${MAX_SUFFIX} files with this name already exist. Remove some or export elsewhere.`);
}

/** Throws a sentence for the user unless `dir` is an existing directory. */
async function checkDirectory(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new Error(writeFailure(dir, error));
  }
  if (!info.isDirectory()) throw new Error(`Could not export to ${dir}: it is a file, not a directory.`);
}

/** Removes a half-written file, ignoring any failure. */
async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** The `code` of a Node error (EACCES, EEXIST…), if it has one. */
function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Why writing into `dir` failed, as a sentence for the user. */
function writeFailure(dir: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `Could not export to ${dir}: the directory is not writable (permission denied).`;
    case 'EROFS':
      return `Could not export to ${dir}: the file system is read-only.`;
    case 'ENOENT':
      return `Could not export to ${dir}: the directory does not exist.`;
    case 'ENOTDIR':
      return `Could not export to ${dir}: part of that path is a file, not a directory.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not export to ${dir}: no space left on the device.`;
    default:
      return `Could not export to ${dir}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
