/** A value while a query runs: field text, a number, or absent. */
export type Value = string | number | undefined;

/** The value as a number, or NaN when it is not numeric. */
export function numeric(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === undefined || v.length === 0) return Number.NaN;
  const c = v.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32)) return Number.NaN;
  const n = Number(v);
  return n === 0 && !/\d/.test(v) ? Number.NaN : n;
}

/**
 * Orders two values: numerically when both are numbers, else as text; absent sorts first. A condition's result (1 or
 * 0) equals the text "true" or "false".
 */
const asBoolean = (v: Value, other: Value): Value => (typeof other === 'number' && (v === 'true' || v === 'false') ? (v === 'true' ? 1 : 0) : v);

export function compareValues(first: Value, second: Value): number {
  if (first === undefined || second === undefined) return first === second ? 0 : first === undefined ? -1 : 1;
  const a = asBoolean(first, second);
  const b = asBoolean(second, first);
  const x = numeric(a);
  const y = numeric(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Whether a value counts as true in a filter. */
export function truthy(v: Value): boolean {
  if (v === undefined) return false;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v !== '' && v.toLowerCase() !== 'false';
}

/** An epoch-ms instant as Logs Insights prints it: `2024-05-01 12:34:56.789`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A value as GetQueryResults prints it. */
export function printValue(v: Value, isTime: boolean): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    if (isTime) return formatTimestamp(v);
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  }
  return v;
}
