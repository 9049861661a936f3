import { Box, Text } from 'ink';
import { safeText, truncate } from '../text.ts';

/** One labelled value; `color` highlights it. */
export interface Field {
  label: string;
  value: string | undefined;
  color?: string;
}

/** Labelled values in two aligned columns; values are untrusted and cut to the width. */
export function Fields({ fields, width, labelWidth = 22 }: { fields: Field[]; width: number; labelWidth?: number }) {
  return (
    <Box flexDirection="column">
      {fields.map((f, i) => (
        <Text key={i} wrap="truncate">
          <Text dimColor>{truncate(f.label, labelWidth - 1).padEnd(labelWidth)}</Text>
          <Text color={f.color}>{truncate(safeText(f.value ?? '–') || '–', Math.max(4, width - labelWidth))}</Text>
        </Text>
      ))}
    </Box>
  );
}
