import { resolve } from 'node:path';
import type { QueryAsked } from '../domain/canned-queries.ts';
import { csvRecord } from './csv.ts';
import { fileTimestamp, isoTime, safeNamePart, writeNewFile } from './events-file.ts';

/** What a query export says about where its rows came from. */
export interface QueryExportMeta extends QueryAsked {
  truncated: boolean;
  now: number;
}

/** The rows as JSON: what was asked, over which range, and the rows with the columns the query returned. */
export function queryToJson(columns: string[], rows: Record<string, string>[], meta: QueryExportMeta): string {
  return `${JSON.stringify({
    exportedAt: isoTime(meta.now), poolId: meta.poolId, logGroup: meta.logGroup, question: meta.name, query: meta.query,
    start: isoTime(meta.startMs), end: isoTime(meta.endMs), truncatedAtLimit: meta.truncated, columns,
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? '']))),
  }, null, 2)}\n`;
}

/** The rows as CSV: a header of the columns, then one record per row (cells guarded against formulas). */
export function queryToCsv(columns: string[], rows: Record<string, string>[]): string {
  return [csvRecord(columns), ...rows.map((r) => csvRecord(columns.map((c) => r[c] ?? '')))].join('');
}

/** Writes the rows to a new file `cognito-query-<pool>-<name>-<UTC time>[-n].<format>` in `dir`; resolves with its path. */
export function writeQueryExport(dir: string, format: 'json' | 'csv', columns: string[], rows: Record<string, string>[], meta: QueryExportMeta): Promise<string> {
  const body = format === 'csv' ? queryToCsv(columns, rows) : queryToJson(columns, rows, meta);
  return writeNewFile(resolve(dir), body, (attempt) =>
    `cognito-query-${safeNamePart(meta.poolId, 'pool')}-${safeNamePart(meta.name, 'query')}-${fileTimestamp(meta.now)}${attempt > 1 ? `-${attempt}` : ''}.${format}`);
}
