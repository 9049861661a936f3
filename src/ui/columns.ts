import type { ApiCallRecord, AppClient, AuthEvent, Device, Group, PoolSummary, User } from '../gateway/types.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { roleName } from '../domain/iam-role.ts';
import { eventSeverity, riskDecisionMarker, riskLevelMarker } from '../domain/event-risk.ts';
import { formatAgo, formatClock, formatShortTime, formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import { cellWidth, fit, safeText } from './text.ts';
import type { ThemeRole } from './theme.ts';

/**
 * One column of a list: a header, how its cell reads, and how wide it may be. A column is as wide as its content
 * in the rows in view (header included), between `min` and `max`; spare width goes to the last `flex` column.
 */
export interface Column<T> {
  header: string;
  /** Narrowest it is cut to before lower-priority columns are dropped (never wider than its content). */
  min: number;
  /** Widest its content makes it; a flex column may still take spare width beyond it. */
  max: number;
  /** Gives width back first when the terminal is narrow (names, e-mail, places); the last one shown takes spare width. */
  flex?: boolean;
  align?: 'left' | 'right';
  /** The cell's text; `zone` is the one times are shown in. */
  cell: (item: T, now: number, zone: TimeZoneSetting) => string;
  /** A colour for the cell, by value. */
  color?: (item: T) => ThemeRole | undefined;
  /** When the terminal is narrow, the highest number is dropped first; a column without one is always shown. */
  drop?: number;
}

/** The columns shown and the width of each. */
export interface FittedColumns<T> {
  columns: Column<T>[];
  widths: number[];
}

const NO_ROWS: readonly never[] = [];

interface FitEntry {
  rows: readonly unknown[];
  all: readonly unknown[];
  zone: TimeZoneSetting;
  fit: FittedColumns<never>;
}

const fitted = new WeakMap<Column<never>[], Map<number, FitEntry>>();

/**
 * The columns that fit in `total` cells for `rows` (the rows in view). Which columns show is decided from the widest
 * cells seen in view of `all` (the loaded list) so far, so scrolling back and forth does not change it, while the cost
 * stays that of the rows in view: when the content is too wide, columns blank in every row go first, then
 * low-priority columns until every column fits at its min. Widths come from the rows in view: each column as wide as
 * its widest cell (header included), within its max; where that is still too wide, columns give width down to their
 * min in proportion to their excess: flexible droppable ones (e-mail, name) first, down to their min and then to a
 * few cells, then the flexible ones that always stay (username), then fixed ones. Width left over (by the widths seen)
 * shows dropped columns first, in their order of priority, then goes to the last flexible column. The answer is kept for the same columns, width, rows, list and
 * zone, and an equal layout for other rows (the window scrolled by a row) is the same object, so rows drawn with it
 * can tell their layout did not change: moving the cursor redraws only the rows whose item or selection changed.
 */
export function fitColumns<T>(columns: Column<T>[], total: number, rows: readonly T[] = NO_ROWS, now = 0, zone: TimeZoneSetting = 'utc', all: readonly T[] = rows): FittedColumns<T> {
  let byTotal = fitted.get(columns as Column<never>[]);
  if (!byTotal) fitted.set(columns as Column<never>[], (byTotal = new Map()));
  const hit = byTotal.get(total);
  if (hit && hit.rows === rows && hit.all === all && hit.zone === zone) return hit.fit as FittedColumns<T>;
  const computed = computeFit(columns, total, rows, all, now, zone);
  const fit = hit && sameFit(hit.fit as FittedColumns<T>, computed) ? (hit.fit as FittedColumns<T>) : computed;
  byTotal.set(total, { rows, all, zone, fit: fit as FittedColumns<never> });
  return fit;
}

/** True when two fits show the same columns at the same widths: rows drawn with the first need not be drawn again. */
function sameFit<T>(a: FittedColumns<T>, b: FittedColumns<T>): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c === b.columns[i] && a.widths[i] === b.widths[i]);
}

/** Takes up to `over` cells from the members, each in proportion to what it has above its least width; answers what is still over. */
function shrinkTogether(widths: number[], members: { k: number; least: number }[], over: number): number {
  const slack = (m: { k: number; least: number }) => Math.max(0, widths[m.k] - m.least);
  const total = members.reduce((sum, m) => sum + slack(m), 0);
  if (over <= 0 || total === 0) return over;
  const take = Math.min(over, total);
  let taken = 0;
  for (const m of members) {
    const cut = Math.floor((take * slack(m)) / total);
    widths[m.k] -= cut;
    taken += cut;
  }
  while (taken < take) {
    const widest = members.reduce((a, m) => (slack(m) > slack(a) ? m : a));
    widths[widest.k]--;
    taken++;
  }
  return over - taken;
}

/** Each column's widest cell in the rows, within its max; 0 for a column blank in every row. */
function cellWidths<T>(columns: Column<T>[], rows: readonly T[], now: number, zone: TimeZoneSetting): number[] {
  return columns.map((c) => {
    let widest = 0;
    for (const row of rows) widest = Math.max(widest, cellWidth(safeText(c.cell(row, now, zone))));
    return Math.min(c.max, widest);
  });
}

interface SeenWidths {
  first: unknown;
  zone: TimeZoneSetting;
  widths: number[];
}

const seenWidths = new WeakMap<Column<never>[], SeenWidths>();

/**
 * The widest cells seen in view of one list so far (a list is known by its first row): what decides the columns shown,
 * so that scrolling back and forth does not change them, at the cost of the rows in view only.
 */
function widthsSeen<T>(columns: Column<T>[], all: readonly T[], inView: number[], zone: TimeZoneSetting): number[] {
  const seen = seenWidths.get(columns as Column<never>[]);
  const same = seen !== undefined && seen.zone === zone && all.length > 0 && seen.first === all[0];
  const widths = same ? seen.widths.map((w, i) => Math.max(w, inView[i])) : inView;
  seenWidths.set(columns as Column<never>[], { first: all[0], zone, widths });
  return widths;
}

/** The least a column is shown at when width left over brings it back: enough to tell its values apart. */
const RETURN_CELLS = 8;

function computeFit<T>(columns: Column<T>[], total: number, rows: readonly T[], all: readonly T[], now: number, zone: TimeZoneSetting): FittedColumns<T> {
  const header = columns.map((c) => Math.min(c.max, cellWidth(c.header)));
  const inView = cellWidths(columns, rows, now, zone);
  const inList = all === rows ? inView : widthsSeen(columns, all, inView, zone);
  const blank = inList.map((w) => w === 0);
  const listNatural = inList.map((w, i) => Math.max(1, w, header[i]));
  const natural = inView.map((w, i) => Math.max(1, w, header[i]));
  const least = columns.map((c, i) => Math.min(c.min, listNatural[i]));
  const sum = (idx: number[], of: number[]) => idx.reduce((s, i) => s + of[i], 0) + Math.max(0, idx.length - 1);
  let shown = columns.map((_, i) => i);
  const dropOrder = (a: number, i: number) => ((columns[i].drop ?? -1) > (columns[a].drop ?? -1) ? i : a);
  while (sum(shown, listNatural) > total && shown.some((i) => blank[i])) {
    const worst = shown.filter((i) => blank[i]).reduce(dropOrder);
    shown = shown.filter((i) => i !== worst);
  }
  while (sum(shown, least) > total && shown.some((i) => columns[i].drop !== undefined)) {
    const worst = shown.reduce(dropOrder);
    shown = shown.filter((i) => i !== worst);
  }
  const dropped = columns.map((_, i) => i).filter((i) => !shown.includes(i) && !blank[i])
    .sort((a, b) => (columns[a].drop ?? 0) - (columns[b].drop ?? 0));
  for (const i of dropped) {
    const spare = total - sum(shown, listNatural) - 1;
    if (spare < Math.min(listNatural[i], columns[i].flex ? RETURN_CELLS : listNatural[i])) break;
    natural[i] = Math.min(natural[i], spare);
    shown = [...shown, i].sort((a, b) => a - b);
  }
  const widths = shown.map((i) => natural[i]);
  let over = widths.reduce((a, b) => a + b, 0) + Math.max(0, shown.length - 1) - total;
  const droppable = (c: Column<T>) => c.flex === true && c.drop !== undefined;
  const steps: [(c: Column<T>) => boolean, (i: number) => number][] = [
    [droppable, (i) => Math.min(least[i], natural[i])],
    [droppable, (i) => Math.min(least[i], natural[i], RETURN_CELLS)],
    [(c) => c.flex === true, (i) => Math.min(least[i], natural[i])],
    [() => true, (i) => Math.min(least[i], natural[i])],
  ];
  for (const [group, floor] of steps) {
    const members = shown.map((_, k) => k).filter((k) => group(columns[shown[k]]));
    over = shrinkTogether(widths, members.map((k) => ({ k, least: floor(shown[k]) })), over);
  }
  for (let k = widths.length - 1; k >= 0 && over > 0; k--) {
    const cut = Math.min(over, widths[k] - Math.min(widths[k], 4));
    widths[k] -= cut;
    over -= cut;
  }
  const lastFlexible = shown.map((col) => columns[col].flex === true).lastIndexOf(true);
  if (over < 0 && lastFlexible >= 0) widths[lastFlexible] -= over;
  return { columns: shown.map((i) => columns[i]), widths };
}

/** A row's cells, sanitised and fitted to the widths. */
export function renderCells<T>(columns: Column<T>[], widths: number[], item: T, now: number, zone: TimeZoneSetting = 'utc'): string[] {
  return columns.map((c, i) => fit(safeText(c.cell(item, now, zone)), widths[i], c.align));
}

/**
 * The header cells fitted to the widths; the column a list is sorted by carries ↑ (ascending) or ↓ after its header, in
 * place of its last letter when the cell has no room for both.
 */
export function renderHeader<T>(columns: Column<T>[], widths: number[], sort?: { column: string; descending: boolean }): string[] {
  return columns.map((c, i) => {
    if (c.header !== sort?.column) return fit(c.header, widths[i], c.align);
    const arrow = sort.descending ? '↓' : '↑';
    const room = Math.max(1, widths[i]);
    const label = cellWidth(c.header) + 1 <= room ? `${c.header}${arrow}` : `${c.header.slice(0, room - 1)}${arrow}`;
    return fit(label, room, c.align);
  });
}

/** The longest user pool id Cognito makes (region, underscore, up to 55 characters in all). */
const POOL_ID_CELLS = 55;

/** A time with seconds and zone: 20 cells in UTC, 25 with a local offset. */
const TIME_CELLS = 25;

/** User pool list columns. */
export const POOL_COLUMNS: Column<PoolSummary>[] = [
  { header: 'NAME', min: 12, max: 128, flex: true, cell: (p) => p.name },
  { header: 'POOL ID', min: POOL_ID_CELLS, max: POOL_ID_CELLS, cell: (p) => p.id },
  { header: 'CREATED', min: TIME_CELLS, max: TIME_CELLS, drop: 1, cell: (p, _now, zone) => formatTime(p.createdAt, zone) },
];

/** The longest user status (FORCE_CHANGE_PASSWORD). */
const STATUS_CELLS = 21;

/** User list columns. */
export const USER_COLUMNS: Column<User>[] = [
  { header: 'USERNAME', min: 24, max: 64, flex: true, cell: (u) => u.username },
  { header: 'EMAIL', min: 24, max: 48, flex: true, drop: 3, cell: (u) => u.attributes.email ?? '' },
  { header: 'NAME', min: 12, max: 32, flex: true, drop: 4, cell: (u) => u.attributes.name ?? [u.attributes.given_name, u.attributes.family_name].filter(Boolean).join(' ') },
  { header: 'STATUS', min: STATUS_CELLS, max: STATUS_CELLS, cell: (u) => u.status, color: (u) => (u.status === 'CONFIRMED' ? undefined : 'warn') },
  { header: 'ENABLED', min: 7, max: 7, cell: (u) => (u.enabled ? 'yes' : 'NO'), color: (u) => (u.enabled ? undefined : 'danger') },
  { header: 'CREATED', min: TIME_CELLS, max: TIME_CELLS, drop: 5, cell: (u, _now, zone) => formatTime(u.createdAt, zone) },
];

/** Colour of a risk level or decision; the text marker says it too, so it reads without colour. */
export function riskColor(e: AuthEvent): ThemeRole | undefined {
  if (e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block' || e.riskLevel === 'High') return 'danger';
  if (e.riskLevel === 'Medium') return 'warn';
  return undefined;
}

function feedbackCell(e: AuthEvent): string {
  if (!e.feedback?.value) return '';
  return e.feedback.provider === 'sending…' ? `${e.feedback.value}…` : e.feedback.value;
}

/**
 * Authentication event list columns. TIME, TYPE, RESULT, RISK and IP are always shown; on a narrow terminal the others
 * go, the device and location first.
 */
export const EVENT_COLUMNS: Column<AuthEvent>[] = [
  { header: 'TIME', min: 20, max: 20, cell: (e, _now, zone) => formatShortTime(e.createdAt, zone) },
  { header: 'AGE', min: 8, max: 8, align: 'right', drop: 5, cell: (e, now) => formatAgo(e.createdAt, now) },
  { header: 'TYPE', min: 14, max: 14, cell: (e) => e.type ?? '' },
  { header: 'RESULT', min: 10, max: 10, cell: (e) => e.response ?? '', color: (e) => (e.response === 'Fail' ? 'danger' : undefined) },
  { header: 'RISK', min: 8, max: 8, cell: (e) => riskLevelMarker(e.riskLevel), color: riskColor },
  { header: 'DECISION', min: 17, max: 17, drop: 3, cell: (e) => riskDecisionMarker(e.riskDecision), color: riskColor },
  { header: 'CC', min: 3, max: 3, drop: 4, cell: (e) => (e.compromisedCredentials ? '!CC' : ''), color: (e) => (e.compromisedCredentials ? 'danger' : undefined) },
  { header: 'IP', min: 15, max: 39, cell: (e) => e.ip ?? '' },
  { header: 'LOCATION', min: 10, max: 40, flex: true, drop: 6, cell: (e) => [e.city, e.country].filter(Boolean).join(', ') },
  { header: 'DEVICE', min: 10, max: 40, flex: true, drop: 7, cell: (e) => e.device ?? '' },
  { header: 'FEEDBACK', min: 8, max: 9, drop: 2, cell: feedbackCell, color: (e) => (e.feedback?.value === 'Invalid' ? 'special' : e.feedback?.value ? 'ok' : undefined) },
];

/** App client list columns (risk view). */
export const CLIENT_COLUMNS: Column<AppClient>[] = [
  { header: 'APP CLIENT', min: 12, max: 128, flex: true, cell: (c) => c.name },
  { header: 'CLIENT ID', min: 26, max: 128, cell: (c) => c.id },
];

/** Group list columns (user view). */
export const GROUP_COLUMNS: Column<Group>[] = [
  { header: 'GROUP', min: 12, max: 128, flex: true, cell: (g) => g.name },
  { header: 'PREC', min: 4, max: 4, align: 'right', drop: 2, cell: (g) => (g.precedence === undefined ? '' : String(g.precedence)) },
  { header: 'DESCRIPTION', min: 12, max: 128, flex: true, drop: 1, cell: (g) => g.description ?? '' },
];

/** A pool's group list columns (groups view): the role is shown by its name, the whole ARN is in C's copy. */
export const POOL_GROUP_COLUMNS: Column<Group>[] = [
  { header: 'GROUP', min: 12, max: 128, flex: true, cell: (g) => g.name },
  { header: 'DESCRIPTION', min: 12, max: 128, flex: true, drop: 2, cell: (g) => g.description ?? '' },
  { header: 'PREC', min: 4, max: 4, align: 'right', drop: 4, cell: (g) => (g.precedence === undefined ? '' : String(g.precedence)) },
  { header: 'ROLE', min: 10, max: 64, flex: true, drop: 1, cell: (g) => roleName(g.roleArn) },
  { header: 'CREATED', min: TIME_CELLS, max: TIME_CELLS, drop: 3, cell: (g, _now, zone) => formatTime(g.createdAt, zone) },
  { header: 'MODIFIED', min: TIME_CELLS, max: TIME_CELLS, drop: 5, cell: (g, _now, zone) => formatTime(g.modifiedAt, zone) },
];

/** Remembered device list columns (user view). */
export const DEVICE_COLUMNS: Column<Device>[] = [
  { header: 'DEVICE', min: 12, max: 64, flex: true, cell: (d) => d.name ?? d.attributes.device_name ?? d.key },
  { header: 'LAST SIGN-IN', min: TIME_CELLS, max: TIME_CELLS, drop: 2, cell: (d, _now, zone) => formatTime(d.lastAuthenticatedAt, zone) },
  { header: 'KEY', min: 12, max: 64, flex: true, drop: 1, cell: (d) => d.key },
];

function worstRisk(f: SweepFinding): string {
  const e = f.events.reduce<AuthEvent | undefined>((worst, x) => (!worst || eventSeverity(x) > eventSeverity(worst) ? x : worst), undefined);
  return e ? `${riskLevelMarker(e.riskLevel)} ${riskDecisionMarker(e.riskDecision)}` : '';
}

function newestAt(f: SweepFinding): number | undefined {
  return f.events.reduce<number | undefined>((newest, e) => (e.createdAt !== undefined && (newest === undefined || e.createdAt > newest) ? e.createdAt : newest), undefined);
}

/** Sweep finding columns: a user with risky events among those read. */
export const FINDING_COLUMNS: Column<SweepFinding>[] = [
  { header: 'USERNAME', min: 12, max: 128, flex: true, cell: (f) => f.user.username },
  { header: 'EMAIL', min: 16, max: 128, flex: true, drop: 2, cell: (f) => f.user.attributes.email ?? '' },
  { header: 'RISKY', min: 8, max: 12, align: 'right', cell: (f) => `${f.events.length}/${f.eventsRead}` },
  { header: 'WORST', min: 26, max: 26, cell: worstRisk, color: (f) => (f.events.some((e) => riskColor(e) === 'danger') ? 'danger' : 'warn') },
  { header: 'CC', min: 3, max: 3, cell: (f) => (f.events.some((e) => e.compromisedCredentials) ? '!CC' : ''), color: () => 'danger' },
  { header: 'NEWEST', min: TIME_CELLS, max: TIME_CELLS, drop: 1, cell: (f, _now, zone) => formatTime(newestAt(f), zone) },
  { header: 'AGE', min: 8, max: 8, align: 'right', drop: 3, cell: (f, now) => formatAgo(newestAt(f), now) },
];

/** API log columns: the newest call first. */
export const LOG_COLUMNS: Column<ApiCallRecord>[] = [
  { header: 'TIME', min: 14, max: 14, cell: (r, _now, zone) => (r.at === undefined ? '' : formatClock(r.at, zone)) },
  { header: 'OPERATION', min: 20, max: 40, flex: true, cell: (r) => r.operation },
  { header: 'MS', min: 6, max: 8, align: 'right', cell: (r) => String(Math.round(r.ms)) },
  { header: 'TRIES', min: 5, max: 5, align: 'right', cell: (r) => String(r.attempts), color: (r) => (r.attempts > 1 ? 'warn' : undefined) },
  { header: 'OUTCOME', min: 16, max: 60, flex: true, cell: (r) => (r.ok ? 'ok' : `✖ ${r.errorName ?? 'failed'}`), color: (r) => (r.ok ? undefined : 'danger') },
];
