import { MAX_IDLE_PAGES, type WalkStop } from '../store/paged-list.ts';

/** Why a sweep's walk through an operation's pages stopped, as the sweep's status line says it. */
export function walkStopMessage(operation: string, stop: WalkStop): string {
  switch (stop) {
    case 'repeated-token':
      return `${operation} repeated a page token, so the sweep stopped there and may have missed some; esc, then s starts a new sweep.`;
    case 'empty-pages':
      return `${operation} kept returning empty pages (${MAX_IDLE_PAGES} in a row), so the sweep stopped; esc, then s starts a new sweep.`;
    case 'repeated-pages':
      return `${operation} kept returning the same page (${MAX_IDLE_PAGES} in a row), so the sweep stopped; esc, then s starts a new sweep.`;
  }
}
