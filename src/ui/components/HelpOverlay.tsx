import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { helpDisabledReasons, helpTables } from '../../keys/dispatch.ts';
import type { ViewName } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';
import { oncePerState } from '../state-memo.ts';
import { cellText, HELP_GAP, LABEL_WIDTH, layoutHelp, type HelpCell, type HelpLayout } from './help-layout.ts';
import type { ConfigState } from '../../config/config-types.ts';
import { usePageRows } from '../views/use-page-rows.ts';
import { useTheme } from '../theme-context.ts';
import type { Theme } from '../theme.ts';

/**
 * One help row as few children as its styles allow: plain text runs are one string, titles and key labels nested
 * texts (each child is a node React reconciles and Ink squashes on every frame).
 */
function rowChildren(row: HelpCell[], width: number, theme: Theme): ReactNode[] {
  const children: ReactNode[] = [];
  let plain = '';
  const styled = (node: ReactNode) => {
    if (plain) children.push(plain);
    children.push(node);
    plain = '';
  };
  row.forEach((cell, c) => {
    if (c > 0) plain += HELP_GAP;
    const text = cellText(cell, width);
    if (cell.kind === 'title') styled(<Text key={c} bold color={theme.accent}>{text}</Text>);
    else if (cell.kind === 'key') {
      styled(<Text key={c} bold>{text.slice(0, LABEL_WIDTH)}</Text>);
      plain += text.slice(LABEL_WIDTH);
    } else plain += text;
  });
  if (plain) children.push(plain);
  return children;
}

/** The last help laid out: `?` opens the help again and again over the same view, config and width. */
let lastLayout: { view: ViewName; config: ConfigState; reasons: string; width: number; layout: HelpLayout } | undefined;

/** The help's layout for a view, config, width and its disabled reasons (joined by NUL), the last one kept. */
function helpLayout(view: ViewName, config: ConfigState, reasons: string, width: number): HelpLayout {
  const last = lastLayout;
  if (last && last.view === view && last.config === config && last.reasons === reasons && last.width === width) return last.layout;
  const layout = layoutHelp(helpTables(view, config), reasons.split('\u0000'), width);
  lastLayout = { view, config, reasons, width, layout };
  return layout;
}

/** Why each key the help lists is off now, joined by NUL. */
const helpReasonsNow = oncePerState((s) => helpDisabledReasons(s).join('\u0000'));

/**
 * The `?` help: the keys of the current view, the global ones and those of every mode (input line, dialogs, the
 * help itself), from the same tables the keys use; in columns that fit the width, scrolling when taller. Kept drawn
 * but hidden while closed (`open` false), it does not work out which keys are off on every change of the state, and
 * opening it again shows the tree it has rather than making one.
 */
export function HelpOverlay({ view, width, height, open = true }: { view: ViewName; width: number; height: number; open?: boolean }) {
  const shown = useRef('');
  const reasons = useAppState((s) => (open ? (shown.current = helpReasonsNow(s)) : shown.current));
  const scroll = useAppState((s) => s.helpScroll ?? 0);
  const config = useAppState((s) => s.config);
  const scrollHelp = useAppState((s) => s.actions.scrollHelp);
  const theme = useTheme();
  const layout = useMemo(() => helpLayout(view, config, reasons, width - 4), [view, config, reasons, width]);
  const visible = Math.max(1, height - 3);
  usePageRows('help', visible);
  const maxScroll = Math.max(0, layout.rows.length - visible);
  const top = Math.min(scroll, maxScroll);
  useEffect(() => {
    if (scroll > maxScroll) scrollHelp(maxScroll - scroll);
  }, [scroll, maxScroll, scrollHelp]);
  const rows = useMemo(() => layout.rows.slice(top, top + visible).map((row, r) => (
    <Text key={top + r} wrap="truncate">{rowChildren(row, layout.columnWidth, theme)}</Text>
  )), [layout, top, visible, theme]);
  const where = maxScroll > 0 ? ` · j/k scroll (${top + 1}–${Math.min(top + visible, layout.rows.length)} of ${layout.rows.length})` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height} overflowY="hidden">
      <Text bold wrap="truncate">{`Keys — esc, ? or q closes${where}`}</Text>
      {rows}
    </Box>
  );
}
