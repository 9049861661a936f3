import { Box, Text } from 'ink';
import { GLOBAL_KEYS } from '../../keys/global-keys.ts';
import { VIEW_KEYS } from '../../keys/view-keys.ts';
import type { KeyTable } from '../../keys/binding.ts';
import type { ViewName } from '../../store/routes.ts';

/** The `?` help: every binding of the current view and the global ones, from the same tables the keys use. */
export function HelpOverlay({ view, readOnly }: { view: ViewName; readOnly: boolean }) {
  const tables: KeyTable[] = [VIEW_KEYS[view], GLOBAL_KEYS];
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys — esc or ? closes</Text>
      {tables.map((t) => (
        <Box key={t.title} flexDirection="column" marginTop={1}>
          <Text bold color="cyan">{t.title}</Text>
          {t.bindings.map((b) => (
            <Text key={b.label + b.description}>
              <Text bold>{b.label.padEnd(8)}</Text>
              {b.description}
              {readOnly && b.disabled ? <Text color="yellow"> (disabled: read-only)</Text> : null}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
