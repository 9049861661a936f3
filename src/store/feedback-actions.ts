import type { AuthEvent, FeedbackValue } from '../gateway/types.ts';
import { describeFeedback, shortEventLabel } from './feedback-text.ts';
import { selectedItem, updateItems } from './paged-list.ts';
import { eventsRefOf, type ListRef, type Route } from './routes.ts';
import type { AppActions } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** Feedback on authentication events: confirm first, one write per event at a time, revert on failure. */
export function createFeedbackActions(kit: StoreKit): Pick<AppActions, 'askFeedback'> {
  const { get, set, gw, now, list, setList, flash, top } = kit;

  function targetEvent(route: Route): AuthEvent | undefined {
    const ref = eventsRefOf(route);
    if (!ref) return undefined;
    const events = list<AuthEvent>(ref);
    if (route.view === 'event') return events.items.find((e) => e.id === route.eventId);
    return selectedItem(events);
  }

  function patchEvent(ref: ListRef, eventId: string, feedback: AuthEvent['feedback']) {
    setList(ref, updateItems(list<AuthEvent>(ref), (e) => (e.id === eventId ? { ...e, feedback } : undefined)));
  }

  function sendFeedback(poolId: string, username: string, event: AuthEvent, value: FeedbackValue) {
    const ref: ListRef = { kind: 'events', poolId, username };
    const previous = event.feedback;
    set((s) => ({ pendingFeedback: { ...s.pendingFeedback, [event.id]: value } }));
    patchEvent(ref, event.id, { value, provider: 'sending…' });
    const done = () => set((s) => {
      const { [event.id]: _sent, ...rest } = s.pendingFeedback;
      return { pendingFeedback: rest };
    });
    gw.updateAuthEventFeedback(poolId, username, event.id, value).then(
      () => {
        done();
        patchEvent(ref, event.id, { value, provider: 'Admin', date: now() });
        flash('info', `Saved: ${shortEventLabel(event)} marked ${value}.`);
      },
      (error) => {
        done();
        patchEvent(ref, event.id, previous);
        flash('error', `Feedback NOT saved for ${shortEventLabel(event)}: ${toListError(error).message}`);
      },
    );
  }

  return {
    askFeedback(value) {
      const s = get();
      const route = top();
      if (s.readOnly) return flash('warn', 'Read-only mode (--read-only): feedback is not sent. Restart without --read-only to tag events.');
      const event = targetEvent(route);
      if (!event || (route.view !== 'events' && route.view !== 'event')) return flash('warn', 'No event selected.');
      if (s.pendingFeedback[event.id]) return flash('warn', `Feedback for ${shortEventLabel(event)} is still being sent; wait for it.`);
      const { poolId, username } = route;
      set({
        confirm: {
          title: `Mark ${shortEventLabel(event)} as ${value}?`,
          detail: describeFeedback(value, event.feedback?.value),
          onConfirm: () => sendFeedback(poolId, username, event, value),
        },
      });
    },
  };
}
