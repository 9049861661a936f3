import { Text } from 'ink';
import { memo } from 'react';
import type { TimeZoneSetting } from '../../domain/time-format.ts';
import { renderCells, type Column } from '../columns.ts';
import { useTheme } from '../theme-context.ts';
import type { ThemeRole } from '../theme.ts';

/** What one row of a list needs to draw itself; equal props mean an unchanged row, which React skips. */
export interface ListRowProps<T> {
  item: T;
  columns: Column<T>[];
  /** The column widths as fitColumns returns them: the same array for the same layout, so equal layouts compare equal. */
  widths: number[];
  now: number;
  zone: TimeZoneSetting;
  selected: boolean;
  focused: boolean;
  marked: boolean;
}

/** Consecutive cells of the same colour, drawn as one text span. */
function spans<T>(columns: Column<T>[], cells: string[], item: T, plain: boolean): { text: string; color?: ThemeRole }[] {
  const out: { text: string; color?: ThemeRole }[] = [];
  cells.forEach((cell, c) => {
    const color = plain ? undefined : columns[c].color?.(item);
    const text = (c > 0 ? ' ' : '') + cell;
    const last = out[out.length - 1];
    if (last && last.color === color) last.text += text;
    else out.push({ text, color });
  });
  return out;
}

function ListRowImpl<T>({ item, columns, widths, now, zone, selected, focused, marked }: ListRowProps<T>) {
  const theme = useTheme();
  const highlighted = selected && focused;
  const parts = spans(columns, renderCells(columns, widths, item, now, zone), item, highlighted);
  return (
    <Text inverse={highlighted} wrap="truncate">
      {selected ? '▶' : ' '}
      {marked ? <Text color={theme.accent}>●</Text> : ' '}
      {parts.map((p, i) => (p.color ? <Text key={i} color={theme[p.color]}>{p.text}</Text> : p.text))}
    </Text>
  );
}

/** One list row, redrawn only when its item, layout, time, selection or mark changes. */
export const ListRow = memo(ListRowImpl) as typeof ListRowImpl;
