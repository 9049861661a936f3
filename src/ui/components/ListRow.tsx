import { Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { TimeZoneSetting } from '../../domain/time-format.ts';
import { renderCells, type Column } from '../columns.ts';
import { useTheme } from '../theme-context.ts';
import type { Theme, ThemeRole } from '../theme.ts';

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

/**
 * The row's text as few children as its colours allow: uncoloured text runs are one string (each child is a node
 * React reconciles and Ink squashes on every frame), coloured spans and the mark are nested texts.
 */
function rowChildren(lead: string, mark: ReactNode, parts: { text: string; color?: ThemeRole }[], theme: Theme): ReactNode[] {
  const children: ReactNode[] = [];
  let plain = lead;
  if (mark) {
    children.push(plain, mark);
    plain = '';
  } else plain += ' ';
  parts.forEach((p, i) => {
    if (!p.color) {
      plain += p.text;
      return;
    }
    if (plain) children.push(plain);
    children.push(<Text key={i} color={theme[p.color]}>{p.text}</Text>);
    plain = '';
  });
  if (plain) children.push(plain);
  return children;
}

function ListRowImpl<T>({ item, columns, widths, now, zone, selected, focused, marked }: ListRowProps<T>) {
  const theme = useTheme();
  const highlighted = selected && focused;
  const parts = spans(columns, renderCells(columns, widths, item, now, zone), item, highlighted);
  const mark = marked ? <Text key="mark" color={theme.accent}>●</Text> : undefined;
  return <Text inverse={highlighted} wrap="truncate">{rowChildren(selected ? '▶' : ' ', mark, parts, theme)}</Text>;
}

/** One list row, redrawn only when its item, layout, time, selection or mark changes. */
export const ListRow = memo(ListRowImpl) as typeof ListRowImpl;
