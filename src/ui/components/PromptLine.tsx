import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { PromptKind } from '../../store/state.ts';
import { useAppState } from '../store-context.ts';
import { safeText, truncate } from '../text.ts';

const SIGILS: Record<PromptKind, string> = { search: '/', filter: 'filter: ', command: ':' };
const ERROR_PREFIX: Record<PromptKind, string> = { search: 'nothing was sent: ', filter: '', command: '' };

/** A one-row line editor: the prompt of `kind` while it is open (text, cursor, hint or error), else `idle`. */
export function PromptLine({ kind, width, hint, idle }: { kind: PromptKind; width: number; hint: string; idle: ReactNode }) {
  const prompt = useAppState((s) => (s.prompt?.kind === kind ? s.prompt : undefined));
  if (!prompt) return <>{idle}</>;
  const typed = truncate(safeText(prompt.text), Math.max(5, width - 50));
  const choices = prompt.completion && prompt.completion.candidates.length > 1
    ? `  tab ${prompt.completion.index + 1}/${prompt.completion.candidates.length}`
    : '';
  return (
    <Text wrap="truncate">
      <Text color="cyan" bold>{SIGILS[kind]}</Text>
      <Text>{typed}</Text>
      <Text inverse> </Text>
      {prompt.error
        ? <Text color="red">{`  ✖ ${ERROR_PREFIX[kind]}${safeText(prompt.error)}`}</Text>
        : <Text dimColor>{`${choices}  ${hint}`}</Text>}
    </Text>
  );
}
