import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { disabledReasons, modeTable, tablesFor } from '../../keys/dispatch.ts';
import { causeLabel } from '../../store/api-stats.ts';
import type { KeyTable } from '../../keys/binding.ts';
import { endsFooter, fitHints, hintText } from '../footer-hints.ts';
import { currentRoute } from '../../store/selectors.ts';
import { useAppState } from '../store-context.ts';
import { oncePerState } from '../state-memo.ts';
import { useTheme } from '../theme-context.ts';

export { fitHints };

/** The hints of a mode that takes every key (a dialog, an input line, the help): its own keys and nothing else. */
function modeHints(mode: KeyTable): { label: string; text: string }[] {
  return mode.bindings.filter((b) => b.keys.length > 0).map((b) => ({ label: b.label, text: `${b.label} ${b.short ?? b.description.replace(/\s*[(:;,].*$/, '')}` }));
}

/** Joins the disabled reasons into one string, which the store's selector compares by value. */
const SEPARATOR = '\u0000';

/** The view's hints: those it always shows and those its state calls for now (first), once per label, each saying if it is off. */
function viewHints(tables: KeyTable[], reasons: string[], now: string): { label: string; text: string; last: boolean }[] {
  return tables
    .flatMap((t) => t.bindings)
    .map((b, i) => ({ b, off: (reasons[i] ?? '') !== '', now: now[i] === '1' }))
    .filter(({ b, now: shown }) => b.hint || shown)
    .sort((a, b) => Number(b.now) - Number(a.now))
    .filter(({ b }, i, all) => all.findIndex((o) => o.b.label === b.label) === i)
    .map(({ b, off }) => ({
      label: b.label, last: endsFooter(b), text: hintText(b, off),
    }));
}

/** Why each key of the current view is off now, joined. */
const reasonsNow = oncePerState((s) => disabledReasons(s).join(SEPARATOR));

/** '1' for each key of the current view whose hint its state calls for now, else '0'. */
const hintsNow = oncePerState((s) => tablesFor(currentRoute(s).view, s.config).flatMap((t) => t.bindings).map((b) => (b.hintWhen?.(s) === true ? '1' : '0')).join(''));

/** The key hints of the current view (from its key table) and the API call counters, with failed attempts by cause. */
export function Footer({ width }: { width: number }) {
  const theme = useTheme();
  const { view, calls, causes, failed } = useAppState(useShallow((s) => ({
    view: currentRoute(s).view,
    calls: s.api.calls,
    causes: causeLabel(s.api.failedAttempts),
    failed: s.api.failed,
  })));
  const config = useAppState((s) => s.config);
  const reasons = useAppState(reasonsNow);
  const mode = useAppState(modeTable);
  const now = useAppState(hintsNow);
  const hints = useMemo(() => (mode ? modeHints(mode) : viewHints(tablesFor(view, config), reasons.split(SEPARATOR), now)), [mode, view, config, reasons, now]);
  const stats = `API ${calls}${causes ? ` · ${causes}` : ''}${failed ? ` · failed ${failed}` : ''}`;
  const room = Math.max(4, width - stats.length - 3);
  const fitted = useMemo(() => fitHints(hints, room), [hints, room]);
  return (
    <Box width={width} justifyContent="space-between" flexShrink={0}>
      <Text dimColor wrap="truncate">{fitted}</Text>
      <Text>{'  '}</Text>
      <Text color={causes ? theme.warn : undefined} dimColor={!causes}>{stats}</Text>
    </Box>
  );
}
