import { Box, Text } from 'ink';
import { useShallow } from 'zustand/react/shallow';
import { regionLabel, type PoolSummary } from '../../gateway/types.ts';
import { listKey, type Route } from '../../store/routes.ts';
import { viewSpec } from '../../views/registry.ts';
import { rangeHeaderText } from '../../store/log-source-actions.ts';
import type { AppState } from '../../store/state.ts';
import { useAppState } from '../store-context.ts';
import { cellWidth, safeText, truncate } from '../text.ts';
import { useTheme } from '../theme-context.ts';

function poolName(state: AppState, poolId: string): string {
  const detail = state.pools[poolId]?.value;
  if (detail?.name) return detail.name;
  const pools = state.lists[listKey({ kind: 'pools' })]?.items as PoolSummary[] | undefined;
  return pools?.find((p) => p.id === poolId)?.name ?? poolId;
}

/** The breadcrumb trail of the current stack: region › pool › what the view on top says (user › events › event). */
function breadcrumbs(state: AppState): string[] {
  const top: Route = state.stack[state.stack.length - 1];
  const crumbs = [regionLabel(state.target)];
  if ('poolId' in top) crumbs.push(poolName(state, top.poolId));
  crumbs.push(...viewSpec(top).crumbs(top, state));
  return crumbs.map(safeText);
}

/** Top line: where you are, and which account, endpoint and mode you are in. */
/**
 * The header's right side in `room` cells: the notes (incident, journal, write mode) first, cut if they must be, then
 * as many pieces of context (query range, profile, endpoint) as fit whole — a context piece is never shown cut.
 */
export function fitInfo(notes: readonly string[], context: readonly string[], room: number): string {
  let out = notes.length > 0 ? truncate(notes.join(' · '), room) : '';
  for (const item of context) {
    const next = out ? `${out} · ${item}` : item;
    if (cellWidth(next) <= room) out = next;
  }
  return out;
}

export function Header({ width }: { width: number }) {
  const theme = useTheme();
  const { crumbs, readOnly, profile, endpoint, incident, journalOff, modeNote, range } = useAppState(useShallow((s) => ({
    crumbs: breadcrumbs(s).join(' › '),
    readOnly: s.readOnly,
    profile: s.target.profile,
    endpoint: s.target.endpoint,
    incident: s.incident,
    journalOff: s.journalOff,
    modeNote: s.config.modeNote,
    range: rangeHeaderText(s),
  })));
  const badge = readOnly ? ' READ-ONLY ' : modeNote ? ' WRITES ON ' : '';
  const title = 'cognito-tui │ ';
  const crumbsRoom = Math.max(8, width - title.length - badge.length - 1);
  const left = truncate(crumbs, crumbsRoom);
  const rightRoom = width - title.length - cellWidth(left) - badge.length - 2;
  const notes = [incident ? `incident ${safeText(incident)}` : '', journalOff ?? '', modeNote ?? ''].filter(Boolean);
  const context = [range, profile ? `profile ${profile}` : '', endpoint ? safeText(endpoint) : ''].filter(Boolean);
  const right = rightRoom >= 8 ? fitInfo(notes, context, rightRoom) : '';
  return (
    <Box width={width} justifyContent="space-between" flexShrink={0}>
      <Text wrap="truncate">
        <Text bold color={theme.accent}>cognito-tui</Text>
        <Text> │ </Text>
        <Text bold>{left}</Text>
      </Text>
      <Text wrap="truncate">
        {badge ? <Text color={theme.badgeText} backgroundColor={theme.badgeBack}>{badge}</Text> : null}
        <Text dimColor>{right ? ` ${right}` : ''}</Text>
      </Text>
    </Box>
  );
}
