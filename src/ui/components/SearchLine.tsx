import { Text } from 'ink';
import { useAppState } from '../store-context.ts';
import { FILTER_MAX_CHARS, searchTarget } from '../../store/search.ts';
import { safeText } from '../text.ts';
import { PromptLine } from './PromptLine.tsx';
import { useTheme } from '../theme-context.ts';

/** The search line of the user list (always one row): the prompt while typing, else the active filter. */
export function SearchLine({ width, poolId }: { width: number; poolId: string }) {
  const theme = useTheme();
  const target = useAppState((s) => (s.prompt?.kind === 'search' ? searchTarget(s.prompt.text, s.prompt.attribute) : searchTarget('')));
  const active = useAppState((s) => s.searches[poolId] ?? '');
  const tooLong = useAppState((s) => (s.prompt?.kind === 'search' && s.prompt.text.length > FILTER_MAX_CHARS
    ? Array.from(s.prompt.text.trim()).length : 0));
  const idle = active
    ? <Text color={theme.accent} wrap="truncate">{`filter: ${safeText(active)}   (esc clears, / edits)`}</Text>
    : <Text dimColor wrap="truncate">/ searches users on the server</Text>;
  return (
    <PromptLine kind="search" width={width} idle={idle}
      warning={tooLong > FILTER_MAX_CHARS
        ? `${tooLong.toLocaleString('en-US')} characters: Cognito's filter takes at most ${FILTER_MAX_CHARS}; nothing will be sent`
        : undefined}
      hint={`${target} · or a filter: email ^= "bob" · nothing is sent until enter`} />
  );
}
