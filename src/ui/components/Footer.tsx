import { Box, Text } from 'ink';
import { useShallow } from 'zustand/react/shallow';
import { disabledReasons, modeTable, tablesFor } from '../../keys/dispatch.ts';
import { causeLabel } from '../../store/api-stats.ts';
import type { KeyTable } from '../../keys/binding.ts';
import type { ConfigState } from '../../config/config-types.ts';
import type { ViewName } from '../../store/routes.ts';
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

/** What the hints line is made from. */
interface HintsKey {
  mode: KeyTable | undefined;
  view: ViewName;
  config: ConfigState;
  reasons: string;
  now: string;
  room: number;
}

/** The hints lines made last, so that ? and ? again, or a mode opened and closed, redraw the footer without remaking its line. */
const recentHints: { key: HintsKey; fitted: string }[] = [];
const RECENT_HINTS = 4;

function fittedHints(key: HintsKey): string {
  const same = (k: HintsKey) => k.mode === key.mode && k.view === key.view && k.config === key.config && k.reasons === key.reasons && k.now === key.now && k.room === key.room;
  const hit = recentHints.find((entry) => same(entry.key));
  if (hit) return hit.fitted;
  const hints = key.mode ? modeHints(key.mode) : viewHints(tablesFor(key.view, key.config), key.reasons.split(SEPARATOR), key.now);
  const fitted = fitHints(hints, key.room);
  recentHints.unshift({ key, fitted });
  recentHints.length = Math.min(recentHints.length, RECENT_HINTS);
  return fitted;
}

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
  const stats = `API ${calls}${causes ? ` · ${causes}` : ''}${failed ? ` · failed ${failed}` : ''}`;
  const room = Math.max(4, width - stats.length - 3);
  const fitted = fittedHints({ mode, view, config, reasons, now, room });
  return (
    <Box width={width} justifyContent="space-between" flexShrink={0}>
      <Text dimColor wrap="truncate">{fitted}</Text>
      <Text>{'  '}</Text>
      <Text color={causes ? theme.warn : undefined} dimColor={!causes}>{stats}</Text>
    </Box>
  );
}
