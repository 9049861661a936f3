import type { AuthEvent, FeedbackValue, Page } from '../gateway/types.ts';
import { eventValuesBeingSent, type WritesInFlight } from '../writes/in-flight.ts';
import { applyError, beginLoad, clampCursor, startWalk, stepWalk, walkStopError, type PagedList } from './paged-list.ts';
import type { ListRef } from './routes.ts';
import { toListError } from './store-kit.ts';

/** What re-reading a list needs from the store. */
export interface RereadDeps {
  list: (ref: ListRef) => PagedList<unknown>;
  setList: (ref: ListRef, next: PagedList<unknown>) => void;
  fetchPage: (ref: ListRef, token: string | undefined) => Promise<Page<unknown>>;
  /** Turns fetched items into stored rows, as loading a page does. */
  prepare: (ref: ListRef, items: unknown[]) => unknown[];
}

/** Events as re-read, except that feedback still being sent keeps showing on its rows. */
export function withPendingFeedback(ref: ListRef, items: unknown[], writes: WritesInFlight): unknown[] {
  if (ref.kind !== 'events') return items;
  const sending = eventValuesBeingSent(writes, ref.poolId, ref.username);
  if (sending.size === 0) return items;
  return (items as AuthEvent[]).map((e) => {
    const value = sending.get(e.id);
    return value ? { ...e, feedback: { value: value as FeedbackValue, provider: 'sending…' } } : e;
  });
}

/**
 * Fetches a list again from its first page, as far as it was loaded, and replaces its rows in one step (the
 * cursor stays where it was). A newer fetch or refresh that starts meanwhile wins.
 */
export async function rereadList(deps: RereadDeps, ref: ListRef): Promise<void> {
  const before = deps.list(ref);
  const started = beginLoad(before);
  deps.setList(ref, started);
  try {
    const items: unknown[] = [];
    let token: string | undefined;
    let pages = 0;
    let walk = startWalk();
    let stop: ReturnType<typeof stepWalk>['stop'];
    do {
      const page = await deps.fetchPage(ref, token);
      if (deps.list(ref).requestId !== started.requestId) return;
      const prepared = deps.prepare(ref, page.items);
      const step = stepWalk(walk, page);
      walk = step.walk;
      stop = step.stop;
      if (step.fresh) for (const row of prepared) items.push(row);
      token = page.nextToken;
      pages++;
    } while (token && !stop && items.length < before.items.length);
    const current = deps.list(ref);
    if (current.requestId !== started.requestId) return;
    const error = stop ? walkStopError(stop) : undefined;
    deps.setList(ref, clampCursor({ ...current, items, nextToken: token, complete: !token, loading: false, pagesLoaded: pages, walk, error }));
  } catch (error) {
    deps.setList(ref, applyError(deps.list(ref), started.requestId, toListError(error)));
  }
}
