import { resolve } from 'node:path';
import type { SweepFinding } from '../sweep/types.ts';
import { csvRecord } from './csv.ts';
import {
  eventCells, eventRecord, fileTimestamp, isoTime, safeNamePart, writeNewFile, type EventRecord, type ExportFormat,
} from './events-file.ts';

/** One finding as the JSON export writes it: the user, then their risky events as the events export writes them. */
export interface FindingRecord {
  username: string;
  email: string | null;
  sub: string | null;
  status: string;
  enabled: boolean;
  eventsRead: number;
  riskyEventCount: number;
  riskyEvents: EventRecord[];
}

/** The whole JSON export of a sweep's findings, worst first as the screen shows them. */
export interface FindingsExportDocument {
  poolId: string;
  filter: string | null;
  exportedAt: number;
  exportedAtIso: string;
  /** True when the sweep was still running, cancelled or stopped: the findings may be incomplete. */
  partial: boolean;
  findingCount: number;
  findings: FindingRecord[];
}

/** What a findings export is written from. */
export interface WriteFindingsExportOptions {
  dir: string;
  poolId: string;
  filter?: string;
  findings: SweepFinding[];
  format: ExportFormat;
  partial: boolean;
  now?: number;
}

/** Header row of the findings CSV: one row per risky event, its user first. */
export const FINDINGS_CSV_HEADER: readonly string[] = [
  'username', 'email', 'time', 'type', 'response', 'risk level', 'risk decision', 'compromised credentials', 'ip', 'city', 'country',
  'device', 'feedback value', 'event id',
];

/** The JSON export shape of one finding. */
export function findingRecord(f: SweepFinding): FindingRecord {
  return {
    username: f.user.username,
    email: f.user.attributes.email ?? null,
    sub: f.user.attributes.sub ?? null,
    status: f.user.status,
    enabled: f.user.enabled,
    eventsRead: f.eventsRead,
    riskyEventCount: f.events.length,
    riskyEvents: f.events.map(eventRecord),
  };
}

/** The findings as a pretty-printed JSON document (FindingsExportDocument) ending with a newline. */
export function findingsToJson(findings: SweepFinding[], meta: { poolId: string; filter?: string; now: number; partial: boolean }): string {
  const doc: FindingsExportDocument = {
    poolId: meta.poolId,
    filter: meta.filter || null,
    exportedAt: meta.now,
    exportedAtIso: isoTime(meta.now) ?? '',
    partial: meta.partial,
    findingCount: findings.length,
    findings: findings.map(findingRecord),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The findings as CSV (RFC 4180, CRLF line ends, times in ISO 8601 UTC): one row per risky event, worst finding first. */
export function findingsToCsv(findings: SweepFinding[]): string {
  const rows = findings.flatMap((f) => f.events.map((e) => [
    f.user.username,
    f.user.attributes.email ?? '',
    ...eventCells(e),
    e.feedback?.value ?? '',
    e.id,
  ]));
  return [FINDINGS_CSV_HEADER as string[], ...rows].map(csvRecord).join('');
}

/** The export's file name: `cognito-sweep-<pool>-<UTC time>[-n].<format>`. */
export function findingsFileName(opts: { poolId: string; format: ExportFormat; now: number; attempt?: number }): string {
  const suffix = (opts.attempt ?? 1) > 1 ? `-${opts.attempt}` : '';
  return `cognito-sweep-${safeNamePart(opts.poolId, 'pool')}-${fileTimestamp(opts.now)}${suffix}.${opts.format}`;
}

/**
 * Writes the findings to a new file (mode 0600) in `dir` and returns its absolute path; never replaces a file.
 * Failures throw an Error whose message is a sentence for the user.
 */
export async function writeFindingsExport(opts: WriteFindingsExportOptions): Promise<string> {
  const now = opts.now ?? Date.now();
  const dir = resolve(opts.dir);
  const body = opts.format === 'csv'
    ? findingsToCsv(opts.findings)
    : findingsToJson(opts.findings, { poolId: opts.poolId, filter: opts.filter, now, partial: opts.partial });
  return writeNewFile(dir, body, (attempt) => findingsFileName({ poolId: opts.poolId, format: opts.format, now, attempt }));
}
