import type { Group } from '../gateway/types.ts';
import type { PromptHandler } from './prompt-actions.ts';
import { listKey, tupleParts } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { StoreKit } from './store-kit.ts';

/** The kinds of lists whose rows are a pool's groups (a user's groups); a new list of groups adds its kind here. */
const GROUP_LISTS = new Set(['groups', 'groups-of-pool']);

/** Cognito's limit on a group name's length, in characters. */
const GROUP_NAME_MAX = 128;

/** Cognito's pattern for a group name: letters, marks, symbols, digits and punctuation; no space or control character. */
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** Why `name` cannot be a Cognito group name, or undefined when it can. */
export function groupNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length === 0) return 'type the name of the group to add the users to (tab completes the groups seen so far)';
  if (length > GROUP_NAME_MAX) return `a group name has at most ${GROUP_NAME_MAX} characters; this one has ${length}`;
  if (!GROUP_NAME.test(name)) return 'a group name has no spaces or control characters';
  return undefined;
}

/** The names of the pool's groups seen in the lists loaded so far, sorted. */
function knownGroupNames(kit: Pick<StoreKit, 'get'>, poolId: string): string[] {
  const names = new Set<string>();
  for (const [key, list] of Object.entries(kit.get().lists)) {
    const [kind, pool] = tupleParts(key);
    if (pool !== poolId || !GROUP_LISTS.has(kind)) continue;
    for (const g of list.items as Group[]) if (typeof g.name === 'string') names.add(g.name);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The `m` prompt: the group to add the marked users (or the one under the cursor) of the list it was opened on to. */
export function createGroupPrompt(kit: StoreKit): PromptHandler {
  const { get, set } = kit;
  return {
    submit(p) {
      const ref = currentListRef(get());
      if (!ref || listKey(ref) !== p.listKey) return 'this list of users is no longer open';
      const name = p.text.trim();
      const problem = groupNameProblem(name);
      if (problem) return problem;
      set({ prompt: undefined });
      get().actions.askBulkUserWrite(ref, { addToGroup: name });
      return undefined;
    },
    complete(p) {
      const poolId = tupleParts(p.listKey ?? '')[1] ?? '';
      const typed = p.text.trim().toLowerCase();
      return knownGroupNames(kit, poolId).filter((n) => n.toLowerCase().startsWith(typed));
    },
  };
}
