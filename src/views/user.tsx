import { Box, Text } from 'ink';
import { LIST_KEYS } from '../keys/global-keys.ts';
import { USER_ADMIN_KEYS } from '../keys/admin-bindings.ts';
import { DISABLE, EXPORT_CSV, EXPORT_JSON, openKey, SIGN_OUT } from '../keys/shared-bindings.ts';
import { OPEN_GROUP } from '../keys/group-keys.ts';
import { userCrumb } from './crumbs.ts';
import type { ViewSpec } from './view-spec.ts';
import { useContext, useMemo } from 'react';
import { formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import type { Device, Group, User } from '../gateway/types.ts';
import { listKey, userKey } from '../store/routes.ts';
import type { UserWrite } from '../store/state.ts';
import { DEVICE_COLUMNS, GROUP_COLUMNS } from '../ui/columns.ts';
import { cutLines, fieldColumns, Fields, type Field } from '../ui/components/Fields.tsx';
import { ListView } from '../ui/components/ListView.tsx';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { safeText, wrapText } from '../ui/text.ts';
import { useList } from '../ui/views/use-list.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { otherUserWrite, pendingUserWrite } from '../writes/pending-selectors.ts';
import { useTheme } from '../ui/theme-context.ts';

const ATTRIBUTE_LINES = 2;

/** Rows a pane takes besides its item rows: title, column header, status line. */
const PANE_CHROME_ROWS = 3;

/** Rows kept for attributes on a narrow terminal, with their heading and the "more" line: the panes take the rest. */
const ATTRIBUTE_ROWS_NARROW = 4;

const PENDING: Record<UserWrite, string> = { disable: 'disabling…', enable: 'enabling…', 'sign-out': 'signing out everywhere…' };

function userFields(user: User, pending: UserWrite | undefined, other: string | undefined, zone: TimeZoneSetting): Field[] {
  return [
    { label: 'username', value: user.username },
    { label: 'status', value: `${user.status}${other ? ` · sending: ${other}…` : ''}`, color: user.status === 'CONFIRMED' && !other ? undefined : 'warn' },
    {
      label: 'enabled',
      value: `${user.enabled ? 'yes' : 'NO (disabled)'}${pending ? ` · ${PENDING[pending]}` : ''}`,
      color: pending ? 'warn' : user.enabled ? 'ok' : 'danger',
    },
    { label: 'MFA (SMS options)', value: user.mfaOptions.length ? user.mfaOptions.join(', ') : 'none' },
    { label: 'created', value: formatTime(user.createdAt, zone) },
    { label: 'modified', value: formatTime(user.modifiedAt, zone) },
  ];
}

/** Each attribute, sorted by name, with its value's lines at most ATTRIBUTE_LINES long and whether it was cut. */
function attributeRows(attributes: Record<string, string> | undefined, valueCells: number): { field: Field & { lines: string[] }; cut: boolean }[] {
  if (!attributes) return [];
  return Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => {
    const whole = wrapText(safeText(v) || '–', valueCells);
    return { field: { label: safeText(k), value: v, lines: cutLines(whole, valueCells, ATTRIBUTE_LINES) }, cut: whole.length > ATTRIBUTE_LINES };
  });
}

function Pane<T>({ title, list, pageKey, columns, width, height, now, focused, noun }: {
  title: string; pageKey: string; list: ReturnType<typeof useList<T>>; columns: Parameters<typeof ListView<T>>[0]['columns'];
  width: number; height: number; now: number; focused: boolean; noun: string;
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height + PANE_CHROME_ROWS}>
      <Text bold color={focused ? theme.accent : undefined}>{`${focused ? '▸ ' : '  '}${title}`}</Text>
      <ListView list={list} pageKey={pageKey} columns={columns} width={width} height={Math.max(1, height)} noun={noun} now={now}
        focused={focused} emptyText={`no ${noun}`} />
    </Box>
  );
}

/** One user: the row already loaded from ListUsers (never AdminGetUser, which is billed), groups and devices. */
function UserView({ poolId, username, width, height, now }: ViewProps & { poolId: string; username: string }) {
  const theme = useTheme();
  const key = userKey(poolId, username);
  const user = useAppState((s) => s.users[key]);
  const missing = useAppState((s) => s.missingUsers[key]);
  const pending = useAppState((s) => pendingUserWrite(s.pendingWrites, poolId, username));
  const other = useAppState((s) => otherUserWrite(s.pendingWrites, poolId, username));
  const pane = useAppState((s) => s.userPane);
  const zone = useContext(TimeZoneContext);
  const groups = useList<Group>({ kind: 'groups', poolId, username });
  const devices = useList<Device>({ kind: 'devices', poolId, username });
  const wide = width >= 100;
  const leftWidth = wide ? Math.floor(width / 2) - 1 : width;
  const { valueCells } = fieldColumns(leftWidth);
  const attributes = useMemo(() => attributeRows(user?.attributes, valueCells), [user?.attributes, valueCells]);
  if (!user) {
    return missing
      ? <Text color={theme.danger} wrap="truncate">{`✖ ${safeText(missing)}`}</Text>
      : <Text color={theme.accent}>{`Looking up ${safeText(username)}…`}</Text>;
  }
  const rightWidth = wide ? width - leftWidth - 2 : width;
  const fields = userFields(user, pending, other, zone);
  const paneRows = wide ? Math.max(2, Math.floor((height - 6) / 2) - 1) : Math.max(1, Math.min(4, Math.floor((height - fields.length - ATTRIBUTE_ROWS_NARROW) / 2) - PANE_CHROME_ROWS));
  const panes = (
    <Box flexDirection="column" width={rightWidth} flexShrink={0}>
      <Pane title="groups" list={groups} pageKey={listKey({ kind: 'groups', poolId, username })} columns={GROUP_COLUMNS} width={rightWidth} height={paneRows} now={now} focused={pane === 'groups'} noun="groups" />
      <Pane title="remembered devices" list={devices} pageKey={listKey({ kind: 'devices', poolId, username })} columns={DEVICE_COLUMNS} width={rightWidth} height={paneRows} now={now} focused={pane === 'devices'} noun="devices" />
    </Box>
  );
  let room = Math.max(0, height - fields.length - 2 - (wide ? 0 : 2 * (paneRows + PANE_CHROME_ROWS)));
  const shown: Field[] = [];
  for (const { field } of attributes) {
    if (field.lines.length > room) break;
    room -= field.lines.length;
    shown.push(field);
  }
  const cut = attributes.some((a) => a.cut);
  const details = (
    <Box flexDirection="column" width={leftWidth} flexShrink={0}>
      <Fields fields={fields} width={leftWidth} />
      <Text bold>attributes{user.partial ? <Text color={theme.accent}> (reading the whole row…)</Text> : cut || attributes.length > shown.length ? <Text dimColor> (A shows every value whole)</Text> : null}</Text>
      <Fields fields={shown} width={leftWidth} />
      {attributes.length > shown.length ? <Text dimColor>{`… ${attributes.length - shown.length} more: A shows them`}</Text> : null}
    </Box>
  );
  return wide
    ? <Box flexDirection="row">{details}<Box width={2} />{panes}</Box>
    : <Box flexDirection="column">{details}{panes}</Box>;
}

/** The route of one user of one pool, named by what was typed until the lookup names them canonically. */
export interface UserRoute {
  view: 'user';
  poolId: string;
  username: string;
}

/** One user: fields, attributes, groups and remembered devices. */
export const userView: ViewSpec<UserRoute> = {
  name: 'user',
  title: 'User',
  crumbs: (route, state) => [userCrumb(state, route.poolId, route.username)],
  lists: (route) => [{ kind: 'groups', poolId: route.poolId, username: route.username }, { kind: 'devices', poolId: route.poolId, username: route.username }],
  cursorList: (route, state) => ({ kind: state.userPane, poolId: route.poolId, username: route.username }),
  enter: (route, ctx) => {
    if (!ctx.canonical(route)) return;
    for (const ref of userView.lists(route, ctx.get())) ctx.ensureList(ref);
  },
  open: (route, _item, ctx) => ctx.push({ view: 'events', poolId: route.poolId, username: route.username }),
  copyValue: (route, state) => state.users[userKey(route.poolId, route.username)],
  keys: [
    openKey('authentication events', 'events'),
    { keys: ['A'], label: 'A', description: 'every attribute, each value whole (scrollable)', short: 'attributes', hint: true, run: (c) => { if (c.route.view === 'user') c.actions.push({ view: 'attributes', poolId: c.route.poolId, username: c.route.username }); } },
    { keys: ['tab'], label: 'tab', description: 'move the cursor between groups and devices', short: 'groups/devices', hint: true, run: ({ actions }) => actions.switchUserPane() },
    DISABLE,
    SIGN_OUT,
    OPEN_GROUP,
    EXPORT_JSON,
    EXPORT_CSV,
    ...USER_ADMIN_KEYS,
    ...LIST_KEYS,
  ],
  Render: ({ route, ...props }) => <UserView {...props} poolId={route.poolId} username={route.username} />,
};
