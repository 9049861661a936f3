import { Box, Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText } from '../text.ts';

/** The question that blocks every other key until y or n. */
export function ConfirmBar({ width }: { width: number }) {
  const confirm = useAppState((s) => s.confirm);
  if (!confirm) return null;
  return (
    <Box borderStyle="round" borderColor="yellow" flexDirection="column" width={width} paddingX={1}>
      <Text bold color="yellow" wrap="truncate">{safeText(confirm.title)}</Text>
      {confirm.detail ? <Text wrap="truncate">{safeText(confirm.detail)}</Text> : null}
      <Text>
        <Text bold>y</Text> send · <Text bold>n</Text>/esc cancel
      </Text>
    </Box>
  );
}
