import { resetForRefresh } from './paged-list.ts';
import type { ListRef } from './routes.ts';
import { buildSearch, nextSearchAttribute } from './search.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

type SearchActions = Pick<AppActions, 'openSearch' | 'editSearch' | 'submitSearch' | 'cancelSearch' | 'clearSearch'>;

/** The user list's server-side search line: open, edit, submit (checked before sending), cancel, clear. */
export function createSearchActions(kit: StoreKit): SearchActions {
  const { get, set, list, setList, loadMore, ensureList } = kit;
  return {
    openSearch(poolId) {
      set({ prompt: { poolId, text: get().searches[poolId] ?? '', attribute: 'email' } });
    },
    editSearch(change) {
      const p = get().prompt;
      if (!p) return;
      const attribute = change.attribute === 'next' ? nextSearchAttribute(p.attribute) : change.attribute ?? p.attribute;
      set({ prompt: { ...p, text: change.text ?? p.text, attribute, error: undefined } });
    },
    submitSearch() {
      const p = get().prompt;
      if (!p) return;
      const result = buildSearch(p.text, p.attribute);
      if (!result.ok) {
        set({ prompt: { ...p, error: result.message } });
        return;
      }
      const ref: ListRef = { kind: 'users', poolId: p.poolId, filter: result.filter };
      set((s) => ({ prompt: undefined, searches: { ...s.searches, [p.poolId]: result.filter } }));
      setList(ref, resetForRefresh(list(ref)));
      loadMore(ref);
    },
    cancelSearch() {
      set({ prompt: undefined });
    },
    clearSearch(poolId) {
      if (!get().searches[poolId]) return;
      set((s) => ({ searches: { ...s.searches, [poolId]: '' } }));
      ensureList({ kind: 'users', poolId, filter: '' });
    },
  };
}
