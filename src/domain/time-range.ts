/** The time range pool-wide queries cover: the last N minutes/hours/days, or two fixed instants. */
export type TimeRange =
  | { kind: 'last'; ms: number; text: string }
  | { kind: 'between'; startMs: number; endMs: number };

/** The range a pool has until `:since` sets another: the last 24 hours. */
export const DEFAULT_RANGE: TimeRange = { kind: 'last', ms: 24 * 3_600_000, text: '24h' };

/** Logs Insights keeps no query range longer than this (it reads what the log group retains; the app caps at 366 days). */
const MAX_RANGE_MS = 366 * 86_400_000;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** A parsed range, or a sentence saying what is wrong. */
export type RangeParse = { ok: true; range: TimeRange } | { ok: false; error: string };

const USAGE = 'a range is 30m, 24h, 7d, 2w, or two ISO dates (2026-11-01 2026-11-03T12:00Z)';

function instant(text: string, endOfDay: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const dateOnly = text.length === 10;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const iso = dateOnly ? `${text}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : `${text.replace(' ', 'T')}${hasZone ? '' : 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses `24h`, `7d`, `30m`, `2w`, or two ISO dates or instants (UTC unless a zone is given; a lone date spans its day). */
export function parseTimeRange(text: string): RangeParse {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    const m = /^(\d{1,4})([mhdw])$/i.exec(words[0]!);
    if (!m) return { ok: false, error: `"${words[0]!.slice(0, 40)}" is not a time range: ${USAGE}.` };
    const ms = Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
    if (ms <= 0) return { ok: false, error: `A range must be longer than nothing: ${USAGE}.` };
    if (ms > MAX_RANGE_MS) return { ok: false, error: 'A range is at most 366 days.' };
    return { ok: true, range: { kind: 'last', ms, text: `${m[1]}${m[2]!.toLowerCase()}` } };
  }
  if (words.length === 2) {
    const startMs = instant(words[0]!, false);
    const endMs = instant(words[1]!, true);
    if (startMs === undefined || endMs === undefined) return { ok: false, error: `Two dates must be ISO 8601 (2026-11-01 or 2026-11-01T08:00Z): ${USAGE}.` };
    if (endMs <= startMs) return { ok: false, error: 'The second date must be after the first.' };
    if (endMs - startMs > MAX_RANGE_MS) return { ok: false, error: 'A range is at most 366 days.' };
    return { ok: true, range: { kind: 'between', startMs, endMs } };
  }
  return { ok: false, error: `${words.length === 0 ? 'No range given' : 'Too many words'}: ${USAGE}.` };
}

/** The instants a range covers at `now`, epoch ms. */
export function resolveRange(range: TimeRange, now: number): { startMs: number; endMs: number } {
  return range.kind === 'last' ? { startMs: now - range.ms, endMs: now } : { startMs: range.startMs, endMs: range.endMs };
}

/** How long a range is, ms. */
export function rangeLength(range: TimeRange): number {
  return range.kind === 'last' ? range.ms : range.endMs - range.startMs;
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** The range as the header says it: "last 24h", "2026-11-01 00:00Z → 2026-11-03 23:59Z". */
export function describeRange(range: TimeRange): string {
  return range.kind === 'last' ? `last ${range.text}` : `${isoMinute(range.startMs)} → ${isoMinute(range.endMs)}`;
}

/** The text `:since` takes to set this range again. */
export function rangeText(range: TimeRange): string {
  return range.kind === 'last' ? range.text : `${new Date(range.startMs).toISOString()} ${new Date(range.endMs).toISOString()}`;
}
