import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { AuthEvent } from '../../gateway/types.ts';
import { EVENT_COLUMNS, isHighRisk } from '../columns.ts';
import { ListView } from '../components/ListView.tsx';
import { safeText } from '../text.ts';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** A user's authentication events, newest first, paged from the server. */
export function EventsView({ poolId, username, width, height, now }: ViewProps & { poolId: string; username: string }) {
  const list = useList<AuthEvent>({ kind: 'events', poolId, username });
  const risky = useMemo(() => list.items.filter(isHighRisk).length, [list.items]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text dimColor>events of </Text>
        <Text bold>{safeText(username)}</Text>
        <Text dimColor>{` · ${list.items.length}${list.complete ? '' : '+'} loaded`}</Text>
        {risky ? <Text color="red">{` · ${risky} high-risk or blocked`}</Text> : null}
      </Text>
      <Text> </Text>
      <ListView list={list} columns={EVENT_COLUMNS} width={width} height={height - 4} noun="events" now={now}
        emptyText="No authentication events recorded for this user." />
    </Box>
  );
}
