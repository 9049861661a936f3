import type { Page } from '../gateway/types.ts';
import { quotaRps } from '../sweep/quotas.ts';
import { TokenBucket } from '../sweep/token-bucket.ts';
import { followPages, type FollowDeps } from './follow-loader.ts';
import { listSource } from './list-sources.ts';
import { describeFollowProgress } from './follow-progress.ts';
import { canLoadMore, FOLLOW_BATCH, startFollow, stopFollow, type PagedList } from './paged-list.ts';
import { type ListRef } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions, AppState, Flash } from './state.ts';
import { toListError } from './store-kit.ts';

/** How G paces its ListUsers walk: a share of the account's ListUsers quota, or not at all (an emulator, the demo). */
export type FollowPacing = { share: number } | false;

/** What G needs from the store. */
export interface FollowActionDeps {
  get: () => AppState;
  list: <T>(ref: ListRef) => PagedList<T>;
  setList: (ref: ListRef, next: PagedList<unknown>) => void;
  fetchPage: (ref: ListRef, token: string | undefined) => Promise<Page<unknown>>;
  prepare: (ref: ListRef, items: unknown[]) => unknown[];
  flash: (level: Flash['level'], text: string) => void;
  /** Loads what the selected row's detail line shows. */
  followSelection: (ref: ListRef) => void;
  /** Moves the cursor of a filtered event list (G on a filter moves to its last row). */
  jumpFiltered: (ref: ListRef) => boolean;
  /** Moves the cursor where G leaves it once every page is in (a sorted list: its last line). */
  afterFollow?: (ref: ListRef) => void;
  pacing?: FollowPacing;
  clock?: () => number;
}

/** How often the progress of a paced G is shown. */
export const FOLLOW_PROGRESS_MS = 1000;

/** G (load to the end, in batches, paced on AWS) and esc (stop it). */
export function createFollowActions(d: FollowActionDeps): Pick<AppActions, 'loadToEnd' | 'stopLoading'> & { follow: (ref: ListRef) => void } {
  const clock = d.clock ?? (() => performance.now());
  const bucket = d.pacing ? new TokenBucket({ quotaRps: quotaRps('UserList'), share: d.pacing.share }) : undefined;

  function estimatedRows(ref: ListRef): number | undefined {
    return ref.kind === 'users' && !ref.filter ? d.get().pools[ref.poolId]?.value?.estimatedUsers : undefined;
  }

  function follow(ref: ListRef) {
    const paced = bucket && ref.kind === 'users' ? bucket : undefined;
    let shownAt = Number.NEGATIVE_INFINITY;
    const showProgress = () => {
      if (!paced || clock() - shownAt < FOLLOW_PROGRESS_MS) return;
      shownAt = clock();
      const l = d.list(ref);
      const estimate = estimatedRows(ref);
      const estimated = estimate === undefined ? undefined : Math.min(estimate, l.followUntil ?? estimate);
      d.flash('info', describeFollowProgress({ loaded: l.items.length, estimated, pagesPerSecond: paced.rate(), share: paced.pacedRps / quotaRps('UserList') }));
    };
    const deps: FollowDeps = {
      list: d.list, setList: d.setList, prepare: d.prepare, toError: toListError,
      fetchPage: d.fetchPage,
      appendInPlace: listSource(ref).appendInPlace === true,
      ...(paced ? { pace: () => { showProgress(); return paced.take(); } } : {}),
    };
    void followPages(deps, ref).then((end) => {
      d.afterFollow?.(ref);
      d.followSelection(ref);
      const rows = d.list(ref).items.length.toLocaleString('en-US');
      if (end === 'bounded') d.flash('warn', d.list(ref).error?.message ?? 'Stopped loading.');
      if (end === 'batch') d.flash('info', `Loaded ${rows} rows; more on the server: G loads the next ${FOLLOW_BATCH.toLocaleString('en-US')}.`);
      if (end === 'complete' && paced) d.flash('info', `Loaded all ${rows} rows.`);
    });
  }

  return {
    follow,
    loadToEnd(ref) {
      if (d.jumpFiltered(ref)) return;
      const next = startFollow(d.list(ref));
      d.setList(ref, next);
      if (canLoadMore(next)) follow(ref);
      d.followSelection(ref);
    },
    stopLoading() {
      const ref = currentListRef(d.get());
      const l = ref ? d.list(ref) : undefined;
      if (!ref || l?.followUntil === undefined) return false;
      d.setList(ref, stopFollow(l));
      d.flash('info', `Stopped loading at ${l.items.length.toLocaleString('en-US')} rows; G continues.`);
      return true;
    },
  };
}
