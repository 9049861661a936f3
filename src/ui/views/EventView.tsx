import { Box, Text } from 'ink';
import { useContext } from 'react';
import { formatAgo, formatTime } from '../../domain/time-format.ts';
import { riskDecisionMarker, riskLevelMarker } from '../../domain/event-risk.ts';
import type { AuthEvent } from '../../gateway/types.ts';
import { riskColor } from '../columns.ts';
import { Fields } from '../components/Fields.tsx';
import { TimeZoneContext, useAppState } from '../store-context.ts';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

/** Every field of one authentication event. */
export function EventView({ poolId, username, eventId, width, now }: ViewProps & { poolId: string; username: string; eventId: string }) {
  const list = useList<AuthEvent>({ kind: 'events', poolId, username });
  const pending = useAppState((s) => s.pendingFeedback[eventId]);
  const zone = useContext(TimeZoneContext);
  const e = list.items.find((x) => x.id === eventId);
  if (!e) return <Text color="yellow">This event is no longer loaded; press esc and open it again.</Text>;
  const risk = riskColor(e);
  return (
    <Box flexDirection="column">
      <Fields width={width} labelWidth={26} fields={[
        { label: 'event id', value: e.id },
        { label: 'time', value: `${formatTime(e.createdAt, zone)} (${formatAgo(e.createdAt, now)})` },
        { label: 'type', value: e.type },
        { label: 'response', value: e.response, color: e.response === 'Fail' ? 'red' : undefined },
        { label: 'risk level', value: riskLevelMarker(e.riskLevel), color: risk },
        { label: 'risk decision', value: riskDecisionMarker(e.riskDecision), color: risk },
        { label: 'compromised credentials', value: e.compromisedCredentials ? '!CC YES — detected' : 'no', color: e.compromisedCredentials ? 'red' : undefined },
        { label: 'challenges', value: e.challenges.length ? e.challenges.map((c) => `${c.name ?? '?'}: ${c.response ?? '?'}`).join(', ') : 'none' },
        { label: 'IP address', value: e.ip },
        { label: 'city', value: e.city },
        { label: 'country', value: e.country },
        { label: 'device', value: e.device },
        { label: 'timezone', value: e.timezone },
        { label: 'feedback', value: pending ? `${pending} (sending…)` : e.feedback?.value ?? 'none', color: pending ? 'yellow' : undefined },
        { label: 'feedback provider', value: e.feedback?.provider },
        { label: 'feedback date', value: e.feedback?.date ? formatTime(e.feedback.date, zone) : undefined },
      ]} />
    </Box>
  );
}
