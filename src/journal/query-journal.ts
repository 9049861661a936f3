import type { QueryAsked } from '../domain/canned-queries.ts';
import type { CallerIdentity } from '../gateway/types.ts';
import type { JournalLine } from './journal.ts';

/** The journal action of a Logs Insights query (a read, journaled for its cost and for the record of what was looked at). */
export const QUERY_ACTION = 'query';

/** What a finished query journals. */
export interface QueryJournalFacts extends QueryAsked {
  at: number;
  who: CallerIdentity;
  incident?: string;
  profile?: string;
  region?: string;
  queryId?: string;
  status: string;
  rows: number;
  recordsMatched?: number;
  recordsScanned?: number;
  bytesScanned?: number;
  error?: string;
  /** The user a question was about (history). */
  user?: string;
}

const OUTCOMES: Record<string, string> = { Complete: 'ok', Cancelled: 'cancelled' };

/** The journal line of one query: its text, range and statistics, never a secret. */
export function queryJournalLine(f: QueryJournalFacts): JournalLine {
  const figures: Record<string, string> = {};
  if (f.recordsMatched !== undefined) figures.recordsMatched = String(f.recordsMatched);
  if (f.recordsScanned !== undefined) figures.recordsScanned = String(f.recordsScanned);
  if (f.bytesScanned !== undefined) figures.bytesScanned = String(f.bytesScanned);
  return {
    at: new Date(f.at).toISOString(), ...(f.incident ? { incident: f.incident } : {}), who: f.who,
    ...(f.profile ? { profile: f.profile } : {}), ...(f.region ? { region: f.region } : {}),
    poolId: f.poolId, action: QUERY_ACTION, write: `query ${f.name}`,
    target: { username: f.user ?? '', label: f.logGroup },
    parameters: {
      query: f.query, start: new Date(f.startMs).toISOString(), end: new Date(f.endMs).toISOString(), logGroup: f.logGroup,
      status: f.status, rows: String(f.rows), ...(f.queryId ? { queryId: f.queryId } : {}), ...figures,
    },
    outcome: OUTCOMES[f.status] ?? 'failed',
    ...(f.error ? { message: f.error } : {}),
  };
}
