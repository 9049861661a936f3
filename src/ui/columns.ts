import type { ApiCallRecord, AppClient, AuthEvent, Device, Group, PoolSummary, User } from '../gateway/types.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { eventSeverity, riskDecisionMarker, riskLevelMarker } from '../domain/event-risk.ts';
import { fit, formatAgo, formatTime, safeText } from './text.ts';

/** One column of a list: a header, a width (or a share of what is left) and how a row's cell reads. */
export interface Column<T> {
  header: string;
  /** Fixed width in cells; `flex` columns share the remaining width. */
  width: number;
  flex?: boolean;
  align?: 'left' | 'right';
  cell: (item: T, now: number) => string;
  /** A colour for the cell, by value. */
  color?: (item: T) => string | undefined;
  /** Which columns go first when the terminal is narrow: the highest number is dropped first. */
  drop?: number;
}

const fitted = new WeakMap<Column<never>[], Map<number, { columns: Column<never>[]; widths: number[] }>>();

/**
 * The columns that fit in `total` cells: low-priority ones are dropped rather than squeezed. The answer for a
 * column set and width is computed once, so rows drawn with it can tell that their layout did not change.
 */
export function fitColumns<T>(columns: Column<T>[], total: number): { columns: Column<T>[]; widths: number[] } {
  let byTotal = fitted.get(columns as Column<never>[]);
  if (!byTotal) fitted.set(columns as Column<never>[], (byTotal = new Map()));
  const hit = byTotal.get(total);
  if (hit) return hit as { columns: Column<T>[]; widths: number[] };
  const result = computeFit(columns, total);
  byTotal.set(total, result as { columns: Column<never>[]; widths: number[] });
  return result;
}

function computeFit<T>(columns: Column<T>[], total: number): { columns: Column<T>[]; widths: number[] } {
  let shown = columns;
  const need = (cols: Column<T>[]) => cols.reduce((sum, c) => sum + c.width, 0) + Math.max(0, cols.length - 1);
  while (need(shown) > total && shown.some((c) => c.drop !== undefined)) {
    const worst = shown.reduce((a, c) => ((c.drop ?? -1) > (a.drop ?? -1) ? c : a));
    shown = shown.filter((c) => c !== worst);
  }
  return { columns: shown, widths: layoutColumns(shown, total) };
}

/** The widths each column gets in `total` cells, one cell between columns. */
function layoutColumns<T>(columns: Column<T>[], total: number): number[] {
  const gaps = Math.max(0, columns.length - 1);
  const fixed = columns.reduce((sum, c) => sum + (c.flex ? 0 : c.width), 0);
  const flexCount = columns.filter((c) => c.flex).length;
  const spare = Math.max(0, total - gaps - fixed);
  const widths = columns.map((c) => (c.flex ? Math.max(c.width, Math.floor(spare / Math.max(1, flexCount))) : c.width));
  let over = widths.reduce((a, b) => a + b, 0) + gaps - total;
  for (let i = widths.length - 1; i >= 0 && over > 0; i--) {
    const cut = Math.min(over, widths[i] - Math.min(widths[i], 4));
    widths[i] -= cut;
    over -= cut;
  }
  return widths;
}

/** A row's cells, sanitised and fitted to the widths. */
export function renderCells<T>(columns: Column<T>[], widths: number[], item: T, now: number): string[] {
  return columns.map((c, i) => fit(safeText(c.cell(item, now)), widths[i], c.align));
}

/** The header cells fitted to the widths. */
export function renderHeader<T>(columns: Column<T>[], widths: number[]): string[] {
  return columns.map((c, i) => fit(c.header, widths[i], c.align));
}

/** User pool list columns. */
export const POOL_COLUMNS: Column<PoolSummary>[] = [
  { header: 'NAME', width: 20, flex: true, cell: (p) => p.name },
  { header: 'POOL ID', width: 26, cell: (p) => p.id },
  { header: 'CREATED', width: 16, drop: 1, cell: (p) => formatTime(p.createdAt) },
];

/** User list columns. */
export const USER_COLUMNS: Column<User>[] = [
  { header: 'USERNAME', width: 18, flex: true, cell: (u) => u.username },
  { header: 'EMAIL', width: 24, flex: true, cell: (u) => u.attributes.email ?? '' },
  { header: 'NAME', width: 18, drop: 3, cell: (u) => u.attributes.name ?? [u.attributes.given_name, u.attributes.family_name].filter(Boolean).join(' ') },
  { header: 'STATUS', width: 12, drop: 1, cell: (u) => u.status, color: (u) => (u.status === 'CONFIRMED' ? undefined : 'yellow') },
  { header: 'ENABLED', width: 8, cell: (u) => (u.enabled ? 'yes' : 'NO'), color: (u) => (u.enabled ? undefined : 'red') },
  { header: 'CREATED', width: 16, drop: 4, cell: (u) => formatTime(u.createdAt) },
];

/** Colour of a risk level or decision; the text marker says it too, so it reads without colour. */
export function riskColor(e: AuthEvent): string | undefined {
  if (e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block' || e.riskLevel === 'High') return 'red';
  if (e.riskLevel === 'Medium') return 'yellow';
  return undefined;
}

function feedbackCell(e: AuthEvent): string {
  if (!e.feedback?.value) return '';
  return e.feedback.provider === 'sending…' ? `${e.feedback.value}…` : e.feedback.value;
}

function shortTime(ms: number | undefined): string {
  return ms === undefined ? '–' : formatTime(ms).slice(5);
}

/** Authentication event list columns: local time and age, what happened, how risky, from where, feedback. */
export const EVENT_COLUMNS: Column<AuthEvent>[] = [
  { header: 'TIME', width: 11, drop: 7, cell: (e) => shortTime(e.createdAt) },
  { header: 'AGE', width: 8, align: 'right', cell: (e, now) => formatAgo(e.createdAt, now) },
  { header: 'TYPE', width: 14, drop: 6, cell: (e) => e.type ?? '' },
  { header: 'RESULT', width: 6, drop: 5, cell: (e) => e.response ?? '', color: (e) => (e.response === 'Fail' ? 'red' : undefined) },
  { header: 'RISK', width: 9, cell: (e) => riskLevelMarker(e.riskLevel), color: riskColor },
  { header: 'DECISION', width: 17, cell: (e) => riskDecisionMarker(e.riskDecision), color: riskColor },
  { header: 'CC', width: 3, cell: (e) => (e.compromisedCredentials ? '!CC' : ''), color: (e) => (e.compromisedCredentials ? 'red' : undefined) },
  { header: 'IP', width: 15, drop: 4, cell: (e) => e.ip ?? '' },
  { header: 'LOCATION', width: 14, flex: true, drop: 3, cell: (e) => [e.city, e.country].filter(Boolean).join(', ') },
  { header: 'DEVICE', width: 14, drop: 8, cell: (e) => e.device ?? '' },
  { header: 'FEEDBACK', width: 9, cell: feedbackCell, color: (e) => (e.feedback?.value === 'Invalid' ? 'magenta' : e.feedback?.value ? 'green' : undefined) },
];

/** App client list columns (risk view). */
export const CLIENT_COLUMNS: Column<AppClient>[] = [
  { header: 'APP CLIENT', width: 16, flex: true, cell: (c) => c.name },
  { header: 'CLIENT ID', width: 27, cell: (c) => c.id },
];

/** Group list columns (user view). */
export const GROUP_COLUMNS: Column<Group>[] = [
  { header: 'GROUP', width: 14, flex: true, cell: (g) => g.name },
  { header: 'PREC', width: 4, align: 'right', drop: 2, cell: (g) => (g.precedence === undefined ? '' : String(g.precedence)) },
  { header: 'DESCRIPTION', width: 16, flex: true, drop: 1, cell: (g) => g.description ?? '' },
];

/** Remembered device list columns (user view). */
export const DEVICE_COLUMNS: Column<Device>[] = [
  { header: 'DEVICE', width: 14, flex: true, cell: (d) => d.name ?? d.attributes.device_name ?? d.key },
  { header: 'LAST SIGN-IN', width: 16, cell: (d) => formatTime(d.lastAuthenticatedAt) },
  { header: 'KEY', width: 12, flex: true, drop: 1, cell: (d) => d.key },
];

function worstRisk(f: SweepFinding): string {
  const e = f.events.reduce<AuthEvent | undefined>((worst, x) => (!worst || eventSeverity(x) > eventSeverity(worst) ? x : worst), undefined);
  return e ? `${riskLevelMarker(e.riskLevel)} ${riskDecisionMarker(e.riskDecision)}` : '';
}

/** Sweep finding columns: a user with risky events among those read. */
export const FINDING_COLUMNS: Column<SweepFinding>[] = [
  { header: 'USERNAME', width: 18, flex: true, cell: (f) => f.user.username },
  { header: 'EMAIL', width: 22, flex: true, drop: 2, cell: (f) => f.user.attributes.email ?? '' },
  { header: 'RISKY', width: 8, align: 'right', cell: (f) => `${f.events.length}/${f.eventsRead}` },
  { header: 'WORST', width: 26, cell: worstRisk, color: (f) => (f.events.some((e) => riskColor(e) === 'red') ? 'red' : 'yellow') },
  { header: 'CC', width: 3, cell: (f) => (f.events.some((e) => e.compromisedCredentials) ? '!CC' : ''), color: () => 'red' },
  { header: 'NEWEST', width: 8, align: 'right', drop: 1, cell: (f, now) => formatAgo(f.events[0]?.createdAt, now) },
];

/** API log columns: the newest call first. */
export const LOG_COLUMNS: Column<ApiCallRecord>[] = [
  { header: 'TIME', width: 8, cell: (r) => (r.at === undefined ? '' : new Date(r.at).toTimeString().slice(0, 8)) },
  { header: 'OPERATION', width: 28, flex: true, cell: (r) => r.operation },
  { header: 'MS', width: 6, align: 'right', cell: (r) => String(Math.round(r.ms)) },
  { header: 'TRIES', width: 5, align: 'right', cell: (r) => String(r.attempts), color: (r) => (r.attempts > 1 ? 'yellow' : undefined) },
  { header: 'OUTCOME', width: 26, flex: true, cell: (r) => (r.ok ? 'ok' : `✖ ${r.errorName ?? 'failed'}`), color: (r) => (r.ok ? undefined : 'red') },
];
