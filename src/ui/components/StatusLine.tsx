import { Text } from 'ink';
import type { ListError, PagedList } from '../../store/paged-list.ts';

/** What r will do about an error, unless its message already says: retry the page, or start the list over. */
export function retryHint(error: ListError): string {
  if (/press r/i.test(error.message)) return '';
  return error.retryable ? ' · r retries' : ' · r reloads from the first page';
}

/** The line under a list: position, whether more is on the server, loading, or the error with its cure. */
export function StatusLine({ list, noun }: { list: PagedList<unknown>; noun: string }) {
  const position = `${list.items.length === 0 ? 0 : list.cursor + 1}/${list.items.length}${list.complete ? '' : '+'} ${noun}`;
  if (list.error) {
    return <Text color="red" wrap="truncate">{`  ${position} · ✖ ${list.error.message}${retryHint(list.error)}`}</Text>;
  }
  const more = list.followUntil !== undefined ? ' · loading to the end… (esc stops)'
    : list.loading ? ' · loading more…' : list.complete ? ' · all loaded' : ' · more on the server (scroll to load)';
  return <Text dimColor wrap="truncate">{`  ${position}${more}`}</Text>;
}
