import { Box, Text } from 'ink';
import { useContext, useMemo } from 'react';
import { SCROLL_KEYS } from '../keys/shared-bindings.ts';
import type { ViewSpec } from './view-spec.ts';
import { formatAgo, formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import type { AppClient, AppClientDetail, TokenValidity } from '../gateway/types.ts';
import { listKey } from '../store/routes.ts';
import { ensureRead, readAbortKey, readOf, type ReadRef } from '../store/single-reads.ts';
import type { AppState } from '../store/state.ts';
import type { Field } from '../ui/components/Fields.tsx';
import { ScrolledFields, type SectionTitle } from '../ui/components/ScrolledFields.tsx';
import { retryHint } from '../ui/components/StatusLine.tsx';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useTheme } from '../ui/theme-context.ts';

/** What the view adds when DescribeUserPoolClient is denied: why a policy may leave it out on purpose. */
export const DESCRIBE_CLIENT_DENIED_NOTE = 'A read-only policy may leave cognito-idp:DescribeUserPoolClient out on purpose: '
  + 'it lets its holder read app client secrets. The app client list and the rest of the app keep working without it.';

const list = (values: string[]) => (values.length ? values.join(', ') : 'none');
const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? undefined : value ? yes : no);

/** A token lifetime with its unit; Cognito's default when it sent none, and the unit Cognito assumes when it sent no unit. */
function validity(v: TokenValidity, assumedUnit: string, fallback: string): string {
  if (v.value === undefined) return `not set (Cognito's default: ${fallback})`;
  return `${v.value} ${v.unit ?? `${assumedUnit} (no unit given: Cognito counts ${assumedUnit})`}`;
}

function existenceErrors(mode: string | undefined): string | undefined {
  if (mode === 'ENABLED') return 'ENABLED (sign-in errors do not reveal whether a user exists)';
  if (mode === 'LEGACY') return 'LEGACY (sign-in errors reveal whether a user exists)';
  return mode;
}

/** Every setting of an app client the view shows, in order, under section titles; never its secret, only whether it has one. */
export function clientFields(c: AppClientDetail, zone: TimeZoneSetting, now: number): (Field | SectionTitle)[] {
  const when = (ms: number | undefined) => (ms === undefined ? undefined : `${formatTime(ms, zone)} (${formatAgo(ms, now)})`);
  return [
    { label: 'name', value: c.name },
    { label: 'client id', value: c.id },
    { label: 'client secret', value: c.hasSecret ? 'has a client secret' : 'no client secret', color: c.hasSecret ? 'warn' : undefined },
    { label: 'created', value: when(c.createdAt) },
    { label: 'last modified', value: when(c.modifiedAt) },
    { section: 'Authentication' },
    { label: 'auth flows', value: list(c.authFlows) },
    { label: 'auth session validity', value: c.authSessionValidity === undefined ? 'not set (Cognito\'s default: 3 minutes)' : `${c.authSessionValidity} minutes` },
    { label: 'prevent user existence errors', value: existenceErrors(c.preventUserExistenceErrors), color: c.preventUserExistenceErrors === 'LEGACY' ? 'warn' : undefined },
    { label: 'token revocation', value: yesNo(c.enableTokenRevocation, 'enabled', 'disabled') },
    { label: 'propagate user context data', value: yesNo(c.enablePropagateAdditionalUserContextData, 'yes', 'no') },
    { section: 'Tokens' },
    { label: 'access token validity', value: validity(c.accessTokenValidity, 'hours', '60 minutes') },
    { label: 'ID token validity', value: validity(c.idTokenValidity, 'hours', '60 minutes') },
    { label: 'refresh token validity', value: validity(c.refreshTokenValidity, 'days', '30 days') },
    { section: 'OAuth' },
    { label: 'OAuth for this client', value: yesNo(c.allowedOAuthFlowsUserPoolClient, 'allowed', 'not allowed') },
    { label: 'OAuth flows', value: list(c.oauthFlows) },
    { label: 'OAuth scopes', value: list(c.oauthScopes) },
    { label: 'callback URLs', value: list(c.callbackUrls) },
    { label: 'logout URLs', value: list(c.logoutUrls) },
    { label: 'default redirect URI', value: c.defaultRedirectUri },
    { label: 'identity providers', value: list(c.supportedIdentityProviders) },
    { section: 'Attributes' },
    { label: `read (${c.readAttributes.length})`, value: c.readAttributes.length ? c.readAttributes.join(', ') : 'none listed (every attribute)' },
    { label: `write (${c.writeAttributes.length})`, value: c.writeAttributes.length ? c.writeAttributes.join(', ') : 'none listed (every writable attribute)' },
  ];
}

function clientRef(route: ClientRoute): ReadRef {
  return { kind: 'appClient', poolId: route.poolId, clientId: route.clientId };
}

/** The client's name from its details, else from the pool's client list, else its id. */
function clientName(state: AppState, route: ClientRoute): string {
  const detail = readOf(state, { kind: 'appClient', poolId: route.poolId, clientId: route.clientId })?.value;
  if (detail) return detail.name;
  const listed = state.lists[listKey({ kind: 'appClients', poolId: route.poolId })]?.items as AppClient[] | undefined;
  return listed?.find((c) => c.id === route.clientId)?.name ?? route.clientId;
}

/** One app client's settings, scrolled; says plainly when DescribeUserPoolClient is denied. */
function ClientView({ route, width, height, now }: ViewProps & { route: ClientRoute }) {
  const theme = useTheme();
  const read = useAppState((s) => readOf(s, { kind: 'appClient', poolId: route.poolId, clientId: route.clientId }));
  const zone = useContext(TimeZoneContext);
  const items = useMemo(() => (read?.value ? clientFields(read.value, zone, now) : []), [read?.value, zone, now]);
  if (read?.error && !read.value) {
    const denied = read.error.kind === 'permission';
    return (
      <Box flexDirection="column">
        <Text color={theme.danger} wrap="wrap">{`✖ ${safeText(read.error.message)}${denied ? '' : retryHint(read.error)}`}</Text>
        {denied && <Text color={theme.warn} wrap="wrap">{DESCRIBE_CLIENT_DENIED_NOTE}</Text>}
      </Box>
    );
  }
  if (!read?.value) return <Text color={theme.accent}>{`Reading app client ${safeText(route.clientId)}…`}</Text>;
  const stale = read.error ? `✖ reload failed: ${safeText(read.error.message)}${retryHint(read.error)}` : undefined;
  return (
    <Box flexDirection="column">
      {stale && <Text color={theme.danger} wrap="truncate">{stale}</Text>}
      <ScrolledFields items={items} width={width} height={height - (stale ? 1 : 0)} labelWidth={30} />
    </Box>
  );
}

/** The route of one app client's settings. */
export interface ClientRoute {
  view: 'client';
  poolId: string;
  clientId: string;
}

/** One app client (DescribeUserPoolClient), without its secret. */
export const clientView: ViewSpec<ClientRoute> = {
  name: 'client',
  title: 'App client',
  crumbs: (route, state) => ['app clients', clientName(state, route)],
  lists: () => [],
  enter: (route, ctx) => ensureRead(ctx, clientRef(route)),
  refresh: (route, ctx) => ensureRead(ctx, clientRef(route), true),
  copyValue: (route, state) => readOf(state, { kind: 'appClient', poolId: route.poolId, clientId: route.clientId })?.value,
  resources: (route, state) => [readAbortKey(state, clientRef(route))],
  keys: [...SCROLL_KEYS],
  Render: ({ route, ...props }) => <ClientView {...props} route={route} />,
};
