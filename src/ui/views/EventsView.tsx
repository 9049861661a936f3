import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { EVENT_FILTER_SYNTAX } from '../../domain/event-filter.ts';
import { needsAttention } from '../../domain/event-risk.ts';
import type { AuthEvent } from '../../gateway/types.ts';
import { isFiltering } from '../../store/displayed-list.ts';
import { listKey, type ListRef } from '../../store/routes.ts';
import { EVENT_COLUMNS } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { listPosition, listProgress } from '../components/StatusLine.tsx';
import { PromptLine } from '../components/PromptLine.tsx';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';
import { useDisplayedList, useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

const NO_MARKS: Record<string, true> = {};

const HISTORY_WORDS = { complete: 'whole history loaded', more: 'older events on the server (G or scrolling loads more)' };

/** A user's authentication events, newest first, paged from the server, with the client-side triage filter. */
export function EventsView({ poolId, username, width, height, now }: ViewProps & { poolId: string; username: string }) {
  const ref: ListRef = { kind: 'events', poolId, username };
  const key = listKey(ref);
  const base = useList<AuthEvent>(ref);
  const shown = useDisplayedList<AuthEvent>(ref);
  const view = useAppState((s) => s.eventViews[key]);
  const marks = useAppState((s) => s.marks[key] ?? NO_MARKS);
  const attention = useMemo(() => base.items.filter(needsAttention).length, [base.items]);
  const filtering = isFiltering(view);
  const markCount = Object.keys(marks).length;
  const filterText = filtering ? [view.attention ? 'needs attention' : '', view.text].filter(Boolean).join(' + ') : '';
  const idle = filtering
    ? <Text color="cyan" wrap="truncate">{`filter: ${safeText(filterText)}   (f edits, F clears, a toggles attention)`}</Text>
    : <Text dimColor wrap="truncate">a needs attention only · n/N next/previous that needs it · f filters loaded events · space marks</Text>;
  const position = listPosition(shown);
  const status = filtering
    ? `${position} shown of ${base.items.length}${base.complete ? '' : '+'} loaded${markCount ? ` · ${markCount} marked` : ''}${listProgress(base, HISTORY_WORDS)}`
    : `${position}${base.complete ? '' : '+'} events${markCount ? ` · ${markCount} marked` : ''}${listProgress(base, HISTORY_WORDS)}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text dimColor>events of </Text>
        <Text bold>{safeText(username)}</Text>
        <Text dimColor>{` · ${base.items.length}${base.complete ? '' : '+'} loaded`}</Text>
        {attention ? <Text color="red">{` · ${attention} need${attention === 1 ? 's' : ''} attention`}</Text> : null}
        {markCount ? <Text color="cyan">{` · ${markCount} marked`}</Text> : null}
      </Text>
      <PromptLine kind="filter" width={width} idle={idle} hint={EVENT_FILTER_SYNTAX} />
      <ListView list={shown} columns={EVENT_COLUMNS} width={width} height={height - 4} noun="events" now={now}
        isMarked={(e) => marks[e.id] === true} status={status}
        emptyText={filtering
          ? `No loaded event matches (F clears the filter)${base.complete ? '.' : '; older events are on the server: F, then G loads more.'}`
          : 'No authentication events recorded for this user.'} />
    </Box>
  );
}
