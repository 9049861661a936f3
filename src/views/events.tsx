import { Box, Text } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { EVENTS_ADMIN_KEYS } from '../keys/admin-bindings.ts';
import { IP_PIVOT } from '../keys/ip-pivot-key.ts';
import { markCount } from '../keys/mark-count.ts';
import { PROPOSE_BLOCK } from '../keys/range-bindings.ts';
import { DISABLE, EXPORT_CSV, EXPORT_JSON, INVALID, openKey, SIGN_OUT, VALID } from '../keys/shared-bindings.ts';
import { userCrumb } from './crumbs.ts';
import type { ViewSpec } from './view-spec.ts';
import { useMemo } from 'react';
import { EVENT_FILTER_SYNTAX } from '../domain/event-filter.ts';
import { needsAttention } from '../domain/event-risk.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { isFiltering } from '../store/displayed-list.ts';
import { listKey, type ListRef } from '../store/routes.ts';
import { EVENT_COLUMNS } from '../ui/columns.ts';
import { ListView } from '../ui/components/ListView.tsx';
import { listPosition, listProgress } from '../ui/components/StatusLine.tsx';
import { PromptLine } from '../ui/components/PromptLine.tsx';
import { useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import { useDisplayedList, useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useTheme } from '../ui/theme-context.ts';
import { useListSort } from '../ui/views/use-list-sort.ts';

const NO_MARKS: Record<string, true> = {};

const HISTORY_WORDS = { complete: 'whole history loaded', more: 'older events on the server (G or scrolling loads more)' };

/** A user's authentication events, newest first, paged from the server, with the client-side triage filter. */
function EventsView({ poolId, username, width, height, now }: ViewProps & { poolId: string; username: string }) {
  const theme = useTheme();
  const ref: ListRef = { kind: 'events', poolId, username };
  const key = listKey(ref);
  const base = useList<AuthEvent>(ref);
  const shown = useDisplayedList<AuthEvent>(ref);
  const view = useAppState((s) => s.eventViews[key]);
  const marks = useAppState((s) => s.marks[key] ?? NO_MARKS);
  const attention = useMemo(() => base.items.filter(needsAttention).length, [base.items]);
  const filtering = isFiltering(view);
  const markTotal = markCount(marks);
  const sorted = useListSort(listKey(ref)) !== undefined;
  const filterText = filtering ? [view.attention ? 'needs attention' : '', view.text].filter(Boolean).join(' + ') : '';
  const idle = filtering
    ? <Text color={theme.accent} wrap="truncate">{`filter: ${safeText(filterText)}   (f edits, F clears, a toggles attention)`}</Text>
    : <Text dimColor wrap="truncate">a needs attention only · n/N next/previous that needs it · f filters loaded events · space marks</Text>;
  const position = listPosition(shown);
  const status = filtering
    ? `${position} shown of ${base.items.length}${base.complete ? '' : '+'} loaded${markTotal ? ` · ${markTotal} marked` : ''}${listProgress(base, HISTORY_WORDS, sorted)}`
    : `${position}${base.complete ? '' : '+'} events${markTotal ? ` · ${markTotal} marked` : ''}${listProgress(base, HISTORY_WORDS, sorted)}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text dimColor>events of </Text>
        <Text bold>{safeText(username)}</Text>
        <Text dimColor>{` · ${base.items.length}${base.complete ? '' : '+'} loaded`}</Text>
        {attention ? <Text color={theme.danger}>{` · ${attention} need${attention === 1 ? 's' : ''} attention`}</Text> : null}
        {markTotal ? <Text color={theme.accent}>{` · ${markTotal} marked`}</Text> : null}
      </Text>
      <PromptLine kind="filter" width={width} idle={idle} hint={EVENT_FILTER_SYNTAX} />
      <ListView list={shown} pageKey={key} columns={EVENT_COLUMNS} width={width} height={height - 4} noun="events" now={now}
        isMarked={(e) => marks[e.id] === true} status={status}
        emptyText={filtering
          ? `No loaded event matches (F clears the filter)${base.complete ? '.' : '; older events are on the server: F, then G loads more.'}`
          : 'No authentication events recorded for this user.'} />
    </Box>
  );
}

/** The route of a user's authentication events. */
export interface EventsRoute {
  view: 'events';
  poolId: string;
  username: string;
}

/** A user's authentication events, with triage: attention, filter, marks, feedback. */
export const eventsView: ViewSpec<EventsRoute> = {
  name: 'events',
  title: 'Authentication events',
  crumbs: (route, state) => [userCrumb(state, route.poolId, route.username), 'events'],
  lists: (route) => [{ kind: 'events', poolId: route.poolId, username: route.username }],
  enter: (route, ctx) => {
    if (ctx.canonical(route)) ctx.ensureList({ kind: 'events', poolId: route.poolId, username: route.username });
  },
  open: (route, item, ctx) => {
    if (item) ctx.push({ view: 'event', poolId: route.poolId, username: route.username, eventId: (item as AuthEvent).id });
  },
  keys: [
    openKey('event detail', 'detail'),
    VALID,
    INVALID,
    DISABLE,
    SIGN_OUT,
    EXPORT_JSON,
    EXPORT_CSV,
    { keys: ['space'], label: 'space', description: 'mark / unmark the event (v or i then tags every marked one)', short: 'mark', hint: true, run: ({ actions }) => actions.toggleMark() },
    { action: 'mark-all', keys: ['*'], label: '*', description: 'mark / unmark every event shown', run: ({ actions }) => actions.markAllShown() },
    { keys: ['a'], label: 'a', description: 'needs attention only (High/Medium risk, takeover/block, compromised, failed)', short: 'attention', hint: true, run: ({ actions }) => actions.toggleAttention() },
    { keys: ['n', 'N'], label: 'n/N', description: 'next / previous event that needs attention (as a shows them; wraps)', short: 'next attention', hint: true, run: ({ key, actions }) => actions.jumpRisky(key === 'N' ? -1 : 1) },
    { keys: ['f'], label: 'f', description: 'filter loaded events: risk= decision= response= type= country= ip= cc', short: 'filter', hint: true, run: ({ actions }) => actions.openPrompt('filter') },
    { action: 'clear-filter', keys: ['F'], label: 'F', description: 'clear the filter and the attention toggle', run: ({ actions }) => actions.clearEventFilter() },
    ...EVENTS_ADMIN_KEYS,
    IP_PIVOT,
    PROPOSE_BLOCK,
    {
      keys: ['escape', 'backspace'], label: 'esc', description: 'clear the marks, else back',
      run: ({ actions }) => { if (!actions.stopLoading() && !actions.clearMarks()) actions.back(); },
    },
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <EventsView {...props} poolId={route.poolId} username={route.username} />,
};
