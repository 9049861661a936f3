import { resolve } from 'node:path';
import type { TokenValidity } from '../gateway/types.ts';
import type { JournalLine } from '../journal/journal.ts';
import { fileTimestamp, writeNewFile } from './events-file.ts';

/** An app client's token lifetimes, as the app read them (DescribeUserPoolClient). */
export interface ReportClient {
  poolId: string;
  id: string;
  name: string;
  accessTokenValidity: TokenValidity;
  idTokenValidity: TokenValidity;
}

/** What a report is about besides its journal lines: the incident or the UTC day, when it is made, the clients read. */
export interface IncidentReportContext {
  /** The incident named with `:incident`; absent: the report is of one UTC day's journal. */
  incident?: string;
  /** The UTC day (YYYY-MM-DD) the lines are from when no incident is named. */
  day: string;
  /** When the report is made, epoch milliseconds. */
  now: number;
  /** The app clients whose details the app has read; none: the default lifetimes are stated. */
  clients: ReportClient[];
}

const MAX_CELL = 300;
const RANGE_ACTION = 'SetRiskConfiguration';
const RISK_EDIT = 'risk configuration';
const LIST_NAME: Record<string, string> = { blocked: 'always block (BlockedIPRangeList)', skipped: 'always allow (SkippedIPRangeList)' };
const NOT_CALLS = new Set(['ok', 'cancelled']);

/**
 * A value from the API or the journal made safe in Markdown: newlines become spaces, control and format characters
 * are dropped, Markdown's special characters (pipes, backticks, emphasis, links, HTML, entities) are escaped, `_` inside a word excepted; at most 300 characters.
 */
export function mdText(value: string | undefined): string {
  const flat = (value ?? '').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '');
  const short = flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
  return short.replace(/[\\`*[\]<>|~]|&(?=[A-Za-z#])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`);
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['None.'];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const time = (l: JournalLine) => mdText(l.at.replace(/\.\d+Z$/, 'Z').replace('T', ' '));

function whoText(who: JournalLine['who']): string {
  return 'arn' in who ? `${mdText(who.arn)} (account ${mdText(who.account)})` : `unknown (${mdText(who.unknown)})`;
}

function outcomeText(l: JournalLine): string {
  return `${mdText(l.outcome)}${l.readBack ? ` (read back: ${mdText(l.readBack)})` : ''}`;
}

function actionText(l: JournalLine): string {
  return `${mdText(l.action)}${l.write ? ` (${mdText(l.write)})` : ''}`;
}

function targetText(l: JournalLine): string {
  if (l.action === RANGE_ACTION && l.write === RISK_EDIT) return placeText(l);
  if (l.action === RANGE_ACTION) return `${mdText(l.target.label)} on ${placeText(l)}`;
  const event = l.target.eventId ? ` event ${mdText(l.target.eventId)}` : '';
  return `${mdText(l.target.username || l.target.label)}${event} in ${mdText(l.poolId)}`;
}

function placeText(l: JournalLine): string {
  const client = l.parameters?.clientId;
  return client ? `app client ${mdText(client)} of ${mdText(l.poolId)}` : `pool ${mdText(l.poolId)}`;
}

function titleSection(lines: JournalLine[], ctx: IncidentReportContext): string[] {
  const title = ctx.incident ? `Incident report: ${mdText(ctx.incident)}` : `Journal report: ${mdText(ctx.day)} (UTC)`;
  const who = [...new Map(lines.map((l) => [JSON.stringify(l.who), whoText(l.who)])).values()];
  const pools = [...new Set(lines.map((l) => l.poolId))].map(mdText);
  const where = [...new Set(lines.map((l) => [l.profile && `profile ${l.profile}`, l.region && `region ${l.region}`].filter(Boolean).join(', ')).filter(Boolean))].map(mdText);
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.outcome, (counts.get(l.outcome) ?? 0) + 1);
  return [
    `# ${title}`,
    '',
    `- Generated: ${mdText(new Date(ctx.now).toISOString().replace(/\.\d+Z$/, 'Z'))} by cognito-tui from its journal`,
    `- Scope: ${ctx.incident ? `every journal line filed under incident ${mdText(ctx.incident)}` : `every journal line of ${mdText(ctx.day)} (UTC)`}`,
    ...(lines.length ? [`- Period: ${time(lines[0]!)} to ${time(lines.at(-1)!)} (UTC)`] : []),
    `- Acted: ${who.length ? who.join('; ') : 'nobody (no journal lines)'}`,
    ...(pools.length ? [`- Pools: ${pools.join(', ')}`] : []),
    ...(where.length ? [`- Connection: ${where.join('; ')}`] : []),
    `- Actions: ${lines.length}${counts.size ? ` (${[...counts].map(([k, n]) => `${n} ${mdText(k)}`).join(', ')})` : ''}`,
  ];
}

function timelineSection(lines: JournalLine[]): string[] {
  const rows = lines.map((l) => [time(l), actionText(l), targetText(l), outcomeText(l)]);
  return ['## Timeline (UTC)', '', ...table(['Time (UTC)', 'Action', 'Target', 'Outcome'], rows)];
}

function usersSection(lines: JournalLine[]): string[] {
  const users = new Map<string, { poolId: string; username: string; done: string[] }>();
  for (const l of lines) {
    if (l.action === RANGE_ACTION || !l.target.username) continue;
    const key = JSON.stringify([l.poolId, l.target.username]);
    const entry = users.get(key) ?? { poolId: l.poolId, username: l.target.username, done: [] };
    const event = l.target.eventId ? ` on event ${mdText(l.target.eventId)}` : '';
    entry.done.push(`${mdText(l.write || l.action)}${event}: ${mdText(l.outcome)}`);
    users.set(key, entry);
  }
  const rows = [...users.values()].map((u) => [mdText(u.username), mdText(u.poolId), u.done.join('; ')]);
  return ['## Users touched', '', ...table(['User', 'Pool', 'What was done (outcome)'], rows)];
}

function rangesSection(lines: JournalLine[]): string[] {
  const rows = lines.filter((l) => l.action === RANGE_ACTION && l.write !== RISK_EDIT).map((l) => {
    const p = l.parameters ?? {};
    const change = p.op === 'add' ? 'added' : p.op === 'remove' ? 'removed' : 'changed (not recorded)';
    return [time(l), mdText(p.range ?? l.target.label), p.list ? mdText(LIST_NAME[p.list] ?? p.list) : 'not recorded', change, placeText(l), outcomeText(l)];
  });
  return ['## IP ranges blocked or skipped', '', ...table(['Time (UTC)', 'Range', 'List', 'Change', 'Where', 'Outcome'], rows)];
}

function riskEditSection(lines: JournalLine[]): string[] {
  const rows = lines.filter((l) => l.action === RANGE_ACTION && l.write === RISK_EDIT).map((l) => {
    const diff = Object.entries(l.parameters ?? {}).filter(([k]) => k !== 'clientId').map(([k, v]) => `${mdText(k)}: ${mdText(v)}`);
    return [time(l), placeText(l), diff.join('; ') || 'not recorded', outcomeText(l)];
  });
  return ['## Risk-configuration changes', '', ...table(['Time (UTC)', 'Where', 'Changed fields (old → new)', 'Outcome'], rows)];
}

function feedbackSection(lines: JournalLine[]): string[] {
  const rows = lines.filter((l) => l.target.eventId !== undefined).map((l) => [
    time(l), mdText(l.target.username), mdText(l.target.eventId), mdText(l.parameters?.value ?? l.write), outcomeText(l),
  ]);
  return ['## Events tagged', '', ...table(['Time (UTC)', 'User', 'Event', 'Feedback', 'Outcome'], rows)];
}

function failedSection(lines: JournalLine[]): string[] {
  const rows = lines.filter((l) => !NOT_CALLS.has(l.outcome)).map((l) => [
    time(l), actionText(l), targetText(l), outcomeText(l), mdText(l.message) || 'not recorded', mdText(l.requestId) || '-',
  ]);
  return ['## Calls that failed', '', ...table(['Time (UTC)', 'Action', 'Target', 'Outcome', 'Why', 'Request id'], rows)];
}

function validityText(v: TokenValidity): string {
  if (v.value === undefined) return '1 hour (the default)';
  const unit = v.unit ?? 'hours';
  return `${v.value} ${v.value === 1 ? unit.replace(/s$/, '') : unit}`;
}

function exposureSection(ctx: IncidentReportContext): string[] {
  const head = [
    '## Residual exposure',
    '',
    'Disabling a user or signing them out does not revoke the access and ID tokens already issued: they stay valid until they expire. '
    + 'A global sign-out revokes refresh tokens, so no new tokens are issued from them.',
    '',
  ];
  if (ctx.clients.length === 0) return [...head, "Tokens already issued stay valid for up to the clients' access/ID token validity (1 hour by default)."];
  const rows = ctx.clients.map((c) => [mdText(c.name), mdText(c.id), mdText(c.poolId), validityText(c.accessTokenValidity), validityText(c.idTokenValidity)]);
  return [...head, 'Token validity of the app clients the app has read:', '', ...table(['App client', 'Client id', 'Pool', 'Access token', 'ID token'], rows)];
}

/** The Markdown report of journal lines (oldest first): title, timeline, users, ranges, feedback, failures, exposure. */
export function incidentReport(lines: JournalLine[], ctx: IncidentReportContext): string {
  const sections = [
    titleSection(lines, ctx), timelineSection(lines), usersSection(lines), rangesSection(lines), riskEditSection(lines), feedbackSection(lines), failedSection(lines),
    exposureSection(ctx),
  ];
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

/** A name reduced to letters, digits, `-` and `_` (each run of anything else becomes one `_`), at most 64 characters, never empty. */
export function reportNamePart(value: string | undefined, fallback: string): string {
  const cleaned = (value ?? '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^-+/, '').slice(0, 64);
  return cleaned === '' ? fallback : cleaned;
}

/** `incident-<name or day>-<YYYYMMDDTHHMMSSZ>[-n].md`; `attempt` 1 gives no suffix, later ones `-2`, `-3`, … */
export function reportFileName(opts: { incident?: string; day: string; now: number; attempt?: number }): string {
  const suffix = (opts.attempt ?? 1) > 1 ? `-${opts.attempt}` : '';
  return `incident-${reportNamePart(opts.incident ?? opts.day, 'report')}-${fileTimestamp(opts.now)}${suffix}.md`;
}

/** Writes the report to a new file (mode 0600) in `dir`, never over an existing one; resolves with its path. */
export function writeIncidentReport(dir: string, lines: JournalLine[], ctx: IncidentReportContext): Promise<string> {
  const body = incidentReport(lines, ctx);
  return writeNewFile(resolve(dir), body, (attempt) => reportFileName({ incident: ctx.incident, day: ctx.day, now: ctx.now, attempt }));
}
