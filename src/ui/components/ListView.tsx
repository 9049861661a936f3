import { Box, Text } from 'ink';
import { useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { fitColumns, renderHeader, type Column } from '../columns.ts';
import { ListRow } from './ListRow.tsx';
import { visibleSlice, windowOffset, type PagedList } from '../../store/paged-list.ts';
import { retryHint, StatusLine } from './StatusLine.tsx';
import { safeText, wrapText } from '../text.ts';
import { TimeZoneContext } from '../store-context.ts';
import { useListSort } from '../views/use-list-sort.ts';
import { usePageRows } from '../views/use-page-rows.ts';
import { useTheme } from '../theme-context.ts';

/** Props of the one list component every list view uses. */
export interface ListViewProps<T> {
  list: PagedList<T>;
  columns: Column<T>[];
  width: number;
  /** Rows available for items (the header and the status line are extra). */
  height: number;
  noun: string;
  emptyText: string;
  now: number;
  focused?: boolean;
  /** Rows marked for a bulk action get a ● beside the cursor column. */
  isMarked?: (item: T) => boolean;
  /** Words the status line under the rows instead of the default; it still turns red on the list's error. */
  status?: string;
  /** The list's store key: the view tells the store the rows it draws, which are PgDn's page. */
  pageKey?: string;
}

/** What the status line says of a sort: the column and way, and that a list still paging is sorted as far as loaded. */
export function sortNote(sort: { column: string; descending: boolean }, list: PagedList<unknown>): string {
  const partial = list.complete ? '' : `: the ${list.items.length.toLocaleString('en-US')} loaded only`;
  return ` · sorted by ${sort.column} ${sort.descending ? '↓' : '↑'}${partial}`;
}

/** Where the window was last drawn: its first row, and the cursor and the row under it then. */
interface DrawnWindow {
  offset: number;
  cursor: number;
  item: unknown;
}

/**
 * The window's first row for the rows the view really has: the window moves as little as keeps the cursor in it, and
 * when rows were added above the selected row (a sweep finding) it moves with that row, which stays on its line.
 */
function useWindowOffset<T>(list: PagedList<T>, height: number): number {
  const drawn = useRef<DrawnWindow>({ offset: 0, cursor: 0, item: undefined });
  const item = list.items[list.cursor];
  const last = drawn.current;
  const shifted = item !== undefined && item === last.item ? last.offset + list.cursor - last.cursor : last.offset;
  const offset = windowOffset(list.cursor, shifted, height, list.items.length);
  useLayoutEffect(() => {
    drawn.current = { offset, cursor: list.cursor, item };
  });
  return offset;
}

/**
 * A windowed table: draws only the rows inside the window, so its cost does not grow with the list. A row's key is
 * its index modulo the window's height: a scroll by one line moves one row component to the other end, and a jump (a
 * publish while G follows the end) updates every row in place rather than making the window's rows anew.
 */
export function ListView<T>({ list, columns: allColumns, width, height: wanted, noun, emptyText, now, focused = true, isMarked, status, pageKey }: ListViewProps<T>) {
  const theme = useTheme();
  const height = Math.max(1, wanted);
  const zone = useContext(TimeZoneContext);
  const offset = useWindowOffset(list, height);
  usePageRows(pageKey, height);
  const { start, rows: slice } = visibleSlice(list, offset, height);
  const rows = useMemo(() => slice, [list.items, start, slice.length]);
  const { columns, widths } = fitColumns(allColumns, width - 2, rows, now, zone, list.items);
  const sort = useListSort(pageKey);
  const firstLoad = list.items.length === 0;
  return (
    <Box flexDirection="column">
      <Text bold>{'  ' + renderHeader(columns, widths, sort).join(' ')}</Text>
      {firstLoad ? (
        <Box height={height} overflowY="hidden">
          {list.error ? (
            <Text color={theme.danger}>{wrapText(`${safeText(list.error.message)}${retryHint(list.error)}`, width - 4).slice(0, height)
              .map((line, i) => `${i === 0 ? '  ✖ ' : '    '}${line}`).join('\n')}</Text>
          ) : list.loading || list.pagesLoaded === 0 ? (
            <Text color={theme.accent}>{`  Loading ${noun}…`}</Text>
          ) : (
            <Text dimColor>{`  ${emptyText}`}</Text>
          )}
        </Box>
      ) : (
        <Box flexDirection="column" height={height} flexShrink={0}>
          {rows.map((item, i) => {
            const index = start + i;
            return (
              <ListRow key={index % height} item={item} columns={columns} widths={widths} now={now} zone={zone}
                selected={index === list.cursor} focused={focused} marked={isMarked?.(item) ?? false} />
            );
          })}
        </Box>
      )}
      {!firstLoad && <StatusLine list={list} noun={noun} text={status} note={sort ? sortNote(sort, list) : undefined} />}
    </Box>
  );
}
