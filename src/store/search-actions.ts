import { resetForRefresh } from './paged-list.ts';
import type { PromptHandler } from './prompt-actions.ts';
import type { ListRef } from './routes.ts';
import { buildSearch, nextSearchAttribute } from './search.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** The user list's server-side search: open the line, submit (checked before sending), clear. */
export function createSearchActions(kit: StoreKit): Pick<AppActions, 'openSearch' | 'clearSearch'> & { searchPrompt: PromptHandler } {
  const { get, set, list, setList, loadMore, ensureList } = kit;
  return {
    openSearch(poolId) {
      set({ prompt: { kind: 'search', poolId, text: get().searches[poolId] ?? '', attribute: get().config?.pools[poolId]?.searchAttribute ?? 'email' } });
    },
    clearSearch(poolId) {
      if (!get().searches[poolId]) return;
      set((s) => ({ searches: { ...s.searches, [poolId]: '' } }));
      ensureList({ kind: 'users', poolId, filter: '' });
    },
    searchPrompt: {
      submit(p) {
        if (!p.poolId) return 'no pool to search';
        const result = buildSearch(p.text, p.attribute);
        if (!result.ok) return result.message;
        const ref: ListRef = { kind: 'users', poolId: p.poolId, filter: result.filter };
        const poolId = p.poolId;
        set((s) => ({ prompt: undefined, searches: { ...s.searches, [poolId]: result.filter } }));
        setList(ref, resetForRefresh(list(ref)));
        loadMore(ref);
        return undefined;
      },
      tab: (p) => ({ ...p, attribute: nextSearchAttribute(p.attribute), error: undefined }),
    },
  };
}
