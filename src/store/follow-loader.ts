import type { Page } from '../gateway/types.ts';
import {
  advanceFollow, appendRows, applyError, beginLoad, canLoadMore, clampCursor, pageEnds, startWalk, stepWalkEnds, walkStopError, type ListError, type PagedList,
} from './paged-list.ts';
import type { ListRef } from './routes.ts';

/** What following a list to its end needs from the store. */
export interface FollowDeps {
  list: (ref: ListRef) => PagedList<unknown>;
  setList: (ref: ListRef, next: PagedList<unknown>) => void;
  fetchPage: (ref: ListRef, token: string | undefined) => Promise<Page<unknown>>;
  /** Turns fetched items into stored rows (user rows are compacted). */
  prepare: (ref: ListRef, items: unknown[]) => unknown[];
  toError: (error: unknown) => ListError;
  clock?: () => number;
  /** Waits for the turn of the next request (G paced below a quota); absent, pages follow back to back. */
  pace?: () => Promise<void>;
  /** Grow the rows shown where they are rather than in a copy (appendRows): for lists whose consumers key on rows and length. */
  appendInPlace?: boolean;
}

/** How often the rows fetched while following are shown: five times a second is enough to watch a count and rows go by, and rarely enough that drawing costs the walk little. */
export const FOLLOW_PUBLISH_MS = 200;

/** How a follow ended: at the end of the list, at the end of a batch, stopped by the user, on an error, on a server that would page for ever, or overtaken. */
export type FollowEnd = 'complete' | 'batch' | 'stopped' | 'error' | 'bounded' | 'stale';

type Answer = { page: Page<unknown> } | { error: unknown };

/** The answer to a request, kept as a value so that a request overtaken while in flight never rejects unheard. */
function answerOf(request: Promise<Page<unknown>>): Promise<Answer> {
  return request.then((page) => ({ page }), (error: unknown) => ({ error }));
}

/** Lets a request just sent reach the wire (the client's send runs on promise callbacks) before the loader works on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Fetches page after page while the list follows its end (after G), one request at a time, and shows what has
 * arrived every FOLLOW_PUBLISH_MS rather than after every page, so that drawing does not slow the walk down.
 * Unpaced, the request for the next page goes out as soon as a page's answer says there is one to fetch (decided
 * from that answer alone, before any wait, so that a stop or a batch's end never sends one more), and the page's rows
 * are stored and shown while the server works on the next; paced, each request waits for its turn first.
 */
export async function followPages(deps: FollowDeps, ref: ListRef): Promise<FollowEnd> {
  const clock = deps.clock ?? (() => performance.now());
  const start = deps.list(ref);
  if (!canLoadMore(start) || start.followUntil === undefined) return 'stopped';
  const started = beginLoad(start);
  deps.setList(ref, started);
  let shown = start.items;
  let pending: unknown[] = [];
  /** The rows shown with those arrived since: once per publish, never per page. */
  const rows = () => {
    if (pending.length > 0 || deps.appendInPlace) shown = appendRows(shown, pending, deps.appendInPlace === true);
    pending = [];
    return shown;
  };
  let token = start.nextToken;
  let pages = start.pagesLoaded;
  let walk = start.walk ?? startWalk();
  let shownAt = clock();
  let inFlight: Promise<Answer> | undefined;
  for (;;) {
    if (!inFlight && deps.pace) {
      await deps.pace();
      const now = deps.list(ref);
      if (now.requestId !== started.requestId) return 'stale';
      if (now.followUntil === undefined) {
        deps.setList(ref, clampCursor({ ...now, items: rows(), nextToken: token, pagesLoaded: pages, walk, loading: false }));
        return 'stopped';
      }
    }
    const answer = await (inFlight ?? answerOf(deps.fetchPage(ref, token)));
    inFlight = undefined;
    if ('error' in answer) {
      const current = deps.list(ref);
      if (current.requestId !== started.requestId) return 'stale';
      const loaded = { ...current, items: rows(), nextToken: token, pagesLoaded: pages, walk };
      deps.setList(ref, clampCursor(applyError(loaded, started.requestId, deps.toError(answer.error))));
      return 'error';
    }
    const page = answer.page;
    let current = deps.list(ref);
    if (current.requestId !== started.requestId) return 'stale';
    const prepared = page.items.length === 0 ? [] : deps.prepare(ref, page.items);
    const step = stepWalkEnds(walk, pageEnds(page));
    walk = step.walk;
    token = page.nextToken;
    pages++;
    const stopped = current.followUntil === undefined;
    const loaded = shown.length + pending.length + (step.fresh ? page.items.length : 0);
    const done = step.stop !== undefined || !token || stopped || loaded >= (current.followUntil ?? 0);
    if (!done && !deps.pace) {
      inFlight = answerOf(deps.fetchPage(ref, token));
      await nextTurn();
      current = deps.list(ref);
      if (current.requestId !== started.requestId) return 'stale';
    }
    if (step.fresh) for (let i = 0; i < prepared.length; i++) pending.push(prepared[i]);
    if (step.stop) {
      const next = { ...current, items: rows(), nextToken: token, complete: false, pagesLoaded: pages, loading: false, walk, followUntil: undefined, error: walkStopError(step.stop) };
      deps.setList(ref, clampCursor(next));
      return 'bounded';
    }
    if (done || clock() - shownAt >= FOLLOW_PUBLISH_MS) {
      const next = { ...current, items: rows(), nextToken: token, complete: !token, pagesLoaded: pages, loading: !done, walk, error: undefined };
      deps.setList(ref, current.followUntil === undefined ? clampCursor(next) : advanceFollow(next));
      shownAt = clock();
    }
    if (done) return !token ? 'complete' : stopped ? 'stopped' : 'batch';
  }
}
