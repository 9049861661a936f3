import { invalidParameter } from '../errors.ts';
import { hash128 } from '../prng.ts';

const TOKEN_LIFETIME_MS = 3_600_000;

interface TokenBody {
  v: 1;
  s: string;
  p: unknown;
  t: number;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Opaque pagination tokens: base64url JSON holding a position, a fingerprint of the request it belongs to
 * (operation, pool, filter, user...) and the issue time, sealed with a checksum keyed by the server's
 * secret. A token that does not decode, was altered, belongs to another request or is over an hour old
 * is an InvalidParameterException.
 */
export class TokenCodec {
  constructor(
    private readonly secret: string,
    private readonly clock: () => number = Date.now,
  ) {}

  private seal(payload: string): string {
    const [a, b] = hash128(`${this.secret}\u0000${payload}`);
    return hex(a) + hex(b);
  }

  private fingerprint(scope: readonly unknown[]): string {
    const [a, b] = hash128(JSON.stringify(scope));
    return hex(a) + hex(b);
  }

  /** A token for `position` within the request identified by `scope`. */
  encode(scope: readonly unknown[], position: unknown): string {
    const body: TokenBody = { v: 1, s: this.fingerprint(scope), p: position, t: this.clock() };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.seal(payload)}`;
  }

  /** The position stored in `token`, after checking it belongs to the request identified by `scope`. */
  decode(scope: readonly unknown[], token: string): unknown {
    const [payload, seal, extra] = token.split('.');
    if (payload === undefined || seal === undefined || extra !== undefined || this.seal(payload) !== seal) {
      throw invalidParameter('Invalid pagination token.');
    }
    let body: TokenBody;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
    } catch {
      throw invalidParameter('Invalid pagination token.');
    }
    if (body.s !== this.fingerprint(scope)) {
      throw invalidParameter('Invalid pagination token: it was issued for a different request (another pool, user or filter).');
    }
    if (this.clock() - body.t > TOKEN_LIFETIME_MS) throw invalidParameter('Invalid pagination token: it has expired.');
    return body.p;
  }
}

/** Items per page when a request leaves its limit out (or, where allowed, sets it to 0). */
const DEFAULT_PAGE_SIZE = 60;

/** The requested page size, or {@link DEFAULT_PAGE_SIZE} when `limit` is absent or 0. */
export function pageSizeOf(limit: number | undefined): number {
  return limit || DEFAULT_PAGE_SIZE;
}

/** The position stored in a request's `token` (checked against `scope`), or undefined for a first page. */
export function positionOf(tokens: TokenCodec, scope: readonly unknown[], token: string | undefined): unknown {
  return token === undefined ? undefined : tokens.decode(scope, token);
}

/** Sets `out[key]` to a token for `next` when more items follow (`next` defined); returns `out`. */
export function withNextToken(
  tokens: TokenCodec,
  scope: readonly unknown[],
  out: Record<string, unknown>,
  key: string,
  next: unknown,
): Record<string, unknown> {
  if (next !== undefined) out[key] = tokens.encode(scope, next);
  return out;
}

/** A page of `items` and the position to resume from, if more follow. */
export interface Page<T> {
  items: T[];
  next?: unknown;
}

/**
 * Pages a list that does not change while it is walked, by offset. `position` is the offset decoded
 * from the request's token (undefined for the first page).
 */
export function pageByOffset<T>(items: readonly T[], position: unknown, size: number): Page<T> {
  const start = position === undefined ? 0 : Number(position);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter('Invalid pagination token.');
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), next: end < items.length ? end : undefined };
}

/**
 * Pages a sorted list by key, so that entries added, removed or changed elsewhere in the list never make
 * the walk repeat or skip the ones that stay. `keyOf` gives each entry's sort key as a string tuple;
 * `position` is the key of the last entry already returned.
 */
export function pageByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => readonly [string, number],
  position: unknown,
  size: number,
): Page<T> {
  let start = 0;
  if (position !== undefined) {
    if (!Array.isArray(position) || typeof position[0] !== 'string' || typeof position[1] !== 'number') {
      throw invalidParameter('Invalid pagination token.');
    }
    const [k, o] = position as [string, number];
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const [mk, mo] = keyOf(items[mid]);
      if (mk < k || (mk === k && mo <= o)) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const end = Math.min(items.length, start + size);
  const page = items.slice(start, end);
  const last = page.length > 0 ? page[page.length - 1] : undefined;
  const next = end < items.length ? (last === undefined ? position : keyOf(last)) : undefined;
  return { items: page, next };
}
