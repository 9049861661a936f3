import { completeEventFilter, parseEventFilter, type EventFilter } from '../domain/event-filter.ts';
import { needsAttention } from '../domain/event-risk.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import { createMarkActions } from './mark-actions.ts';
import { selectedItem } from './paged-list.ts';
import type { PromptHandler } from './prompt-actions.ts';
import { listKey, type ListRef } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions, EventView } from './state.ts';
import type { StoreKit } from './store-kit.ts';

type TriageActions = Pick<AppActions, 'toggleAttention' | 'clearEventFilter' | 'jumpRisky' | 'toggleMark' | 'markAllShown' | 'clearMarks'>;

const NO_VIEW: EventView = { text: '', filter: {}, attention: false, cursor: 0 };

/** Events triage: the client-side filter and attention toggle, n / N, and marking rows for bulk feedback. */
export function createTriageActions(kit: StoreKit): TriageActions & { filterPrompt: PromptHandler } {
  const { get, set, list, flash } = kit;

  function eventsRef(): ListRef | undefined {
    const ref = currentListRef(get());
    return ref?.kind === 'events' ? ref : undefined;
  }

  function shown(ref: ListRef) {
    return displayedList<AuthEvent>(get(), ref) ?? list<AuthEvent>(ref);
  }

  /** Installs a new view over the list, keeping the selected event selected when it still passes. */
  function setView(ref: ListRef, change: Partial<Pick<EventView, 'text' | 'filter' | 'attention'>>) {
    const key = listKey(ref);
    const selected = selectedItem(shown(ref));
    const next: EventView = { ...(get().eventViews[key] ?? NO_VIEW), ...change, cursor: 0 };
    set((s) => ({ eventViews: { ...s.eventViews, [key]: next } }));
    const rows = shown(ref).items;
    const index = selected ? rows.findIndex((e) => e.id === selected.id) : -1;
    get().actions.cursorTo(ref, Math.max(0, index));
    const base = list<AuthEvent>(ref);
    if (rows.length === 0 && base.items.length > 0) {
      flash('warn', `None of the ${base.items.length} loaded events match${base.complete ? '' : '; older events are still on the server (G loads more)'}.`);
    }
  }

  return {
    toggleAttention() {
      const ref = eventsRef();
      if (!ref) return;
      const attention = !(get().eventViews[listKey(ref)]?.attention ?? false);
      setView(ref, { attention });
    },
    clearEventFilter() {
      const ref = eventsRef();
      if (ref) setView(ref, { text: '', filter: {}, attention: false });
    },
    jumpRisky(direction) {
      const ref = eventsRef();
      if (!ref) return;
      const view = shown(ref);
      const n = view.items.length;
      for (let step = 1; step <= n; step++) {
        const i = (((view.cursor + direction * step) % n) + n) % n;
        if (needsAttention(view.items[i])) {
          if (direction === 1 ? i <= view.cursor : i >= view.cursor) flash('info', direction === 1 ? 'Wrapped to the newest event that needs attention.' : 'Wrapped to the oldest loaded event that needs attention.');
          return get().actions.cursorTo(ref, i);
        }
      }
      const base = list<AuthEvent>(ref);
      flash('warn', `No event that needs attention among the ${n} shown${base.complete ? '' : '; older events are still on the server (G loads more)'}.`);
    },
    ...createMarkActions(kit),
    filterPrompt: {
      initialText() {
        const ref = eventsRef();
        return ref ? get().eventViews[listKey(ref)]?.text ?? '' : '';
      },
      submit(p) {
        const ref = eventsRef();
        if (!ref || listKey(ref) !== p.listKey) return 'this event list is no longer open';
        const parsed = parseEventFilter(p.text);
        if (!parsed.ok) return parsed.message;
        set({ prompt: undefined });
        setView(ref, { text: p.text.trim(), filter: parsed.filter as EventFilter });
        return undefined;
      },
      complete(p) {
        const ref = eventsRef();
        const countries = ref ? [...new Set(list<AuthEvent>(ref).items.map((e) => e.country).filter((c): c is string => !!c))].sort() : [];
        return completeEventFilter(p.text, countries);
      },
    },
  };
}
