/** Which clock times are shown in: UTC (what logs and alerts use) or the machine's local time with its offset. */
export type TimeZoneSetting = 'utc' | 'local';

/** Minutes east of UTC at an instant, as local time is there (Madrid in winter: 60). */
export type OffsetOf = (ms: number) => number;

/** The machine's own offset, from the TZ the process runs in. */
export const localOffset: OffsetOf = (ms) => -new Date(ms).getTimezoneOffset();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function zoneSuffix(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

interface Parts {
  date: string;
  clock: string;
  zone: string;
}

function parts(ms: number, zone: TimeZoneSetting, offsetOf: OffsetOf): Parts | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const offset = zone === 'local' ? offsetOf(ms) : 0;
  const d = new Date(ms + offset * 60_000);
  if (Number.isNaN(d.getTime())) return undefined;
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    clock: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    zone: zone === 'utc' ? 'Z' : zoneSuffix(offset),
  };
}

/** A time with seconds and its zone: `2026-11-28 14:03:27Z`, or `2026-11-28 15:03:27+01:00` in local time; – when unknown. */
export function formatTime(ms: number | undefined, zone: TimeZoneSetting = 'utc', offsetOf: OffsetOf = localOffset): string {
  const p = ms === undefined ? undefined : parts(ms, zone, offsetOf);
  return p ? `${p.date} ${p.clock}${p.zone}` : '–';
}

/** The same without the year, for list columns: `11-28 14:03:27Z`. */
export function formatShortTime(ms: number | undefined, zone: TimeZoneSetting = 'utc', offsetOf: OffsetOf = localOffset): string {
  const p = ms === undefined ? undefined : parts(ms, zone, offsetOf);
  return p ? `${p.date.slice(5)} ${p.clock}${p.zone}` : '–';
}

/** The clock alone, for today's calls: `14:03:27Z`. */
export function formatClock(ms: number | undefined, zone: TimeZoneSetting = 'utc', offsetOf: OffsetOf = localOffset): string {
  const p = ms === undefined ? undefined : parts(ms, zone, offsetOf);
  return p ? `${p.clock}${p.zone}` : '–';
}

/** ISO 8601 in UTC with `Z`, as exports write it (`2026-11-28T14:03:27.000Z`); null when there is no valid time. */
export function isoUtc(ms: number | undefined): string | null {
  if (ms === undefined || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** How long ago, compactly: `45s ago`, `3m ago`, `5h ago`, `12d ago`. */
export function formatAgo(ms: number | undefined, now: number): string {
  if (ms === undefined) return '';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}
