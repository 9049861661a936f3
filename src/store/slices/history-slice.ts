import type { HistoryKind } from '../../history/history-file.ts';
import { createPromptHistory } from '../prompt-history.ts';
import type { Prompt } from '../state.ts';
import type { Slice, SliceEnv } from './env.ts';

const KEPT: readonly string[] = ['search', 'filter', 'command'] satisfies HistoryKind[];

/** The pool an input line belongs to: the one it searches, else the one on screen; lines run outside any pool share one history. */
function scopeOf(prompt: Prompt, route: object): string {
  return prompt.poolId ?? ('poolId' in route && typeof route.poolId === 'string' ? route.poolId : 'no-pool');
}

/** ↑/↓ in the `/`, `f` and `:` lines: each pool's lines run, kept in the state directory unless --no-history. */
export function historySlice({ get, set, deps, kit }: SliceEnv): Slice<never, 'recallPrompt'> {
  const history = createPromptHistory(deps.history, (message) => kit.flash('warn', message));
  kit.rememberPrompt = (prompt) => {
    if (KEPT.includes(prompt.kind)) history.add(scopeOf(prompt, kit.top()), prompt.kind as HistoryKind, prompt.text);
  };
  return {
    state: {},
    actions: {
      recallPrompt(delta) {
        const p = get().prompt;
        if (!p || !KEPT.includes(p.kind)) return;
        const lines = history.lines(scopeOf(p, kit.top()), p.kind as HistoryKind);
        const from = p.recall?.index ?? lines.length;
        const index = Math.max(0, Math.min(lines.length, from + Math.sign(delta)));
        if (index === from) return;
        const draft = p.recall?.draft ?? p.text;
        const text = index === lines.length ? draft : lines[index];
        set({ prompt: { ...p, text, error: undefined, completion: undefined, recall: index === lines.length ? undefined : { index, draft } } });
      },
    },
  };
}
