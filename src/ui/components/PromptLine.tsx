import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { PromptKind } from '../../store/state.ts';
import { useAppState } from '../store-context.ts';
import { truncate } from '../text.ts';
import { capMessage, tailOf } from './message-cap.ts';
import { useTheme } from '../theme-context.ts';

const SIGILS: Record<PromptKind, string> = { search: '/', filter: 'filter: ', command: ':', group: 'add to group: ' };
const ERROR_PREFIX: Record<PromptKind, string> = { search: 'nothing was sent: ', filter: '', command: '', group: '' };

/**
 * A one-row line editor: the prompt of `kind` while it is open (text, cursor, then its error, a warning or the
 * hint), else `idle`. An error or a warning takes the row's room before the typed text does.
 */
export function PromptLine({ kind, width, hint, idle, warning }: { kind: PromptKind; width: number; hint: string; idle: ReactNode; warning?: string }) {
  const theme = useTheme();
  const prompt = useAppState((s) => (s.prompt?.kind === kind ? s.prompt : undefined));
  if (!prompt) return <>{idle}</>;
  const room = prompt.error || warning ? Math.min(12, Math.max(5, width - 60)) : Math.max(5, width - SIGILS[kind].length - 20);
  const typed = tailOf(prompt.text, room);
  const choices = prompt.completion && prompt.completion.candidates.length > 1
    ? `  tab ${prompt.completion.index + 1}/${prompt.completion.candidates.length}`
    : '';
  const rest = Math.max(0, width - SIGILS[kind].length - typed.width - 1);
  return (
    <Text wrap="truncate">
      <Text color={theme.accent} bold>{SIGILS[kind]}</Text>
      <Text>{typed.text}</Text>
      <Text inverse> </Text>
      {prompt.error
        ? <Text color={theme.danger}>{capMessage(`  ✖ ${ERROR_PREFIX[kind]}${prompt.error}`, rest)}</Text>
        : warning
          ? <Text color={theme.warn}>{capMessage(`  ! ${warning}`, rest)}</Text>
          : <Text dimColor>{truncate(`${choices}  ${hint}`, rest)}</Text>}
    </Text>
  );
}
