import chalk from 'chalk';
import type { TimeZoneSetting } from '../domain/time-format.ts';
import type { PoolSummary } from '../gateway/types.ts';
import { fitColumns, POOL_COLUMNS, renderCells, renderHeader } from '../ui/columns.ts';
import { cellWidth, safeText, truncate } from '../ui/text.ts';
import type { Theme } from '../ui/theme.ts';

/** What the first pool-list screen shows, known before the store and Ink are loaded. */
export interface PoolsPaintInput {
  /** The terminal's size. */
  columns: number;
  rows: number;
  /** The region as the header shows it (regionLabel of the target). */
  region: string;
  profile?: string;
  endpoint?: string;
  readOnly: boolean;
  /** The config's mode note (its WRITES ON badge), when it has one. */
  modeNote?: string;
  /** The first page of pools, and whether the server has more. */
  pools: readonly PoolSummary[];
  complete: boolean;
  zone: TimeZoneSetting;
  now: number;
  theme: Theme;
  /** The footer line (src/cli/prepaint-footer.ts). */
  footer: string;
}

/** Ink's colouring of a text by a theme colour (a name or #rrggbb), as its Text draws it. */
function color(text: string, value: string | undefined): string {
  if (!value) return text;
  if (value.startsWith('#')) return chalk.hex(value)(text);
  const named = (chalk as unknown as Record<string, ((t: string) => string) | undefined>)[value];
  return typeof named === 'function' ? named(text) : text;
}

/** The header fitInfo gives (src/ui/components/Header.tsx), for the pool list: the context pieces that fit whole. */
function headerInfo(notes: string[], context: string[], room: number): string {
  let out = notes.length > 0 ? truncate(notes.join(' · '), room) : '';
  for (const item of context) {
    const next = out ? `${out} · ${item}` : item;
    if (cellWidth(next) <= room) out = next;
  }
  return out;
}

/** The header line the pool list is drawn under (Header.tsx): title, region, then badge and context on the right. */
function headerLine(input: PoolsPaintInput, width: number): string {
  const badge = input.readOnly ? ' READ-ONLY ' : input.modeNote ? ' WRITES ON ' : '';
  const title = 'cognito-tui │ ';
  const left = truncate(safeText(input.region), Math.max(8, width - title.length - badge.length - 1));
  const rightRoom = width - title.length - cellWidth(left) - badge.length - 2;
  const notes = input.modeNote ? [input.modeNote] : [];
  const context = [input.profile ? `profile ${input.profile}` : '', input.endpoint ? safeText(input.endpoint) : ''].filter(Boolean);
  const right = rightRoom >= 8 ? headerInfo(notes, context, rightRoom) : '';
  const leftText = `${chalk.bold(color('cognito-tui', input.theme.accent))} │ ${chalk.bold(left)}`;
  const rightWidth = badge.length + (right ? right.length + 1 : 0);
  if (rightWidth === 0) return leftText;
  const gap = ' '.repeat(Math.max(0, width - cellWidth(title + left) - rightWidth));
  const badgeText = badge ? backColor(badge, input.theme.badgeBack, input.theme.badgeText) : '';
  return `${leftText}${gap}${badgeText}${right ? chalk.dim(` ${right}`) : ''}`;
}

function backColor(text: string, back: string | undefined, fore: string | undefined): string {
  const out = color(text, fore);
  if (!back) return out;
  if (back.startsWith('#')) return chalk.bgHex(back)(out);
  const named = (chalk as unknown as Record<string, ((t: string) => string) | undefined>)[`bg${back[0].toUpperCase()}${back.slice(1)}`];
  return typeof named === 'function' ? named(out) : out;
}

/** The line under the list (StatusLine.tsx): position, and whether the server has more. */
function statusLine(input: PoolsPaintInput, width: number): string {
  const position = `${input.pools.length === 0 ? 0 : 1}/${input.pools.length}${input.complete ? '' : '+'}`;
  const progress = input.complete ? 'all loaded' : 'more on the server (scroll to load)';
  return chalk.dim(truncate(`  ${position} pools · ${progress}`, width));
}

/**
 * The lines of the app's first pool-list frame that are known from the first ListUserPools answer alone: the header,
 * "User pools in REGION", the selected pool's line (its details arrive later), the column header, the rows with the
 * cursor on the first, the status line and the footer given, at the terminal's size and in the theme's colours. An empty answer gives no frame (the app words it), nor does a screen
 * too short for one row under the column header (the app's list then overlaps its status line).
 */
export function poolsPaint(input: PoolsPaintInput): string[] | undefined {
  const width = Math.max(20, input.columns);
  const height = Math.max(6, input.rows - 1);
  const bodyHeight = Math.max(3, height - 3);
  const listHeight = bodyHeight - 4;
  if (input.pools.length === 0 || listHeight < 1) return undefined;
  const rows = input.pools.slice(0, listHeight);
  const { columns, widths } = fitColumns(POOL_COLUMNS, width - 2, rows, input.now, input.zone, input.pools);
  const lines = [
    headerLine(input, width),
    chalk.dim(`User pools in ${safeText(input.region)}`),
    chalk.dim(truncate(`pool ${safeText(input.pools[0].id)}`, width)),
    chalk.bold(`  ${renderHeader(columns, widths).join(' ')}`),
    ...rows.map((pool, i) => {
      const text = truncate(`${i === 0 ? '▶' : ' '} ${renderCells(columns, widths, pool, input.now, input.zone).join(' ')}`, width);
      return i === 0 ? chalk.inverse(text) : text;
    }),
  ];
  while (lines.length < 4 + listHeight) lines.push('');
  lines.push(statusLine(input, width), '', input.footer);
  return lines;
}
