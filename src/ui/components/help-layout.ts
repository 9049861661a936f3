import type { KeyTable } from '../../keys/binding.ts';
import { cellWidth, truncate, wrapText } from '../text.ts';

/** One cell of the help: a table's title, a key with its words (or their continuation), or a blank. */
export interface HelpCell {
  kind: 'title' | 'key' | 'more' | 'blank';
  /** The key label, on the first line of a binding. */
  label?: string;
  text: string;
}

/** The help laid out: rows of cells, one cell per column, each column `columnWidth` cells wide. */
export interface HelpLayout {
  columns: number;
  columnWidth: number;
  rows: HelpCell[][];
}

/** Cells the key label takes at the start of a key cell. */
export const LABEL_WIDTH = 8;
const MIN_COLUMN = 60;
const MAX_COLUMNS = 3;
const GAP = 2;

function tableCells(table: KeyTable, reasons: string[], width: number): HelpCell[] {
  const cells: HelpCell[] = [{ kind: 'title', text: truncate(table.title, width) }];
  table.bindings.forEach((b, i) => {
    const reason = reasons[i] ? ` (disabled: ${reasons[i]})` : '';
    const lines = wrapText(b.description + reason, Math.max(8, width - LABEL_WIDTH));
    lines.forEach((line, j) => cells.push(j === 0
      ? { kind: 'key', label: truncate(b.label, LABEL_WIDTH - 1), text: line }
      : { kind: 'more', text: line }));
  });
  return cells;
}

/**
 * Lays the help's tables out in as many columns of at least 60 cells as `width` allows (at most three), the
 * sections flowing down one column and on into the next; long descriptions wrap inside their column, so nothing
 * is drawn over anything else. `reasons` are the disabled reasons of every binding, table after table.
 */
export function layoutHelp(tables: KeyTable[], reasons: string[], width: number): HelpLayout {
  const inner = Math.max(20, width);
  const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.floor((inner + GAP) / (MIN_COLUMN + GAP))));
  const columnWidth = Math.floor((inner - GAP * (columns - 1)) / columns);
  let at = 0;
  const sections = tables.map((table) => {
    const cells = tableCells(table, reasons.slice(at, at + table.bindings.length), columnWidth);
    at += table.bindings.length;
    return cells;
  });
  const split = packSections(sections, columns);
  const height = Math.max(...split.map((c) => c.length));
  const rows = Array.from({ length: height }, (_, r) => split.map((c) => c[r] ?? { kind: 'blank' as const, text: '' }));
  return { columns, columnWidth, rows };
}

/** Sections in order into at most `columns` columns, never splitting a section, as evenly as that allows. */
function packSections(sections: HelpCell[][], columns: number): HelpCell[][] {
  const blank: HelpCell = { kind: 'blank', text: '' };
  const total = sections.reduce((n, s) => n + s.length + 1, -1);
  const tallest = Math.max(...sections.map((s) => s.length));
  for (let target = Math.max(tallest, Math.ceil(total / columns)); ; target++) {
    const packed: HelpCell[][] = [[]];
    for (const section of sections) {
      let column = packed[packed.length - 1];
      const needed = column.length === 0 ? section.length : column.length + 1 + section.length;
      if (needed > target) packed.push(column = []);
      if (column.length > 0) column.push(blank);
      column.push(...section);
    }
    if (packed.length <= columns || target >= total) return packed;
  }
}

/** A cell as plain text, exactly `width` cells wide; a key's label is its first LABEL_WIDTH cells. */
export function cellText(cell: HelpCell, width: number): string {
  if (width <= 0) return '';
  const body = cell.kind === 'key' ? `${(cell.label ?? '').padEnd(LABEL_WIDTH)}${cell.text}`
    : cell.kind === 'more' ? `${' '.repeat(LABEL_WIDTH)}${cell.text}`
    : cell.text;
  const cut = truncate(body, width);
  return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/** The gap between columns. */
export const HELP_GAP = ' '.repeat(GAP);
