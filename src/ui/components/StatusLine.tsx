import { Text } from 'ink';
import type { ListError, PagedList } from '../../store/paged-list.ts';
import { safeText } from '../text.ts';
import type { Theme } from '../theme.ts';
import { useTheme } from '../theme-context.ts';

/** What r will do about an error, unless its message already says: retry the page, or start the list over. */
export function retryHint(error: ListError): string {
  if (/press r/i.test(error.message)) return '';
  return error.retryable ? ' · r retries' : ' · r reloads from the first page';
}

/** How a list's loading state is worded; a view may say it in its own terms. */
export interface ProgressWords {
  complete: string;
  more: string;
}

const LIST_WORDS: ProgressWords = { complete: 'all loaded', more: 'more on the server (scroll to load)' };

/**
 * ' · …' after a list's position: the error with its cure, loading, or whether more is on the server. On a `sorted`
 * list still paging it says nothing of the rest: the sort's note says only the loaded rows are sorted, and the line
 * then fits 80 columns.
 */
export function listProgress(list: PagedList<unknown>, words: ProgressWords = LIST_WORDS, sorted = false): string {
  if (list.error) return ` · ✖ ${safeText(list.error.message)}${retryHint(list.error)}`;
  if (list.followUntil !== undefined) return ' · loading to the end… (esc stops)';
  if (list.loading) return ' · loading more…';
  if (sorted && !list.complete) return '';
  return ` · ${list.complete ? words.complete : words.more}`;
}

/** Where the cursor is among a list's loaded rows: `3/120`, or `0/0` with none. */
export function listPosition(list: PagedList<unknown>): string {
  return `${list.items.length === 0 ? 0 : list.cursor + 1}/${list.items.length}`;
}

/**
 * The line under a list: position, whether more is on the server, loading, or the error with its cure. `text`
 * words it instead (saying its progress with listProgress, `sorted` when the list is); either way the line is red while
 * the list has an error. `note` follows (the list's sort).
 */
export function StatusLine(props: { list: PagedList<unknown>; noun: string; text?: string; note?: string }) {
  return <StatusText {...props} theme={useTheme()} />;
}

/** The status line drawn in the colours of `theme`. */
export function StatusText({ list, noun, text, note = '', theme }: { list: PagedList<unknown>; noun: string; text?: string; note?: string; theme: Theme }) {
  const line = `${text ?? `${listPosition(list)}${list.complete ? '' : '+'} ${noun}${listProgress(list, LIST_WORDS, note !== '')}`}${note}`;
  return <Text color={list.error ? theme.danger : undefined} dimColor={!list.error} wrap="truncate">{`  ${line}`}</Text>;
}
