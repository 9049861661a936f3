import { PAGE_SIZE } from '../gateway/types.ts';

/** Where a paced G stands: rows loaded, the pool's estimate when known, and the rate it is paced at. */
export interface FollowProgress {
  loaded: number;
  estimated?: number;
  /** ListUsers requests per second the pacing allows now. */
  pagesPerSecond: number;
  /** Share of the ListUsers quota G is paced at, in (0, 1]. */
  share: number;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** "Loading users: 1,200 of about 50,000 · ETA 2 min · paced at 50% of the ListUsers quota · esc stops". */
export function describeFollowProgress(p: FollowProgress): string {
  const loaded = p.loaded.toLocaleString('en-US');
  const share = `paced at ${Math.round(p.share * 100)}% of the ListUsers quota (shared with production)`;
  const rowsPerSecond = p.pagesPerSecond * PAGE_SIZE;
  if (p.estimated === undefined || rowsPerSecond <= 0) return `Loading users: ${loaded} so far · ${share} · esc stops`;
  const left = Math.max(0, p.estimated - p.loaded);
  return `Loading users: ${loaded} of about ${p.estimated.toLocaleString('en-US')} · ETA ${duration(left / rowsPerSecond)} · ${share} · esc stops`;
}
