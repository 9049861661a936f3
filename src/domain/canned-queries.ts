import type { AuthEvent } from '../gateway/types.ts';
import { eventSeverity, riskDecisionMarker, riskLevelMarker } from './event-risk.ts';
import { activityTime, rowAsRecord, toActivityEvent } from './user-activity.ts';

/** The canned questions `:ask` and the users view's keys ask of the user-activity logs. */
/** What a Logs Insights query asked: the pool, the question (or `query`), its text, the group and the range (epoch ms). */
export interface QueryAsked {
  poolId: string;
  name: string;
  query: string;
  logGroup: string;
  startMs: number;
  endMs: number;
}

/** Just what was asked, taken from a run or a plan that carries more. */
export function askedOf(q: QueryAsked): QueryAsked {
  return { poolId: q.poolId, name: q.name, query: q.query, logGroup: q.logGroup, startMs: q.startMs, endMs: q.endMs };
}

export const QUESTION_NAMES = ['attention', 'ips', 'countries', 'history', 'invalid'] as const;

/** One canned question's name. */
export type QuestionName = (typeof QUESTION_NAMES)[number];

/** Rows as the results table shows them: named columns of text, in order. */
export interface ShapedRows {
  columns: string[];
  rows: Record<string, string>[];
}

/** A query ready to start: what it is called, its Logs Insights text, the range it reads, and how its rows are shown. */
export interface QueryPlan {
  /** The question's name, or `query` for a raw one. */
  name: string;
  /** What it answers, for the view's title and the journal ("users needing attention"). */
  title: string;
  query: string;
  startMs: number;
  endMs: number;
  /** The user a question is about (history). */
  user?: string;
  /** Turns the service's rows into the rows shown; the rows as they came when absent (a raw query). */
  shape?: (rows: Record<string, string>[]) => ShapedRows;
}

/** How many days before the range `countries` looks for the countries a user already used. */
export const COUNTRY_BASELINE_DAYS = 30;

/** Needs attention, as the app's `a` filter means it (see needsAttention), in Logs Insights and case-insensitive. */
export const ATTENTION_FILTER = 'message.riskLevel like /(?i)^(high|medium)$/ or message.riskDecision like /(?i)^(block|account_?takeover)$/'
  + ' or message.compromisedCredentialDetected like /(?i)^true$/ or message.eventResponse like /(?i)^fail/';

const RISK_FIELDS = 'message.riskLevel, message.riskDecision, message.eventResponse, message.compromisedCredentialDetected';

/** 1 when a record's field holds `text`, whatever its case, else 0 (absent counts as empty): AWS's documented strcontains. */
const holds = (field: string, text: string): string => `strcontains(toupper(coalesce(message.${field}, "")), "${text}")`;

/**
 * Per record, as documented Logs Insights functions only (strcontains gives 1 or 0): one 1/0 field per kind of
 * attention, and its severity as one number that orders like eventSeverity — the risk level (High 3, Medium 2, Low 1)
 * × 8, a takeover or block × 4, compromised credentials × 2 — plus 1 for a takeover, so the worst event can be told back.
 */
const ATTENTION_FIELDS = [
  `${holds('riskLevel', 'HIGH')} as isHigh`,
  `${holds('riskLevel', 'MEDIUM')} as isMedium`,
  `${holds('riskDecision', 'TAKEOVER')} + ${holds('riskDecision', 'BLOCK')} as isDecided`,
  `${holds('compromisedCredentialDetected', 'TRUE')} as isCompromised`,
  `${holds('eventResponse', 'FAIL')} as isFailed`,
  `8 * (3 * ${holds('riskLevel', 'HIGH')} + 2 * ${holds('riskLevel', 'MEDIUM')} + ${holds('riskLevel', 'LOW')})`
    + ` + 5 * ${holds('riskDecision', 'TAKEOVER')} + 4 * ${holds('riskDecision', 'BLOCK')} + 2 * ${holds('compromisedCredentialDetected', 'TRUE')} as severity`,
].join(',\n  ');

/** Users needing attention, one row per user ranked by the service (worst event first), so the 10,000-row limit cuts the least severe. */
export const ATTENTION_QUERY = `filter ${ATTENTION_FILTER}\n| fields ${ATTENTION_FIELDS}\n`
  + '| stats count(*) as events, max(severity) as worst, sum(isHigh) as high, sum(isMedium) as medium, sum(isDecided) as decided,'
  + ' sum(isCompromised) as compromised, sum(isFailed) as failed, max(@timestamp) as last by message.userName\n'
  + '| sort worst desc\n| limit 10000';

/** The worst event a severity number (see ATTENTION_FIELDS) stands for. */
export function eventOfSeverity(severity: number): AuthEvent {
  const level = ['', 'Low', 'Medium', 'High'][Math.floor(severity / 8)] ?? '';
  const rest = severity % 8;
  const decision = rest >= 4 ? (rest % 2 === 1 ? 'AccountTakeover' : 'Block') : undefined;
  return {
    id: 'stats', challenges: [],
    ...(level ? { riskLevel: level as AuthEvent['riskLevel'] } : {}),
    ...(decision ? { riskDecision: decision as AuthEvent['riskDecision'] } : {}),
    ...(rest % 4 >= 2 ? { compromisedCredentials: true } : {}),
  };
}

/** A Logs Insights string literal. */
export function queryString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const n = (v: string | undefined) => {
  const x = Number(v);
  return Number.isFinite(x) ? x : 0;
};

/** The event a stats row of risk fields stands for (through the one record mapping). */
function eventOfRow(row: Record<string, string>): AuthEvent {
  return toActivityEvent(rowAsRecord({ ...row, 'message.eventId': 'stats' }))?.event ?? { id: 'stats', challenges: [] };
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().replace('.000Z', 'Z'));

function later(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** Per user (one row each from the service): attention events by kind, the worst, the newest; worst first, then the most events. */
export function shapeAttention(rows: Record<string, string>[]): ShapedRows {
  const users = rows.filter((row) => (row['message.userName'] ?? '') !== '').map((row) => ({
    user: row['message.userName']!, worst: eventOfSeverity(n(row.worst)), events: n(row.events), last: activityTime(row.last), row,
  }));
  users.sort((a, b) => eventSeverity(b.worst) - eventSeverity(a.worst) || b.events - a.events || (a.user < b.user ? -1 : 1));
  return {
    columns: ['user', 'worst', 'events', 'high', 'medium', 'takeover/block', 'compromised', 'failed', 'last'],
    rows: users.map(({ user, worst, events, last, row }) => ({
      user, worst: `${riskLevelMarker(worst.riskLevel)} ${riskDecisionMarker(worst.riskDecision)}${worst.compromisedCredentials ? ' !CC' : ''}`,
      events: String(events), high: String(n(row.high)), medium: String(n(row.medium)), 'takeover/block': String(n(row.decided)),
      compromised: String(n(row.compromised)), failed: String(n(row.failed)), last: iso(last),
    })),
  };
}

const WHO_SHOWN = 5;

/** Per IP: risky or failed events and the users each touched; the most events first. */
export function shapeIps(rows: Record<string, string>[]): ShapedRows {
  const ips = new Map<string, { events: number; users: Map<string, number> }>();
  for (const row of rows) {
    const ip = row['message.ipAddress'] ?? '';
    if (!ip) continue;
    const entry = ips.get(ip) ?? { events: 0, users: new Map<string, number>() };
    const count = n(row.events);
    entry.events += count;
    const user = row['message.userName'] ?? '';
    if (user) entry.users.set(user, (entry.users.get(user) ?? 0) + count);
    ips.set(ip, entry);
  }
  const ranked = [...ips.entries()].sort(([a, x], [b, y]) => y.events - x.events || y.users.size - x.users.size || (a < b ? -1 : 1));
  return {
    columns: ['ip', 'events', 'users', 'who'],
    rows: ranked.map(([ip, e]) => {
      const names = [...e.users.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([u]) => u);
      const who = names.slice(0, WHO_SHOWN).join(', ') + (names.length > WHO_SHOWN ? ` +${names.length - WHO_SHOWN}` : '');
      return { ip, events: String(e.events), users: String(names.length), who, ...(names.length === 1 ? { user: names[0]! } : {}) };
    }),
  };
}

/** Per user and country first seen inside the range, for users who signed in before it: the new countries. */
export function shapeCountries(rows: Record<string, string>[], rangeStartMs: number): ShapedRows {
  const byUser = new Map<string, { before: Set<string>; fresh: { country: string; first?: number; events: number }[] }>();
  for (const row of rows) {
    const user = row['message.userName'] ?? '';
    const country = row['message.country'] ?? '';
    if (!user || !country) continue;
    const entry = byUser.get(user) ?? { before: new Set<string>(), fresh: [] };
    const first = activityTime(row.first);
    if (first !== undefined && first < rangeStartMs) entry.before.add(country);
    else entry.fresh.push({ country, first, events: n(row.events) });
    byUser.set(user, entry);
  }
  const out: Record<string, string>[] = [];
  for (const [user, e] of byUser) {
    if (e.before.size === 0) continue;
    for (const f of e.fresh) {
      out.push({ user, country: f.country, 'first seen': iso(f.first), events: String(f.events), 'known countries': [...e.before].sort().join(', ') });
    }
  }
  out.sort((a, b) => (a['first seen']! < b['first seen']! ? 1 : a['first seen']! > b['first seen']! ? -1 : a.user! < b.user! ? -1 : 1));
  return { columns: ['user', 'country', 'first seen', 'events', 'known countries'], rows: out };
}

/** What a question needs besides its name: the range, and for `history` the user (username or sub). */
export interface QuestionInput {
  startMs: number;
  endMs: number;
  /** The pool's username of the user (history). */
  user?: string;
  /** Their sub, when known: records name both. */
  sub?: string;
}

/** The plan of a canned question over a range. */
export function questionPlan(name: QuestionName, input: QuestionInput): QueryPlan {
  const { startMs, endMs } = input;
  switch (name) {
    case 'attention':
      return {
        name, title: 'users needing attention', startMs, endMs, shape: shapeAttention,
        query: ATTENTION_QUERY,
      };
    case 'ips':
      return {
        name, title: 'IPs with risky or failed sign-ins', startMs, endMs, shape: shapeIps,
        query: `filter ${ATTENTION_FILTER}\n| stats count(*) as events by message.ipAddress, message.userName\n| limit 10000`,
      };
    case 'countries': {
      const from = startMs - COUNTRY_BASELINE_DAYS * 86_400_000;
      return {
        name, title: `sign-ins from countries new to the user (vs the ${COUNTRY_BASELINE_DAYS} days before)`, startMs: from, endMs,
        shape: (rows) => shapeCountries(rows, startMs),
        query: 'filter message.eventType like /(?i)^sign_?in$/ and ispresent(message.country)\n'
          + '| stats min(@timestamp) as first, count(*) as events by message.userName, message.country\n| limit 10000',
      };
    }
    case 'history': {
      const user = queryString(input.user ?? '');
      const sub = queryString(input.sub ?? input.user ?? '');
      return {
        name, title: `history of ${input.user ?? ''}`, startMs, endMs, ...(input.user ? { user: input.user } : {}),
        query: 'fields @timestamp, message.eventType, message.eventResponse, message.riskLevel, message.riskDecision, '
          + 'message.compromisedCredentialDetected, message.ipAddress, message.city, message.country, message.deviceName, message.eventFeedbackValue, message.eventId, message.userName\n'
          + `| filter message.userName = ${user} or message.userSub = ${sub}\n| sort @timestamp desc\n| limit 10000`,
      };
    }
    case 'invalid':
      return {
        name, title: 'events tagged Invalid by feedback', startMs, endMs,
        query: 'filter message.eventFeedbackValue like /(?i)^invalid$/\n'
          + '| fields @timestamp, message.userName, message.eventType, message.eventResponse, message.riskLevel, message.riskDecision, message.ipAddress, message.country, message.eventId\n'
          + '| sort @timestamp desc\n| limit 10000',
      };
  }
}

/** The plan of the IP pivot's pool-wide source: per user, the events from one address and the worst of them. */
export function ipPivotPlan(address: string, startMs: number, endMs: number): QueryPlan {
  return {
    name: 'ip', title: `users with events from ${address}`, startMs, endMs,
    query: `filter message.ipAddress = ${queryString(address)}\n| stats count(*) as events, max(@timestamp) as last by message.userName, ${RISK_FIELDS}\n| limit 10000`,
  };
}

/** The rows of the IP pivot's query, per user: events from the address, the worst, the newest. */
export function ipPivotUsers(rows: Record<string, string>[]): { username: string; events: number; worst: AuthEvent; newestAt?: number }[] {
  const users = new Map<string, { username: string; events: number; worst: AuthEvent; newestAt?: number }>();
  for (const row of rows) {
    const username = row['message.userName'] ?? '';
    if (!username) continue;
    const e = eventOfRow(row);
    const u = users.get(username) ?? { username, events: 0, worst: e };
    if (eventSeverity(e) > eventSeverity(u.worst)) u.worst = e;
    u.events += n(row.events);
    const newest = later(u.newestAt, activityTime(row.last));
    if (newest !== undefined) u.newestAt = newest;
    users.set(username, u);
  }
  return [...users.values()];
}

/** A raw query's plan. */
export function rawPlan(query: string, startMs: number, endMs: number): QueryPlan {
  return { name: 'query', title: 'query', query, startMs, endMs };
}
