import type { IpPivotRow } from '../domain/ip-pivot.ts';
import { eventSeverity } from '../domain/event-risk.ts';
import { riskDecisionRank, riskLevelRank, type SortValue } from '../domain/sort-order.ts';
import type { ApiCallRecord, AuthEvent, Device, Group, PoolSummary, User } from '../gateway/types.ts';
import type { JournalLine } from '../journal/journal.ts';
import type { SweepFinding } from '../sweep/index.ts';
import {
  CLIENT_COLUMNS, DEVICE_COLUMNS, EVENT_COLUMNS, FINDING_COLUMNS, GROUP_COLUMNS, POOL_COLUMNS, POOL_GROUP_COLUMNS, USER_COLUMNS, type Column,
} from '../ui/columns.ts';
import { IP_COLUMNS, JOURNAL_COLUMNS, LOG_VIEW_COLUMNS } from '../ui/view-columns.ts';
import type { ListRef } from './routes.ts';

/** How a list is sorted: by the column with this header, and which way. */
export interface ListSort {
  column: string;
  descending: boolean;
}

/** One column a list can be sorted by: its header, what a row sorts by, and the way the first press sorts it. */
export interface SortColumn {
  header: string;
  key: (row: unknown) => SortValue;
  /** Times, counts and risk sort newest, most or worst first when first chosen; text A to Z. */
  firstDescending: boolean;
}

/** A column's own sort, where its text would not sort right (times, counts, risk in risk order). */
type Keyed<T> = Record<string, (row: T) => SortValue>;

const newest = (events: readonly AuthEvent[]) => events.reduce<number | undefined>((n, e) => (e.createdAt !== undefined && (n === undefined || e.createdAt > n) ? e.createdAt : n), undefined);
const worst = (events: readonly AuthEvent[]) => events.reduce((w, e) => Math.max(w, eventSeverity(e)), 0);
const age = (at: number | undefined) => (at === undefined ? undefined : -at);

/** The sortable columns of a list shown with `columns`: keyed ones by `keys`, every other by its text, ignoring case. */
function sortable<T>(columns: readonly Column<T>[], keys: Keyed<T> = {}): SortColumn[] {
  return columns.map((c) => {
    const own = keys[c.header];
    return {
      header: c.header,
      key: own ? (row: unknown) => own(row as T) : (row: unknown) => c.cell(row as T, 0, 'utc').toLowerCase(),
      firstDescending: own !== undefined && c.header !== 'AGE',
    };
  });
}

const userKeys: Keyed<User> = { CREATED: (u) => u.createdAt, ENABLED: (u) => (u.enabled ? 1 : 0) };
const groupKeys: Keyed<Group> = { PREC: (g) => g.precedence, CREATED: (g) => g.createdAt, MODIFIED: (g) => g.modifiedAt };

/** The sortable columns of every kind of list, built on first use (the views' column tables load first). */
function buildTable(): Partial<Record<ListRef['kind'], SortColumn[]>> {
  const users = sortable(USER_COLUMNS, userKeys);
  const clients = sortable(CLIENT_COLUMNS);
  return {
    pools: sortable(POOL_COLUMNS, { CREATED: (p: PoolSummary) => p.createdAt }),
    users,
    'group-users': users,
    clients,
    appClients: clients,
    groups: sortable(GROUP_COLUMNS, groupKeys),
    'groups-of-pool': sortable(POOL_GROUP_COLUMNS, groupKeys),
    devices: sortable(DEVICE_COLUMNS, { 'LAST SIGN-IN': (d: Device) => d.lastAuthenticatedAt }),
    events: sortable(EVENT_COLUMNS, {
      TIME: (e) => e.createdAt, AGE: (e) => age(e.createdAt), RISK: (e) => riskLevelRank(e.riskLevel),
      DECISION: (e) => riskDecisionRank(e.riskDecision), CC: (e) => (e.compromisedCredentials ? 1 : 0),
    }),
    findings: sortable(FINDING_COLUMNS, {
      RISKY: (f: SweepFinding) => f.events.length, WORST: (f) => worst(f.events), CC: (f) => (f.events.some((e) => e.compromisedCredentials) ? 1 : 0),
      NEWEST: (f) => newest(f.events), AGE: (f) => age(newest(f.events)),
    }),
    ip: sortable(IP_COLUMNS, {
      EVENTS: (r: IpPivotRow) => r.events, WORST: (r) => eventSeverity(r.worst), CC: (r) => (r.worst.compromisedCredentials ? 1 : 0),
      NEWEST: (r) => r.newestAt, AGE: (r) => age(r.newestAt),
    }),
    log: sortable(LOG_VIEW_COLUMNS, { TIME: (r: ApiCallRecord) => r.at, MS: (r) => r.ms, TRIES: (r) => r.attempts }),
    journal: sortable(JOURNAL_COLUMNS, { TIME: (l: JournalLine) => Date.parse(l.at) }),
  };
}

let table: Partial<Record<ListRef['kind'], SortColumn[]>> | undefined;

/** The columns a kind of list can be sorted by, in their order on screen (none for a kind not listed). */
export function sortColumnsOf(kind: ListRef['kind']): readonly SortColumn[] {
  table ??= buildTable();
  return table[kind] ?? [];
}

/** The column a sort names, if the list has it. */
export function sortColumn(kind: ListRef['kind'], sort: ListSort): SortColumn | undefined {
  return sortColumnsOf(kind).find((c) => c.header === sort.column);
}

/** The sort after the cycling key: the next column (each its first way), and after the last, the loaded order again. */
export function nextSort(kind: ListRef['kind'], current: ListSort | undefined): ListSort | undefined {
  const columns = sortColumnsOf(kind);
  const at = current ? columns.findIndex((c) => c.header === current.column) : -1;
  const next = columns[at + 1];
  return next ? { column: next.header, descending: next.firstDescending } : undefined;
}

/** The sort after the reversing key: the other way; an unsorted list sorts by its first column the other way. */
export function reversedSort(kind: ListRef['kind'], current: ListSort | undefined): ListSort | undefined {
  if (current) return { ...current, descending: !current.descending };
  const first = sortColumnsOf(kind)[0];
  return first ? { column: first.header, descending: !first.firstDescending } : undefined;
}
