import { Box, Text } from 'ink';
import { fit, safeText, truncate, wrapText } from '../text.ts';
import { useTheme } from '../theme-context.ts';
import type { ThemeRole } from '../theme.ts';

/** One labelled value; `color` highlights it. */
export interface Field {
  label: string;
  value: string | undefined;
  color?: ThemeRole;
  /** At most this many lines; a longer value ends in an ellipsis. */
  maxLines?: number;
  /** The value already made safe and wrapped to the value column; when given, `value` and `maxLines` are not read. */
  lines?: string[];
}

/** The widest label column, in cells, unless a caller asks for another. */
export const FIELD_LABEL_WIDTH = 22;

/** The label and value columns of `width` cells: the label column shrinks on a narrow terminal so values keep most of it. */
export function fieldColumns(width: number, labelWidth = FIELD_LABEL_WIDTH): { labelCells: number; valueCells: number } {
  const labelCells = Math.max(2, Math.min(labelWidth, Math.floor(width * 0.4)));
  return { labelCells, valueCells: Math.max(4, width - labelCells) };
}

/** A label as its column draws it: made safe, cut to leave one blank cell, padded to `cells`. */
export function fieldLabel(label: string, cells: number): string {
  return fit(fit(safeText(label), cells - 1), cells);
}

/** Wrapped lines cut to `maxLines`, the last one ending in what follows and an ellipsis. */
export function cutLines(lines: string[], width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} ${lines[kept.length]}`, width);
  return kept;
}

/** A value's lines at `width`, cut to `maxLines` with an ellipsis on the last one. */
export function fieldLines(value: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  return cutLines(wrapText(value, width), width, maxLines);
}

/**
 * Labelled values in two aligned columns. Values are untrusted: made safe, then wrapped onto as many lines as
 * they need (a detail view shows a value whole; lists are where values are cut). On a narrow terminal the label
 * column shrinks so that values keep most of the width. Rows never shrink: a parent too short for them clips the
 * bottom rows rather than drawing rows over each other.
 */
export function Fields({ fields, width, labelWidth = FIELD_LABEL_WIDTH }: { fields: Field[]; width: number; labelWidth?: number }) {
  const theme = useTheme();
  const { labelCells, valueCells } = fieldColumns(width, labelWidth);
  const blank = ' '.repeat(labelCells);
  const rows = fields.flatMap((f, i) =>
    (f.lines ?? fieldLines(safeText(f.value ?? '–') || '–', valueCells, f.maxLines)).map((line, j) => (
      <Box key={`${i}:${j}`} flexShrink={0}>
        <Text wrap="truncate">
          <Text dimColor>{j === 0 ? fieldLabel(f.label, labelCells) : blank}</Text>
          <Text color={f.color && theme[f.color]}>{line}</Text>
        </Text>
      </Box>
    )));
  return <Box flexDirection="column" flexShrink={0}>{rows}</Box>;
}
