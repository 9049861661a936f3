import type { Page } from '../gateway/types.ts';
import {
  advanceFollow, appendRows, applyError, beginLoad, canLoadMore, clampCursor, startWalk, stepWalk, walkStopError, type ListError, type PagedList,
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

/** How often the rows fetched while following are shown: often enough to watch, rarely enough not to slow the walk. */
export const FOLLOW_PUBLISH_MS = 100;

/** How a follow ended: at the end of the list, at the end of a batch, stopped by the user, on an error, on a server that would page for ever, or overtaken. */
export type FollowEnd = 'complete' | 'batch' | 'stopped' | 'error' | 'bounded' | 'stale';

/**
 * Fetches page after page while the list follows its end (after G), one request at a time, and shows what has
 * arrived every FOLLOW_PUBLISH_MS rather than after every page, so that drawing does not slow the walk down.
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
  for (;;) {
    if (deps.pace) {
      await deps.pace();
      const now = deps.list(ref);
      if (now.requestId !== started.requestId) return 'stale';
      if (now.followUntil === undefined) {
        deps.setList(ref, clampCursor({ ...now, items: rows(), nextToken: token, pagesLoaded: pages, walk, loading: false }));
        return 'stopped';
      }
    }
    let page: Page<unknown>;
    try {
      page = await deps.fetchPage(ref, token);
    } catch (error) {
      const current = deps.list(ref);
      if (current.requestId !== started.requestId) return 'stale';
      const loaded = { ...current, items: rows(), nextToken: token, pagesLoaded: pages, walk };
      deps.setList(ref, clampCursor(applyError(loaded, started.requestId, deps.toError(error))));
      return 'error';
    }
    const current = deps.list(ref);
    if (current.requestId !== started.requestId) return 'stale';
    const prepared = deps.prepare(ref, page.items);
    const step = stepWalk(walk, { items: prepared, nextToken: page.nextToken });
    walk = step.walk;
    if (step.fresh) for (const row of prepared) pending.push(row);
    token = page.nextToken;
    pages++;
    if (step.stop) {
      const next = { ...current, items: rows(), nextToken: token, complete: false, pagesLoaded: pages, loading: false, walk, followUntil: undefined, error: walkStopError(step.stop) };
      deps.setList(ref, clampCursor(next));
      return 'bounded';
    }
    const stopped = current.followUntil === undefined;
    const done = !token || stopped || shown.length + pending.length >= (current.followUntil ?? 0);
    if (done || clock() - shownAt >= FOLLOW_PUBLISH_MS) {
      const next = { ...current, items: rows(), nextToken: token, complete: !token, pagesLoaded: pages, loading: !done, walk, error: undefined };
      deps.setList(ref, stopped ? clampCursor(next) : advanceFollow(next));
      shownAt = clock();
    }
    if (done) return !token ? 'complete' : stopped ? 'stopped' : 'batch';
  }
}
