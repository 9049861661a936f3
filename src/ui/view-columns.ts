import { riskDecisionMarker, riskLevelMarker } from '../domain/event-risk.ts';
import type { IpPivotRow } from '../domain/ip-pivot.ts';
import { formatAgo, formatTime } from '../domain/time-format.ts';
import type { ApiCallRecord } from '../gateway/types.ts';
import type { JournalLine } from '../journal/journal.ts';
import { causeLabel } from '../store/api-stats.ts';
import { LOG_COLUMNS, riskColor, type Column } from './columns.ts';

const TIME_CELLS = 25;

/** The pivot's columns: the user, how many events came from the address, the worst of them, and the newest. */
export const IP_COLUMNS: Column<IpPivotRow>[] = [
  { header: 'USERNAME', min: 12, max: 128, flex: true, cell: (r) => r.user.username },
  { header: 'EMAIL', min: 16, max: 128, flex: true, drop: 2, cell: (r) => r.user.attributes.email ?? '' },
  { header: 'EVENTS', min: 6, max: 8, align: 'right', cell: (r) => String(r.events) },
  { header: 'WORST', min: 26, max: 26, cell: (r) => `${riskLevelMarker(r.worst.riskLevel)} ${riskDecisionMarker(r.worst.riskDecision)}`, color: (r) => riskColor(r.worst) },
  { header: 'CC', min: 3, max: 3, drop: 4, cell: (r) => (r.worst.compromisedCredentials ? '!CC' : ''), color: () => 'danger' },
  { header: 'NEWEST', min: TIME_CELLS, max: TIME_CELLS, drop: 1, cell: (r, _now, zone) => formatTime(r.newestAt, zone) },
  { header: 'AGE', min: 8, max: 8, align: 'right', drop: 3, cell: (r, now) => formatAgo(r.newestAt, now) },
];

const at = (l: JournalLine) => Date.parse(l.at);

/** The journal's columns: when, the incident, the operation, on whom, how it ended, and who sent it. */
export const JOURNAL_COLUMNS: Column<JournalLine>[] = [
  { header: 'TIME', min: 20, max: 20, cell: (l, _now, zone) => (Number.isNaN(at(l)) ? l.at : formatTime(at(l), zone)) },
  { header: 'INCIDENT', min: 8, max: 24, drop: 2, cell: (l) => l.incident ?? '' },
  { header: 'ACTION', min: 14, max: 32, cell: (l) => `${l.action}${l.parameters?.value ? ` ${l.parameters.value}` : ''}` },
  { header: 'TARGET', min: 10, max: 40, flex: true, cell: (l) => `${l.target.label}${l.poolId ? ` (${l.poolId})` : ''}` },
  {
    header: 'OUTCOME', min: 8, max: 40, flex: true,
    cell: (l) => `${l.outcome}${l.readBack ? ` → ${l.readBack}` : ''}${l.message ? `: ${l.message}` : ''}`,
    color: (l) => (l.outcome === 'ok' ? undefined : l.outcome === 'cancelled' ? 'muted' : 'warn'),
  },
  { header: 'WHO', min: 10, max: 60, flex: true, drop: 1, cell: (l) => ('arn' in l.who ? l.who.arn : `unknown: ${l.who.unknown}`) },
];

/** Why a call was retried, by cause ("5xx 2 · network 1"). */
const RETRIED: Column<ApiCallRecord> = {
  header: 'RETRIED', min: 7, max: 18, drop: 1, cell: (r) => causeLabel(r.retries), color: (r) => (r.retries ? 'warn' : undefined),
};

/** ok, aborted (its view was left: not a failure), or the failure's name. */
const OUTCOME: Column<ApiCallRecord> = {
  header: 'OUTCOME',
  min: 10,
  max: 60,
  flex: true,
  cell: (r) => (r.ok ? 'ok' : r.aborted ? 'aborted' : `✖ ${r.errorName ?? 'failed'}`),
  color: (r) => (r.ok ? undefined : r.aborted ? 'muted' : 'danger'),
};

/** The log's columns: the shared ones, with the retries by cause and an outcome that tells aborted from failed. */
export const LOG_VIEW_COLUMNS: Column<ApiCallRecord>[] = [...LOG_COLUMNS.filter((c) => c.header !== 'OUTCOME'), RETRIED, OUTCOME];
