import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { helpDisabledReasons, helpTables } from '../../keys/dispatch.ts';
import type { ViewName } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';
import { cellText, HELP_GAP, LABEL_WIDTH, layoutHelp, type HelpCell } from './help-layout.ts';
import { usePageRows } from '../views/use-page-rows.ts';
import { useTheme } from '../theme-context.ts';

function Cell({ cell, width }: { cell: HelpCell; width: number }) {
  const theme = useTheme();
  const text = cellText(cell, width);
  if (cell.kind === 'title') return <Text bold color={theme.accent}>{text}</Text>;
  if (cell.kind === 'key') return <Text><Text bold>{text.slice(0, LABEL_WIDTH)}</Text>{text.slice(LABEL_WIDTH)}</Text>;
  return <Text>{text}</Text>;
}

/**
 * The `?` help: the keys of the current view, the global ones and those of every mode (input line, dialogs, the
 * help itself), from the same tables the keys use; in columns that fit the width, scrolling when taller.
 */
export function HelpOverlay({ view, width, height }: { view: ViewName; width: number; height: number }) {
  const reasons = useAppState(useShallow(helpDisabledReasons));
  const scroll = useAppState((s) => s.helpScroll ?? 0);
  const config = useAppState((s) => s.config);
  const scrollHelp = useAppState((s) => s.actions.scrollHelp);
  const layout = layoutHelp(helpTables(view, config), reasons, width - 4);
  const visible = Math.max(1, height - 3);
  usePageRows('help', visible);
  const maxScroll = Math.max(0, layout.rows.length - visible);
  const top = Math.min(scroll, maxScroll);
  useEffect(() => {
    if (scroll > maxScroll) scrollHelp(maxScroll - scroll);
  }, [scroll, maxScroll, scrollHelp]);
  const where = maxScroll > 0 ? ` · j/k scroll (${top + 1}–${Math.min(top + visible, layout.rows.length)} of ${layout.rows.length})` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height} overflowY="hidden">
      <Text bold wrap="truncate">{`Keys — esc, ? or q closes${where}`}</Text>
      {layout.rows.slice(top, top + visible).map((row, r) => (
        <Text key={top + r} wrap="truncate">
          {row.map((cell, c) => (
            <Text key={c}>{c > 0 ? HELP_GAP : ''}<Cell cell={cell} width={layout.columnWidth} /></Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
