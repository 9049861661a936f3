import { createGroupPrompt } from './group-prompt.ts';
import { isUserListKind } from './list-rows.ts';
import { listKey } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions, Prompt, PromptKind } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** What one kind of prompt does with its text. */
export interface PromptHandler {
  /** Acts on the submitted text; returns why nothing was done, to show inline. */
  submit(prompt: Prompt): string | undefined;
  /** Full-line completions of the text so far, which Tab cycles through. */
  complete?(prompt: Prompt): string[];
  /** What Tab does instead, when it does not complete. */
  tab?(prompt: Prompt): Prompt;
  /** The text the prompt opens with. */
  initialText?(): string;
}

type PromptActions = Pick<AppActions, 'openPrompt' | 'editPrompt' | 'completePrompt' | 'submitPrompt' | 'cancelPrompt'>;

/** Next completion: the first candidate, then each following one on every further Tab. */
function cycle(prompt: Prompt, candidates: string[]): Prompt {
  if (prompt.completion && prompt.completion.candidates.length > 1) {
    const index = (prompt.completion.index + 1) % prompt.completion.candidates.length;
    return { ...prompt, text: prompt.completion.candidates[index], completion: { ...prompt.completion, index } };
  }
  if (candidates.length === 0) return { ...prompt, error: 'no completion' };
  return { ...prompt, text: candidates[0], error: undefined, completion: { candidates, index: 0 } };
}

/** The line editor shared by the user search, the event filter, the command line and the group to add users to. */
export function createPromptActions(kit: StoreKit, given: Omit<Record<PromptKind, PromptHandler>, 'group'>): PromptActions {
  const { get, set } = kit;
  const handlers: Record<PromptKind, PromptHandler> = { ...given, group: createGroupPrompt(kit) };
  return {
    openPrompt(kind) {
      const ref = currentListRef(get());
      if (kind === 'filter' && ref?.kind !== 'events') return;
      if (kind === 'group' && !(ref && isUserListKind(ref.kind))) return;
      const key = (kind === 'filter' || kind === 'group') && ref ? listKey(ref) : undefined;
      set({ prompt: { kind, text: handlers[kind].initialText?.() ?? '', listKey: key } });
    },
    editPrompt(change) {
      const p = get().prompt;
      if (!p) return;
      set({ prompt: { ...p, text: change.text, error: undefined, completion: undefined } });
    },
    completePrompt() {
      const p = get().prompt;
      if (!p) return;
      const handler = handlers[p.kind];
      set({ prompt: handler.tab?.(p) ?? cycle(p, p.completion ? [] : handler.complete?.(p) ?? []) });
    },
    submitPrompt() {
      const p = get().prompt;
      if (!p) return;
      const error = handlers[p.kind].submit(p);
      if (error) return set({ prompt: { ...p, error, completion: undefined } });
      kit.rememberPrompt?.(p);
      if (get().prompt === p) set({ prompt: undefined });
    },
    cancelPrompt() {
      set({ prompt: undefined });
    },
  };
}
