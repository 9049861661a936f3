import type { Page } from '../gateway/types.ts';

/** A failure as a list keeps it: what to show and whether r may cure it. */
export interface ListError {
  kind: string;
  message: string;
  retryable: boolean;
}

/**
 * One lazily paged list: what is loaded, where the next page starts, whether a fetch is under way, and the
 * cursor over it (the list view computes its window from the cursor and the rows it has). Every list of the app is
 * one of these.
 */
export interface PagedList<T> {
  items: T[];
  nextToken?: string;
  /** True once the server said there are no more pages. */
  complete: boolean;
  /** True while a page is being fetched. */
  loading: boolean;
  /** Pages fetched so far, including failed attempts that were retried. */
  pagesLoaded: number;
  error?: ListError;
  /** Id of the fetch whose answer is awaited; answers carrying another id are stale and dropped. */
  requestId: number;
  cursor: number;
  /** While set (after G), each page that arrives moves the cursor to the last row and the next one is fetched, until this many rows are loaded. */
  followUntil?: number;
  /** What this walk through the pages has seen so far, to stop a server that would page for ever. */
  walk?: PageWalk;
}

/**
 * The tokens a walk was handed out, in order, kept once for every walk that extends another: a walk owns the first
 * `tokenCount` of them. Looking a token up and adding one cost O(1), where a copied list would cost O(pages).
 */
export class TokenLog {
  /** Each token's place in the order it was handed out. */
  readonly at = new Map<string, number>();
  /** How many tokens the furthest walk over this log owns. */
  length = 0;

  /** True when `token` is among the first `count` handed out. */
  has(token: string, count: number): boolean {
    const place = this.at.get(token);
    return place !== undefined && place < count;
  }

  /** A log with only the first `count` tokens, for a walk that goes on from an earlier point than the furthest one. */
  upTo(count: number): TokenLog {
    const copy = new TokenLog();
    for (const [token, place] of this.at) if (place < count) copy.at.set(token, place);
    copy.length = count;
    return copy;
  }
}

/**
 * The guard of one walk through a list's pages, from its first page: the tokens the server handed out, the run
 * of pages in a row that brought nothing new, and a fingerprint of the last page (to tell a repeated page).
 */
export interface PageWalk {
  /** The tokens handed out; this walk's are the first `tokenCount`. */
  tokens: TokenLog;
  tokenCount: number;
  /** Pages in a row that were empty or repeated the page before while carrying a next token. */
  idleRun: number;
  lastPage?: string;
}

/** Pages in a row that bring nothing new (empty, or the same as the one before) after which a walk stops and asks. */
export const MAX_IDLE_PAGES = 10;

/** Why a walk stopped although the server offered a next page. */
export type WalkStop = 'repeated-token' | 'empty-pages' | 'repeated-pages';

/** Error kinds of a walk that stopped itself; `r` continues an idle walk and reloads one whose token repeated. */
export const WALK_STOP_KIND: Readonly<Record<WalkStop, string>> = {
  'repeated-token': 'paging-repeated-token',
  'empty-pages': 'paging-empty-pages',
  'repeated-pages': 'paging-repeated-pages',
};

/** A walk that has seen nothing yet. */
export function startWalk(): PageWalk {
  return { tokens: new TokenLog(), tokenCount: 0, idleRun: 0 };
}

/** The tokens a walk was handed out, in order. */
export function walkTokens(walk: PageWalk): string[] {
  const out: string[] = [];
  for (const [token, place] of walk.tokens.at) if (place < walk.tokenCount) out[place] = token;
  return out;
}

/** The walk's tokens with `token` added: in place when the walk is the furthest over its log, else in a copy of its part. */
function withToken(walk: PageWalk, token: string): Pick<PageWalk, 'tokens' | 'tokenCount'> {
  const tokens = walk.tokens.length === walk.tokenCount ? walk.tokens : walk.tokens.upTo(walk.tokenCount);
  tokens.at.set(token, walk.tokenCount);
  tokens.length = walk.tokenCount + 1;
  return { tokens, tokenCount: tokens.length };
}

/** What the walk guard reads of a page: how many rows it holds, its first and last rows (as stored), its next token. */
export interface PageEnds {
  count: number;
  first?: unknown;
  last?: unknown;
  nextToken?: string;
}

/** The ends of a page whose rows are stored as they are. */
export function pageEnds(page: Page<unknown>): PageEnds {
  const n = page.items.length;
  return { count: n, first: page.items[0], last: page.items[n - 1], nextToken: page.nextToken };
}

function pageFingerprint(ends: PageEnds): string | undefined {
  if (ends.count === 0) return undefined;
  return JSON.stringify([ends.count, ends.first, ends.last]);
}

/** One page of a walk: the walk after it, whether its rows are new (a repeated page's are not), and why to stop, if so. */
export interface WalkStep {
  walk: PageWalk;
  fresh: boolean;
  stop?: WalkStop;
}

/**
 * Takes one page into a walk, in O(1) whatever the walk's length. A next token the walk has already been given ends
 * it at once; a page that is empty or repeats the page before, while offering a next one, adds to the idle run, which
 * stops the walk at `maxIdle`. The walk given keeps meaning what it meant: stepping it again branches off.
 */
export function stepWalk(walk: PageWalk, page: Page<unknown>, maxIdle = MAX_IDLE_PAGES): WalkStep {
  return stepWalkEnds(walk, pageEnds(page), maxIdle);
}

/** stepWalk from a page's ends alone, so that a walk can decide on its next request before it stores the page's rows. */
export function stepWalkEnds(walk: PageWalk, page: PageEnds, maxIdle = MAX_IDLE_PAGES): WalkStep {
  const fingerprint = pageFingerprint(page);
  const repeated = fingerprint !== undefined && fingerprint === walk.lastPage;
  const fresh = page.count > 0 && !repeated;
  const token = page.nextToken;
  if (!token) return { walk: { ...walk, idleRun: 0, lastPage: fingerprint }, fresh };
  if (walk.tokens.has(token, walk.tokenCount)) return { walk, fresh, stop: 'repeated-token' };
  const idleRun = fresh ? 0 : walk.idleRun + 1;
  const next = { ...withToken(walk, token), idleRun, lastPage: fingerprint ?? walk.lastPage };
  if (idleRun >= maxIdle) return { walk: next, fresh, stop: repeated ? 'repeated-pages' : 'empty-pages' };
  return { walk: next, fresh };
}

/** What the screen says when a walk stopped itself, and what r does about it; short enough for an 80-column flash line. */
export function walkStopError(stop: WalkStop, maxIdle = MAX_IDLE_PAGES): ListError {
  const kind = WALK_STOP_KIND[stop];
  switch (stop) {
    case 'repeated-token':
      return { kind, retryable: false, message: 'Server repeated a page token: the list may be incomplete; press r to reload.' };
    case 'empty-pages':
      return { kind, retryable: true, message: `The server keeps returning empty pages (${maxIdle} in a row); press r to continue.` };
    case 'repeated-pages':
      return { kind, retryable: true, message: `The server keeps returning the same page (${maxIdle} in a row); press r to continue.` };
  }
}

/** True when the list's walk stopped itself (a repeated token or idle pages) rather than failing. */
export function isWalkStop(list: PagedList<unknown>): boolean {
  return list.error !== undefined && (Object.values(WALK_STOP_KIND) as string[]).includes(list.error.kind);
}

/** True when the list's walk stopped itself on idle pages, so that r goes on from the same token rather than reloading. */
export function isIdleStop(list: PagedList<unknown>): boolean {
  return list.error?.kind === WALK_STOP_KIND['empty-pages'] || list.error?.kind === WALK_STOP_KIND['repeated-pages'];
}

/** Lets a walk stopped on idle pages go on for another run from the same token. */
export function continueWalk<T>(list: PagedList<T>): PagedList<T> {
  if (!isIdleStop(list)) return list;
  return { ...list, error: undefined, walk: list.walk ? { ...list.walk, idleRun: 0 } : undefined };
}

/** Stops waiting for the fetch under way (its view was left): the answer, when it comes, is stale and dropped. */
export function abandonLoad<T>(list: PagedList<T>): PagedList<T> {
  if (!list.loading && list.followUntil === undefined) return list;
  const last = Math.max(0, list.items.length - 1);
  return { ...list, loading: false, followUntil: undefined, requestId: list.requestId + 1, cursor: Math.min(list.cursor, last) };
}

/** A list with nothing loaded yet. */
export function emptyList<T>(): PagedList<T> {
  return { items: [], complete: false, loading: false, pagesLoaded: 0, requestId: 0, cursor: 0 };
}

/** True if a fetch should start: nothing under way, more on the server, and no error waiting to be retried. */
export function canLoadMore(list: PagedList<unknown>): boolean {
  return !list.loading && !list.complete && !list.error;
}

/** Marks a fetch as started and gives it a fresh request id. */
export function beginLoad<T>(list: PagedList<T>): PagedList<T> {
  return { ...list, loading: true, error: undefined, requestId: list.requestId + 1 };
}

/**
 * Appends a fetched page, unless the answer is stale (another fetch or a refresh came since). A page the walk
 * rejects (a repeated token, too many idle pages) stops the list with an error that says so; a repeated page's
 * rows are not appended again. With `appendInPlace` (see appendRows) the rows grow where they are: the list given
 * then holds the new rows too. `ends` is what the walk guard reads of the page: the page's own rows unless given (a list
 * that stores its rows prepared passes the ends of the page as fetched, as G does).
 */
export function applyPage<T>(list: PagedList<T>, requestId: number, page: Page<T>, appendInPlace = false, ends: PageEnds = pageEnds(page)): PagedList<T> {
  if (requestId !== list.requestId || !list.loading) return list;
  const step = stepWalkEnds(list.walk ?? startWalk(), ends);
  const added = step.fresh ? page.items : [];
  return {
    ...list,
    items: list.items.length === 0 && !appendInPlace ? added : added.length === 0 ? list.items : appendRows(list.items, added, appendInPlace),
    nextToken: page.nextToken,
    complete: !page.nextToken,
    loading: false,
    pagesLoaded: list.pagesLoaded + 1,
    error: step.stop ? walkStopError(step.stop) : undefined,
    walk: step.walk,
    ...(step.stop ? { followUntil: undefined } : {}),
  };
}

/** Arrays of rows that only appendRows writes to, and only at their end (each is one list's, grown by its walk). */
const growable = new WeakSet<readonly unknown[]>();

/**
 * `rows` with `more` after them. With `inPlace`, an array of rows grown before is grown where it is (O(more)), so a
 * list that follows its end never copies what it has: every list holding it then sees the new rows, so a cache of
 * anything computed from a list's rows must key on the rows and their length, not on the array alone. Otherwise,
 * and the first time, the rows are copied into a new array.
 */
export function appendRows<T>(rows: T[], more: readonly T[], inPlace: boolean): T[] {
  if (!inPlace) return more.length === 0 ? rows : rows.concat(more);
  const out = growable.has(rows) ? rows : rows.slice();
  growable.add(out);
  for (let i = 0; i < more.length; i++) out.push(more[i]);
  return out;
}

/** How many more rows one G may load before it stops and asks for another G. */
export const FOLLOW_BATCH = 50_000;

/** Starts following the end: the cursor goes to the last row and stays there while pages keep coming. */
export function startFollow<T>(list: PagedList<T>): PagedList<T> {
  const moved = moveCursorTo(list, Number.MAX_SAFE_INTEGER);
  return list.complete ? moved : { ...moved, followUntil: list.items.length + FOLLOW_BATCH };
}

/** After a page arrived: keeps the cursor on the last row while following, and stops at the end, the batch or an error. */
export function advanceFollow<T>(list: PagedList<T>): PagedList<T> {
  if (list.followUntil === undefined) return list;
  const moved = moveCursorTo(list, Number.MAX_SAFE_INTEGER);
  const done = list.complete || list.error !== undefined || list.items.length >= list.followUntil;
  return done ? { ...moved, followUntil: undefined } : moved;
}

/** Stops following. */
export function stopFollow<T>(list: PagedList<T>): PagedList<T> {
  return list.followUntil === undefined ? list : { ...list, followUntil: undefined };
}

/** Records a failed fetch; what was loaded stays, and the cursor stays on it (a refresh that failed leaves none). */
export function applyError<T>(list: PagedList<T>, requestId: number, error: ListError): PagedList<T> {
  if (requestId !== list.requestId || !list.loading) return list;
  return clampCursor({ ...list, loading: false, error, followUntil: undefined });
}

/** Clears the error so that the next loadMore tries again from the same token. */
export function clearError<T>(list: PagedList<T>): PagedList<T> {
  return list.error ? { ...list, error: undefined } : list;
}

/** Starts over from the first page, dropping any answer still in flight; keeps the cursor row when it can. */
export function resetForRefresh<T>(list: PagedList<T>): PagedList<T> {
  return { ...emptyList<T>(), requestId: list.requestId + 1, cursor: list.cursor };
}

/** The scroll offset that keeps `cursor` visible in a window of `height` rows, moving as little as possible. */
export function windowOffset(cursor: number, offset: number, height: number, length: number): number {
  const h = Math.max(1, height);
  let top = offset;
  if (cursor < top) top = cursor;
  if (cursor >= top + h) top = cursor - h + 1;
  const maxTop = Math.max(0, length - h);
  return Math.max(0, Math.min(top, maxTop));
}

/** Moves the cursor to `target`, clamped to what is loaded. */
export function moveCursorTo<T>(list: PagedList<T>, target: number): PagedList<T> {
  const last = Math.max(0, list.items.length - 1);
  const cursor = Math.max(0, Math.min(Math.trunc(target), last));
  return cursor === list.cursor ? list : { ...list, cursor };
}

/** Keeps the cursor on a loaded row after rows were replaced or dropped. */
export function clampCursor<T>(list: PagedList<T>): PagedList<T> {
  return moveCursorTo(list, list.cursor);
}

/**
 * True when the cursor is within a screen of the end of what is loaded, so the next page should be fetched now,
 * before the cursor gets there. A first page that fills the screen does not trigger a second fetch.
 */
export function nearEnd(list: PagedList<unknown>, height: number): boolean {
  return list.items.length - 1 - list.cursor < Math.max(height, 15);
}

/** The rows to draw from the window's first row `offset`: only those inside the window, never the whole list. */
export function visibleSlice<T>(list: PagedList<T>, offset: number, height: number): { start: number; rows: T[] } {
  const start = Math.max(0, Math.min(offset, Math.max(0, list.items.length - 1)));
  return { start, rows: list.items.slice(start, start + Math.max(0, height)) };
}

/** The selected item, if any is loaded. */
export function selectedItem<T>(list: PagedList<T> | undefined): T | undefined {
  return list && list.items.length > 0 ? list.items[Math.min(list.cursor, list.items.length - 1)] : undefined;
}

/** Replaces the items for which `pick` returns a new value; keeps identity when nothing changed. */
export function updateItems<T>(list: PagedList<T>, pick: (item: T) => T | undefined): PagedList<T> {
  let changed = false;
  const items = list.items.map((item) => {
    const next = pick(item);
    if (next === undefined || next === item) return item;
    changed = true;
    return next;
  });
  return changed ? { ...list, items } : list;
}
