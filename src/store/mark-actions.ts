import { displayedList } from './displayed-list.ts';
import { markId } from './list-rows.ts';
import { selectedItem } from './paged-list.ts';
import { listKey, type ListRef } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions, AppState } from './state.ts';
import type { StoreKit } from './store-kit.ts';

type MarkActions = Pick<AppActions, 'toggleMark' | 'markAllShown' | 'clearMarks'>;

const NO_MARKS: Record<string, true> = {};

/** The marked row ids of a list (event ids, usernames). */
export function marksOf(state: Pick<AppState, 'marks'>, ref: ListRef): Record<string, true> {
  return state.marks[listKey(ref)] ?? NO_MARKS;
}

/** Puts or takes off marks of a list: `change` maps a row id to true (marked) or false (not). */
export function changeMarks(kit: Pick<StoreKit, 'set'>, ref: ListRef, change: Record<string, boolean>): void {
  const key = listKey(ref);
  kit.set((s) => {
    const next = { ...(s.marks[key] ?? NO_MARKS) };
    for (const [id, marked] of Object.entries(change)) {
      if (marked) next[id] = true;
      else delete next[id];
    }
    return { marks: { ...s.marks, [key]: next } };
  });
}

/** What marking rows of a list is for, after "Marked 12 users shown". */
function markPurpose(ref: ListRef): string {
  return ref.kind === 'events' ? 'v or i tags them all' : 'd, S, p or m acts on them all';
}

/** Marking rows of the list on screen (events, users, sweep findings) for a bulk action; a row is marked by its id. */
export function createMarkActions(kit: StoreKit): MarkActions {
  const { get, list, flash } = kit;
  const shown = (ref: ListRef) => displayedList(get(), ref) ?? list(ref);
  const noun = (ref: ListRef, n: number) => `${n} ${ref.kind === 'events' ? 'event' : 'user'}${n === 1 ? '' : 's'}`;
  return {
    toggleMark() {
      const ref = currentListRef(get());
      if (!ref) return;
      const row = selectedItem(shown(ref));
      if (row === undefined) return;
      const id = markId(ref, row);
      changeMarks(kit, ref, { [id]: !marksOf(get(), ref)[id] });
      get().actions.moveCursor(ref, 1);
    },
    markAllShown() {
      const ref = currentListRef(get());
      if (!ref) return;
      const ids = shown(ref).items.map((row) => markId(ref, row));
      const marks = marksOf(get(), ref);
      const all = ids.length > 0 && ids.every((id) => marks[id]);
      changeMarks(kit, ref, Object.fromEntries(ids.map((id) => [id, !all])));
      flash('info', all ? `Unmarked ${noun(ref, ids.length)}.` : `Marked ${noun(ref, ids.length)} shown: ${markPurpose(ref)}.`);
    },
    clearMarks() {
      const ref = currentListRef(get());
      if (!ref || Object.keys(marksOf(get(), ref)).length === 0) return false;
      kit.set((s) => ({ marks: { ...s.marks, [listKey(ref)]: NO_MARKS } }));
      flash('info', 'Marks cleared.');
      return true;
    },
  };
}

