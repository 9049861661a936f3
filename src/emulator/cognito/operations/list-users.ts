import { filterSortKey, formatUserFilter, matchesUserFilter, parseUserFilter } from '../../../domain/user-filter.ts';
import type { UserFilter } from '../../../domain/user-filter.ts';
import { requirePool } from '../context.ts';
import type { CognitoContext, OperationHandler } from '../context.ts';
import { invalidParameter } from '../../errors.ts';
import type { UserRecord } from '../model.ts';
import { pageByKey, pageSizeOf, positionOf, withNextToken } from '../paging.ts';
import { schemaAttributeNames } from '../pool-shapes.ts';
import type { PoolStore } from '../pool-store.ts';
import { Rng } from '../../prng.ts';
import { RequestValidator, RULES } from '../validation.ts';
import { userType } from '../shapes.ts';

interface SearchHit {
  key: string;
  user: UserRecord;
}

interface CachedSearch {
  version: number;
  hits: SearchHit[];
}

const SEARCH_CACHE_SIZE = 16;
const searchCache = new WeakMap<PoolStore, Map<string, CachedSearch>>();

const byKeyThenOrdinal = (a: SearchHit, b: SearchHit): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.user.ordinal - b.user.ordinal;

function search(pool: PoolStore, filter: UserFilter): SearchHit[] {
  let cache = searchCache.get(pool);
  if (cache === undefined) {
    cache = new Map();
    searchCache.set(pool, cache);
  }
  const canonical = formatUserFilter(filter);
  const cached = cache.get(canonical);
  if (cached !== undefined && cached.version === pool.version) return cached.hits;
  const hits: SearchHit[] = [];
  for (const user of pool.users()) {
    if (matchesUserFilter(filter, user)) hits.push({ key: filterSortKey(filter, user), user });
  }
  hits.sort(byKeyThenOrdinal);
  cache.delete(canonical);
  if (cache.size >= SEARCH_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(canonical, { version: pool.version, hits });
  return hits;
}

function parseFilter(text: string | undefined): UserFilter | null {
  if (text === undefined) return null;
  const parsed = parseUserFilter(text);
  if (!parsed.ok) throw invalidParameter(`Invalid search filter: ${parsed.message} (column ${parsed.column}).`);
  return parsed.filter;
}

function attributeSelection(pool: PoolStore, names: string[] | undefined): ReadonlySet<string> | undefined {
  if (names === undefined) return undefined;
  const known = schemaAttributeNames(pool.def);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw invalidParameter(`One or more requested attributes do not exist: ${unknown.join(', ')}.`);
  }
  return new Set(names);
}

type Position = [string, number, number];

function pageSize(ctx: CognitoContext, scope: readonly unknown[], position: Position | undefined, limit: number): number {
  if (position === undefined || position[2] > 0) return limit;
  const rng = new Rng(ctx.seed, 'short-page', JSON.stringify(scope), JSON.stringify(position));
  return rng.chance(0.2) ? rng.int(limit) : limit;
}

function decodePosition(ctx: CognitoContext, scope: readonly unknown[], token: string | undefined): Position | undefined {
  const p = positionOf(ctx.tokens, scope, token);
  if (p === undefined) return undefined;
  if (!Array.isArray(p) || typeof p[0] !== 'string' || typeof p[1] !== 'number' || typeof p[2] !== 'number') {
    throw invalidParameter('Invalid pagination token.');
  }
  return p as Position;
}

/**
 * ListUsers: Limit 0..60 (0 or absent = 60), PaginationToken, Filter, AttributesToGet. Unfiltered
 * results come in creation order, filtered ones sorted by the filtered attribute. Like Cognito, a
 * filtered page after the first may hold fewer users than Limit (even none) while more follow.
 */
export const listUsers: OperationHandler = (ctx, body) => {
  const v = new RequestValidator(body);
  const poolId = v.string('UserPoolId', RULES.userPoolId);
  const limit = v.integer('Limit', { min: 0, max: 60 });
  const token = v.string('PaginationToken', RULES.token);
  const filterText = v.string('Filter', { max: 256 });
  const attributesToGet = v.stringList('AttributesToGet', RULES.attributeName);
  v.check();
  const pool = requirePool(ctx, poolId as string);
  const filter = parseFilter(filterText);
  const only = attributeSelection(pool, attributesToGet);
  const scope = ['ListUsers', pool.def.id, filter === null ? '' : formatUserFilter(filter)];
  const position = decodePosition(ctx, scope, token);
  const size = pageSizeOf(limit);
  let users: UserRecord[];
  let next: unknown;
  if (filter === null) {
    ({ items: users, next } = pageByKey(pool.users(), (u) => ['', u.ordinal] as const, position, size));
  } else {
    const page = pageByKey(search(pool, filter), (h) => [h.key, h.user.ordinal] as const, position, pageSize(ctx, scope, position, size));
    users = page.items.map((h) => h.user);
    next = page.next;
  }
  const emptyRun = users.length === 0 && position !== undefined ? position[2] + 1 : 0;
  const resume = next === undefined ? undefined : [(next as Position)[0], (next as Position)[1], emptyRun];
  return withNextToken(ctx.tokens, scope, { Users: users.map((u) => userType(u, only)) }, 'PaginationToken', resume);
};
