import { Box, Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';

/** Rows the confirmation takes: border, title, detail, keys, border. */
export const CONFIRM_ROWS = 5;

/** The question that blocks every other key until y or n. */
export function ConfirmBar({ width }: { width: number }) {
  const confirm = useAppState((s) => s.confirm);
  if (!confirm) return null;
  return (
    <Box borderStyle="round" borderColor="yellow" flexDirection="column" width={width} height={CONFIRM_ROWS} flexShrink={0} paddingX={1}>
      <Text bold color="yellow" wrap="truncate">{safeText(confirm.title)}</Text>
      <Text wrap="truncate">{safeText(confirm.detail ?? '')}</Text>
      <Text>
        <Text bold>y</Text> send · <Text bold>n</Text>/esc cancel
      </Text>
    </Box>
  );
}
