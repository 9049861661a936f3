import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { userKey } from '../../store/routes.ts';
import { FIELD_LABEL_WIDTH, fieldLabel, fieldLines } from '../components/Fields.tsx';
import { useAppState, useAppStore } from '../store-context.ts';
import { safeText } from '../text.ts';
import type { ViewProps } from './view-props.ts';

const BLANK_LABEL = ' '.repeat(FIELD_LABEL_WIDTH);

/** Every attribute's lines, sorted by name, each value whole at `valueWidth`: the label cell on its first line only. */
function attributeLines(attributes: Record<string, string> | undefined, valueWidth: number): { label: string; line: string }[] {
  if (!attributes) return [];
  return Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)).flatMap(([k, v]) =>
    fieldLines(safeText(v) || '–', valueWidth).map((line, i) => ({ label: i === 0 ? fieldLabel(k, FIELD_LABEL_WIDTH) : BLANK_LABEL, line })));
}

/** Every attribute of a user, each value whole (wrapped), scrolled with the cursor keys. */
export function AttributesView({ poolId, username, width, height }: ViewProps & { poolId: string; username: string }) {
  const store = useAppStore();
  const user = useAppState((s) => s.users[userKey(poolId, username)]);
  const scroll = useAppState((s) => s.detailScroll);
  const valueWidth = Math.max(8, width - FIELD_LABEL_WIDTH);
  const lines = useMemo(() => attributeLines(user?.attributes, valueWidth), [user?.attributes, valueWidth]);
  const rows = Math.max(1, height - 2);
  const max = Math.max(0, lines.length - rows);
  useEffect(() => {
    if (scroll > max) store.getState().actions.scrollDetail(max - scroll);
  }, [scroll, max, store]);
  if (!user) return <Text color="cyan">{`Looking up ${safeText(username)}…`}</Text>;
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
