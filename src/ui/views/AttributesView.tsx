import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { userKey } from '../../store/routes.ts';
import { useAppState, useAppStore } from '../store-context.ts';
import { fit, safeText, wrapText } from '../text.ts';
import type { ViewProps } from './view-props.ts';

const LABEL = 22;

/** Every attribute of a user, each value whole (wrapped), scrolled with the cursor keys. */
export function AttributesView({ poolId, username, width, height }: ViewProps & { poolId: string; username: string }) {
  const store = useAppStore();
  const user = useAppState((s) => s.users[userKey(poolId, username)]);
  const scroll = useAppState((s) => s.detailScroll);
  const valueWidth = Math.max(8, width - LABEL);
  const lines = user
    ? Object.entries(user.attributes).sort(([a], [b]) => a.localeCompare(b)).flatMap(([k, v]) =>
      wrapText(safeText(v) || '–', valueWidth).map((line, i) => ({ label: i === 0 ? safeText(k) : '', line })))
    : [];
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
          <Text dimColor>{fit(fit(l.label, LABEL - 1), LABEL)}</Text>
          <Text>{l.line}</Text>
        </Text>
      ))}
    </Box>
  );
}
