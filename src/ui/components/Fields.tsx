import { Box, Text } from 'ink';
import { fit, safeText, wrapText } from '../text.ts';

/** One labelled value; `color` highlights it. */
export interface Field {
  label: string;
  value: string | undefined;
  color?: string;
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
    wrapText(safeText(f.value ?? '–') || '–', valueCells).map((line, j) => (
      <Box key={`${i}:${j}`} flexShrink={0}>
        <Text wrap="truncate">
          <Text dimColor>{j === 0 ? fit(fit(safeText(f.label), labelCells - 1), labelCells) : blank}</Text>
          <Text color={f.color}>{line}</Text>
        </Text>
      </Box>
    )));
  return <Box flexDirection="column" flexShrink={0}>{rows}</Box>;
}
