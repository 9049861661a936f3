import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../store-context.ts';
import { safeText } from '../text.ts';
import { usePageRows } from '../views/use-page-rows.ts';
import { fieldColumns, fieldLabel, fieldLines, type Field } from './Fields.tsx';
import { useTheme } from '../theme-context.ts';
import type { ThemeRole } from '../theme.ts';

/** A field that starts a titled section of a detail view instead of holding a value. */
export interface SectionTitle {
  section: string;
}

/** One line of a scrolled detail: a section title, or a label cell (on a field's first line only) and part of its value. */
interface DetailLine {
  title?: string;
  label: string;
  line: string;
  color?: ThemeRole;
}

function detailLines(items: (Field | SectionTitle)[], width: number, labelWidth: number): DetailLine[] {
  const { labelCells, valueCells } = fieldColumns(width, labelWidth);
  const blank = ' '.repeat(labelCells);
  return items.flatMap((f): DetailLine[] => {
    if ('section' in f) return [{ title: safeText(f.section), label: '', line: '' }];
    return fieldLines(safeText(f.value ?? '–') || '–', valueCells)
      .map((line, j) => ({ label: j === 0 ? fieldLabel(f.label, labelCells) : blank, line, color: f.color }));
  });
}

/**
 * Labelled values (values made safe and wrapped whole) under optional section titles, scrolled with the detail
 * keys (j/k, PgDn/PgUp, g/G) when longer than `height`; the last row then says which lines are shown.
 */
export function ScrolledFields({ items, width, height, labelWidth = 26 }: { items: (Field | SectionTitle)[]; width: number; height: number; labelWidth?: number }) {
  const theme = useTheme();
  const store = useAppStore();
  const scroll = useAppState((s) => s.detailScroll);
  const lines = useMemo(() => detailLines(items, width, labelWidth), [items, width, labelWidth]);
  const scrolls = lines.length > height;
  const rows = scrolls ? Math.max(1, height - 1) : Math.max(1, height);
  const max = Math.max(0, lines.length - rows);
  usePageRows('detail', rows);
  useEffect(() => {
    if (scroll > max) store.getState().actions.scrollDetail(max - scroll);
  }, [scroll, max, store]);
  const top = Math.min(scroll, max);
  return (
    <Box flexDirection="column">
      {lines.slice(top, top + rows).map((l, i) => (l.title !== undefined
        ? <Text key={top + i} bold wrap="truncate">{l.title}</Text>
        : (
          <Text key={top + i} wrap="truncate">
            <Text dimColor>{l.label}</Text>
            <Text color={l.color && theme[l.color]}>{l.line}</Text>
          </Text>
        )))}
      {scrolls && (
        <Text dimColor wrap="truncate">{`lines ${top + 1}–${Math.min(lines.length, top + rows)} of ${lines.length} · j/k scroll, PgDn/PgUp, g/G`}</Text>
      )}
    </Box>
  );
}
