import { Box, Text } from 'ink';
import { useShallow } from 'zustand/react/shallow';
import { disabledReasons, tablesFor } from '../../keys/dispatch.ts';
import { causeLabel } from '../../store/api-stats.ts';
import { currentRoute } from '../../store/selectors.ts';
import { useAppState } from '../store-context.ts';
import { truncate } from '../text.ts';

/** The key hints of the current view (from its key table) and the API call counters, with failed attempts by cause. */
export function Footer({ width }: { width: number }) {
  const { view, calls, causes, failed } = useAppState(useShallow((s) => ({
    view: currentRoute(s).view,
    calls: s.api.calls,
    causes: causeLabel(s.api.failedAttempts),
    failed: s.api.failed,
  })));
  const reasons = useAppState(useShallow(disabledReasons));
  const hints = tablesFor(view)
    .flatMap((t) => t.bindings)
    .map((b, i) => ({ b, off: reasons[i] !== '' }))
    .filter(({ b }) => b.hint)
    .filter(({ b }, i, all) => all.findIndex((o) => o.b.label === b.label) === i)
    .map(({ b, off }) => `${b.label} ${b.short ?? b.description}${off ? ' (off)' : ''}`)
    .join('  ');
  const stats = `API ${calls}${causes ? ` · ${causes}` : ''}${failed ? ` · failed ${failed}` : ''}`;
  return (
    <Box width={width} justifyContent="space-between" flexShrink={0}>
      <Text dimColor wrap="truncate">{truncate(hints, Math.max(4, width - stats.length - 3))}</Text>
      <Text>{'  '}</Text>
      <Text color={causes ? 'yellow' : undefined} dimColor={!causes}>{stats}</Text>
    </Box>
  );
}
