import { Box, Text } from 'ink';
import { useShallow } from 'zustand/react/shallow';
import { disabledReasons, tablesFor } from '../../keys/dispatch.ts';
import type { ViewName } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';

/** The `?` help: every binding of the current view and the global ones, from the same tables the keys use. */
export function HelpOverlay({ view }: { view: ViewName }) {
  const reasons = useAppState(useShallow(disabledReasons));
  let index = 0;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys — esc or ? closes</Text>
      {tablesFor(view).map((t) => (
        <Box key={t.title} flexDirection="column" marginTop={1}>
          <Text bold color="cyan">{t.title}</Text>
          {t.bindings.map((b) => {
            const reason = reasons[index++];
            return (
              <Text key={b.label + b.description}>
                <Text bold>{b.label.padEnd(8)}</Text>
                {b.description}
                {reason ? <Text color="yellow">{` (disabled: ${reason})`}</Text> : null}
              </Text>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
