import { Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { capMessage } from './message-cap.ts';
import { useTheme } from '../theme-context.ts';

const COLORS = { info: 'ok', warn: 'warn', error: 'danger' } as const;
const MARKS = { info: '✔', warn: '!', error: '✖' } as const;

/** The flash line: the latest message, cut to one line of the screen's width; it clears itself. */
export function FlashLine({ width }: { width: number }) {
  const theme = useTheme();
  const flash = useAppState((s) => s.flash);
  if (!flash) return <Text> </Text>;
  return <Text color={theme[COLORS[flash.level]]} wrap="truncate">{capMessage(`${MARKS[flash.level]} ${flash.text}`, width)}</Text>;
}
