import { Box, Text } from 'ink';
import { fit, safeText, truncate, wrapText } from '../text.ts';

/** One labelled value; `color` highlights it. */
export interface Field {
  label: string;
  value: string | undefined;
  color?: string;
  /** At most this many lines; a longer value ends in an ellipsis. */
  maxLines?: number;
}

/** A value's lines at `width`, cut to `maxLines` with an ellipsis on the last one. */
export function fieldLines(value: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines = wrapText(value, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} ${lines[kept.length]}`, width);
  return kept;
}

/**
 * Labelled values in two aligned columns. Values are untrusted: made safe, then wrapped onto as many lines as
 * they need (a detail view shows a value whole; lists are where values are cut). On a narrow terminal the label
 * column shrinks so that values keep most of the width. Rows never shrink: a parent too short for them clips the
 * bottom rows rather than drawing rows over each other.
 */
export function Fields({ fields, width, labelWidth = 22 }: { fields: Field[]; width: number; labelWidth?: number }) {
  const labelCells = Math.max(2, Math.min(labelWidth, Math.floor(width * 0.4)));
  const valueCells = Math.max(4, width - labelCells);
  const blank = ' '.repeat(labelCells);
  const rows = fields.flatMap((f, i) =>
    fieldLines(safeText(f.value ?? '–') || '–', valueCells, f.maxLines).map((line, j) => (
      <Box key={`${i}:${j}`} flexShrink={0}>
        <Text wrap="truncate">
          <Text dimColor>{j === 0 ? fit(fit(safeText(f.label), labelCells - 1), labelCells) : blank}</Text>
          <Text color={f.color}>{line}</Text>
        </Text>
      </Box>
    )));
  return <Box flexDirection="column" flexShrink={0}>{rows}</Box>;
}
