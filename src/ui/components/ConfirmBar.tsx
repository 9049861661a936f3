import { Box, Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';

/** Rows the confirmation takes: border, title, detail, keys, border. */
export const CONFIRM_ROWS = 5;

/** The question that blocks every other key until y or n. */
export function ConfirmBar({ width }: { width: number }) {
  const title = useAppState((s) => (typeof s.confirm?.title === 'function' ? s.confirm.title(s) : s.confirm?.title));
  const detail = useAppState((s) => (typeof s.confirm?.detail === 'function' ? s.confirm.detail(s) : s.confirm?.detail));
  if (title === undefined) return null;
  return (
    <Box borderStyle="round" borderColor="yellow" flexDirection="column" width={width} height={CONFIRM_ROWS} flexShrink={0} paddingX={1}>
      <Text bold color="yellow" wrap="truncate">{safeText(title)}</Text>
      <Text wrap="truncate">{safeText(detail ?? '')}</Text>
      <Text>
        <Text bold>y</Text> send · <Text bold>n</Text>/esc cancel
      </Text>
    </Box>
  );
}
