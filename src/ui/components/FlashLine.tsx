import { Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { safeText, truncate } from '../text.ts';

const COLORS = { info: 'green', warn: 'yellow', error: 'red' } as const;
const MARKS = { info: '✔', warn: '!', error: '✖' } as const;

/** The flash line: the latest message, which clears itself. */
export function FlashLine({ width }: { width: number }) {
  const flash = useAppState((s) => s.flash);
  if (!flash) return <Text> </Text>;
  return <Text color={COLORS[flash.level]}>{truncate(`${MARKS[flash.level]} ${safeText(flash.text)}`, width)}</Text>;
}
