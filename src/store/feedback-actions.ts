import type { AuthEvent } from '../gateway/types.ts';
import { feedbackSpec } from '../writes/feedback-spec.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { displayedList } from './displayed-list.ts';
import { selectedItem } from './paged-list.ts';
import { eventsRefOf, listKey, type Route } from './routes.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/**
 * Feedback on authentication events: the event on screen, else the marked events, else the selected one; sent
 * through `runWrite` (confirmed, paced by `intervalMs`, each event once).
 */
export function createFeedbackActions(kit: StoreKit, intervalMs?: number): Pick<AppActions, 'askFeedback'> {
  const { get, list, flash, top } = kit;

  function targets(route: Route): AuthEvent[] {
    const ref = eventsRefOf(route);
    if (!ref) return [];
    const events = list<AuthEvent>(ref);
    if (route.view === 'event') return events.items.filter((e) => e.id === route.eventId);
    const marks = get().marks[listKey(ref)] ?? {};
    const marked = events.items.filter((e) => marks[e.id]);
    if (marked.length > 0) return marked;
    const one = selectedItem(displayedList<AuthEvent>(get(), ref) ?? events);
    return one ? [one] : [];
  }

  return {
    askFeedback(value) {
      if (refuseReadOnly(kit)) return;
      const route = top();
      if (route.view !== 'events' && route.view !== 'event') return flash('warn', 'No event selected.');
      const all = targets(route);
      if (all.length === 0) return flash('warn', 'No event selected.');
      void runWrite(kit, feedbackSpec(kit, route.poolId, route.username, value), all, { intervalMs });
    },
  };
}
