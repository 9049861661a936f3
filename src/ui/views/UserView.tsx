import { Box, Text } from 'ink';
import type { Device, Group } from '../../gateway/types.ts';
import type { PagedList } from '../../store/paged-list.ts';
import { userKey } from '../../store/routes.ts';
import { Fields, type Field } from '../components/Fields.tsx';
import { useAppState } from '../store-context.ts';
import { formatTime, safeText } from '../text.ts';
import { useList } from './use-list.ts';
import type { ViewProps } from './view-props.ts';

function summary<T>(list: PagedList<T>, show: (item: T) => string, noun: string): string {
  if (list.error) return `✖ ${list.error.message}`;
  if (list.pagesLoaded === 0) return 'loading…';
  if (list.items.length === 0) return `no ${noun}`;
  return list.items.map(show).join(', ') + (list.complete ? '' : ', …');
}

/** One user: the row already loaded from ListUsers (never AdminGetUser, which is billed), groups and devices. */
export function UserView({ poolId, username, width, height }: ViewProps & { poolId: string; username: string }) {
  const user = useAppState((s) => s.users[userKey(poolId, username)]);
  const missing = useAppState((s) => s.missingUsers[userKey(poolId, username)]);
  const groups = useList<Group>({ kind: 'groups', poolId, username });
  const devices = useList<Device>({ kind: 'devices', poolId, username });
  if (!user) {
    return missing
      ? <Text color="red" wrap="truncate">{`✖ ${safeText(missing)}`}</Text>
      : <Text color="cyan">{`Looking up ${safeText(username)}…`}</Text>;
  }
  const fields: Field[] = [
    { label: 'username', value: user.username },
    { label: 'status', value: user.status, color: user.status === 'CONFIRMED' ? undefined : 'yellow' },
    { label: 'enabled', value: user.enabled ? 'yes' : 'NO (disabled)', color: user.enabled ? 'green' : 'red' },
    { label: 'MFA (SMS options)', value: user.mfaOptions.length ? user.mfaOptions.join(', ') : 'none' },
    { label: 'created', value: formatTime(user.createdAt) },
    { label: 'modified', value: formatTime(user.modifiedAt) },
    { label: 'groups', value: summary(groups, (g) => g.name, 'groups') },
    { label: 'devices', value: summary(devices, (d) => `${d.name ?? d.key} (last ${formatTime(d.lastAuthenticatedAt)})`, 'remembered devices') },
  ];
  const attributes = Object.entries(user.attributes).sort(([a], [b]) => a.localeCompare(b));
  const room = Math.max(0, height - fields.length - 3);
  const shown = attributes.slice(0, room);
  return (
    <Box flexDirection="column">
      <Fields fields={fields} width={width} />
      <Text bold>attributes</Text>
      <Fields fields={shown.map(([k, v]) => ({ label: safeText(k), value: v }))} width={width} />
      {attributes.length > shown.length ? <Text dimColor>{`… ${attributes.length - shown.length} more (enlarge the terminal)`}</Text> : null}
    </Box>
  );
}
