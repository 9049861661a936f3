import type { AppState } from './state.ts';

/** What a page is taken to be before a view has drawn it. */
export const DEFAULT_PAGE_ROWS = 20;

/** The rows the list or scrolled text `key` was last drawn with: how far PgDn moves and how near the end a page is fetched. */
export function pageRowsOf(state: Pick<AppState, 'pageRows'>, key: string, fallback = DEFAULT_PAGE_ROWS): number {
  return state.pageRows[key] ?? fallback;
}
