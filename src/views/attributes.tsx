import { Box, Text } from 'ink';
import { EXPORT_JSON, SCROLL_KEYS } from '../keys/shared-bindings.ts';
import { userCrumb } from './crumbs.ts';
import type { ViewSpec } from './view-spec.ts';
import { useEffect, useMemo } from 'react';
import { userKey } from '../store/routes.ts';
import { FIELD_LABEL_WIDTH, fieldLabel, fieldLines } from '../ui/components/Fields.tsx';
import { useAppState, useAppStore } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { usePageRows } from '../ui/views/use-page-rows.ts';
import { useTheme } from '../ui/theme-context.ts';

const BLANK_LABEL = ' '.repeat(FIELD_LABEL_WIDTH);

/** Every attribute's lines, sorted by name, each value whole at `valueWidth`: the label cell on its first line only. */
function attributeLines(attributes: Record<string, string> | undefined, valueWidth: number): { label: string; line: string }[] {
  if (!attributes) return [];
  return Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)).flatMap(([k, v]) =>
    fieldLines(safeText(v) || '–', valueWidth).map((line, i) => ({ label: i === 0 ? fieldLabel(k, FIELD_LABEL_WIDTH) : BLANK_LABEL, line })));
}

/** Every attribute of a user, each value whole (wrapped), scrolled with the cursor keys. */
function AttributesView({ poolId, username, width, height }: ViewProps & { poolId: string; username: string }) {
  const theme = useTheme();
  const store = useAppStore();
  const user = useAppState((s) => s.users[userKey(poolId, username)]);
  const scroll = useAppState((s) => s.detailScroll);
  const valueWidth = Math.max(8, width - FIELD_LABEL_WIDTH);
  const lines = useMemo(() => attributeLines(user?.attributes, valueWidth), [user?.attributes, valueWidth]);
  const rows = Math.max(1, height - 2);
  const max = Math.max(0, lines.length - rows);
  usePageRows('detail', rows);
  useEffect(() => {
    if (scroll > max) store.getState().actions.scrollDetail(max - scroll);
  }, [scroll, max, store]);
  if (!user) return <Text color={theme.accent}>{`Looking up ${safeText(username)}…`}</Text>;
  const top = Math.min(scroll, max);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">{`attributes of ${safeText(user.username)} · lines ${lines.length === 0 ? 0 : top + 1}–${Math.min(lines.length, top + rows)} of ${lines.length} · j/k scroll, PgDn/PgUp, g/G`}</Text>
      {lines.slice(top, top + rows).map((l, i) => (
        <Text key={top + i} wrap="truncate">
          <Text dimColor>{l.label}</Text>
          <Text>{l.line}</Text>
        </Text>
      ))}
    </Box>
  );
}

/** The route of a user's whole attributes. */
export interface AttributesRoute {
  view: 'attributes';
  poolId: string;
  username: string;
}

/** Every attribute of a user, each value whole. */
export const attributesView: ViewSpec<AttributesRoute> = {
  name: 'attributes',
  title: 'User attributes',
  crumbs: (route, state) => [userCrumb(state, route.poolId, route.username), 'attributes'],
  lists: () => [],
  keys: [...SCROLL_KEYS, EXPORT_JSON],
  Render: ({ route, ...props }) => <AttributesView {...props} poolId={route.poolId} username={route.username} />,
};
