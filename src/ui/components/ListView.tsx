import { Box, Text } from 'ink';
import { useContext, useMemo } from 'react';
import { fitColumns, renderHeader, type Column } from '../columns.ts';
import { ListRow } from './ListRow.tsx';
import { visibleSlice, windowOffset, type PagedList } from '../../store/paged-list.ts';
import { retryHint, StatusLine } from './StatusLine.tsx';
import { safeText, wrapText } from '../text.ts';
import { TimeZoneContext } from '../store-context.ts';

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
}

/** A windowed table: draws only the rows inside the window, so its cost does not grow with the list. */
export function ListView<T>({ list, columns: allColumns, width, height: wanted, noun, emptyText, now, focused = true, isMarked, status }: ListViewProps<T>) {
  const height = Math.max(1, wanted);
  const zone = useContext(TimeZoneContext);
  const offset = windowOffset(list.cursor, list.offset, height, list.items.length);
  const { start, rows: slice } = visibleSlice({ ...list, offset }, height);
  const rows = useMemo(() => slice, [list.items, start, slice.length]);
  const { columns, widths } = fitColumns(allColumns, width - 2, rows, now, zone, list.items);
  const firstLoad = list.items.length === 0;
  return (
    <Box flexDirection="column">
      <Text bold>{'  ' + renderHeader(columns, widths).join(' ')}</Text>
      {firstLoad ? (
        <Box height={height} overflow="hidden">
          {list.error ? (
            <Text color="red">{wrapText(`${safeText(list.error.message)}${retryHint(list.error)}`, width - 4).slice(0, height)
              .map((line, i) => `${i === 0 ? '  ✖ ' : '    '}${line}`).join('\n')}</Text>
          ) : list.loading || list.pagesLoaded === 0 ? (
            <Text color="cyan">{`  Loading ${noun}…`}</Text>
          ) : (
            <Text dimColor>{`  ${emptyText}`}</Text>
          )}
        </Box>
      ) : (
        <Box flexDirection="column" height={height} flexShrink={0}>
          {rows.map((item, i) => {
            const index = start + i;
            return (
              <ListRow key={index} item={item} columns={columns} widths={widths} now={now} zone={zone}
                selected={index === list.cursor} focused={focused} marked={isMarked?.(item) ?? false} />
            );
          })}
        </Box>
      )}
      {!firstLoad && <StatusLine list={list} noun={noun} text={status} />}
    </Box>
  );
}
