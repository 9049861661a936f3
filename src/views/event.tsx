import { DISABLE, EXPORT_CSV, EXPORT_JSON, INVALID, SCROLL_KEYS, SIGN_OUT, VALID } from '../keys/shared-bindings.ts';
import { EVENTS_ADMIN_KEYS } from '../keys/admin-bindings.ts';
import { IP_PIVOT } from '../keys/ip-pivot-key.ts';
import { PROPOSE_BLOCK } from '../keys/range-bindings.ts';
import { userCrumb } from './crumbs.ts';
import type { ViewSpec } from './view-spec.ts';
import { listKey } from '../store/routes.ts';
import { Text } from 'ink';
import { useContext, useMemo } from 'react';
import { formatAgo, formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import { riskDecisionMarker, riskLevelMarker } from '../domain/event-risk.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { riskColor } from '../ui/columns.ts';
import type { Field } from '../ui/components/Fields.tsx';
import { ScrolledFields } from '../ui/components/ScrolledFields.tsx';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { feedbackBeingSent } from '../writes/pending-selectors.ts';
import { useTheme } from '../ui/theme-context.ts';

/** Every field of one authentication event, each value whole (wrapped), scrolled with j/k, PgDn/PgUp, g/G when longer than the view. */
function EventView({ poolId, username, eventId, width, height, now }: ViewProps & { poolId: string; username: string; eventId: string }) {
  const theme = useTheme();
  const list = useList<AuthEvent>({ kind: 'events', poolId, username });
  const pending = useAppState((s) => feedbackBeingSent(s.pendingWrites, poolId, username, eventId));
  const zone = useContext(TimeZoneContext);
  const e = list.items.find((x) => x.id === eventId);
  const fields = useMemo(() => (e ? eventFields(e, pending, zone, now) : []), [e, pending, zone, now]);
  if (!e) return <Text color={theme.warn}>This event is no longer loaded; press esc and open it again.</Text>;
  return <ScrolledFields items={fields} width={width} height={height} labelWidth={LABEL_WIDTH} />;
}

const LABEL_WIDTH = 26;

/** The event's fields, in the order the view lists them. */
function eventFields(e: AuthEvent, pending: string | undefined, zone: TimeZoneSetting, now: number): Field[] {
  const risk = riskColor(e);
  return [
    { label: 'event id', value: e.id },
    { label: 'time', value: `${formatTime(e.createdAt, zone)} (${formatAgo(e.createdAt, now)})` },
    { label: 'type', value: e.type },
    { label: 'response', value: e.response, color: e.response === 'Fail' ? 'danger' : undefined },
    { label: 'risk level', value: riskLevelMarker(e.riskLevel), color: risk },
    { label: 'risk decision', value: riskDecisionMarker(e.riskDecision), color: risk },
    { label: 'compromised credentials', value: e.compromisedCredentials ? '!CC YES — detected' : 'no', color: e.compromisedCredentials ? 'danger' : undefined },
    { label: 'challenges', value: e.challenges.length ? e.challenges.map((c) => `${c.name ?? '?'}: ${c.response ?? '?'}`).join(', ') : 'none' },
    { label: 'IP address', value: e.ip },
    { label: 'city', value: e.city },
    { label: 'country', value: e.country },
    { label: 'device', value: e.device },
    { label: 'timezone', value: e.timezone },
    { label: 'feedback', value: pending ? `${pending} (sending…)` : e.feedback?.value ?? 'none', color: pending ? 'warn' : undefined },
    { label: 'feedback provider', value: e.feedback?.provider },
    { label: 'feedback date', value: e.feedback?.date ? formatTime(e.feedback.date, zone) : undefined },
  ];
}


/** The route of one authentication event of a user. */
export interface EventRoute {
  view: 'event';
  poolId: string;
  username: string;
  eventId: string;
}

/** One authentication event, every field whole. */
export const eventView: ViewSpec<EventRoute> = {
  name: 'event',
  title: 'Event',
  crumbs: (route, state) => [userCrumb(state, route.poolId, route.username), 'events', route.eventId.slice(0, 8)],
  lists: (route) => [{ kind: 'events', poolId: route.poolId, username: route.username }],
  cursorList: () => undefined,
  enter: () => {},
  copyValue: (route, state) => (state.lists[listKey({ kind: 'events', poolId: route.poolId, username: route.username })]?.items as AuthEvent[] | undefined)
    ?.find((e) => e.id === route.eventId),
  keys: [VALID, INVALID, ...SCROLL_KEYS, DISABLE, SIGN_OUT, EXPORT_JSON, EXPORT_CSV, ...EVENTS_ADMIN_KEYS, IP_PIVOT, PROPOSE_BLOCK],
  Render: ({ route, ...props }) => <EventView {...props} poolId={route.poolId} username={route.username} eventId={route.eventId} />,
};
