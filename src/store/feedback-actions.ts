import type { AuthEvent, FeedbackValue } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import { describeFeedback, RETRY_HINT, shortEventLabel, writeFailureReason } from './feedback-text.ts';
import { selectedItem, updateItems } from './paged-list.ts';
import { eventsRefOf, listKey, type ListRef, type Route } from './routes.ts';
import { canonicalUsername } from './selectors.ts';
import type { AppActions, FailedWrite } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** How a batch of feedback writes is paced: below Cognito's 10 writes per second per user. */
const FEEDBACK_WRITE_INTERVAL_MS = 150;

/**
 * Feedback on authentication events, one or a marked set: confirm first, optimistic rows, one write per event at
 * a time and never a second one, revert on failure, then re-read the list from the server.
 */
export function createFeedbackActions(kit: StoreKit, intervalMs = FEEDBACK_WRITE_INTERVAL_MS): Pick<AppActions, 'askFeedback'> {
  const { get, set, now, list, setList, flash, top, rereadList } = kit;

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

  function patchEvent(ref: ListRef, eventId: string, feedback: AuthEvent['feedback']) {
    setList(ref, updateItems(list<AuthEvent>(ref), (e) => (e.id === eventId ? { ...e, feedback } : undefined)));
  }

  function unmark(ref: ListRef, eventId: string) {
    const key = listKey(ref);
    const marks = get().marks[key];
    if (!marks?.[eventId]) return;
    const { [eventId]: _done, ...rest } = marks;
    set((s) => ({ marks: { ...s.marks, [key]: rest } }));
  }

  function settle(eventId: string) {
    set((s) => {
      const { [eventId]: _sent, ...rest } = s.pendingFeedback;
      return { pendingFeedback: rest };
    });
  }

  async function sendAll(poolId: string, username: string, events: AuthEvent[], value: FeedbackValue) {
    const ref: ListRef = { kind: 'events', poolId, username };
    set((s) => ({ pendingFeedback: { ...s.pendingFeedback, ...Object.fromEntries(events.map((e) => [e.id, value])) } }));
    for (const e of events) patchEvent(ref, e.id, { value, provider: 'sending…' });
    const failures: { event: AuthEvent; reason: string }[] = [];
    for (const [i, event] of events.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
      try {
        await kit.gw.updateAuthEventFeedback(poolId, canonicalUsername(get(), poolId, username), event.id, value);
        settle(event.id);
        patchEvent(ref, event.id, { value, provider: 'Admin', date: now() });
        unmark(ref, event.id);
      } catch (error) {
        settle(event.id);
        patchEvent(ref, event.id, event.feedback);
        failures.push({ event, reason: toListError(error).message });
      }
    }
    const saved = events.length - failures.length;
    if (failures.length === 0) {
      flash('info', events.length === 1 ? `Saved: ${shortEventLabel(events[0], get().timeZone)} marked ${value}.` : `Saved: ${saved} events marked ${value}.`);
    } else {
      const failed: FailedWrite = {
        label: `Mark ${failures.length === 1 ? shortEventLabel(failures[0].event, get().timeZone) : `${failures.length} events`} ${value}`,
        ask: () => confirmFeedback(poolId, username, failures.map((f) => f.event), value, failed),
      };
      set({ failedWrite: failed });
      const reason = writeFailureReason(failures[0].reason);
      flash('error', events.length === 1
        ? `Feedback NOT saved for ${shortEventLabel(events[0], get().timeZone)}: ${reason} ${RETRY_HINT}.`
        : `${saved} of ${events.length} saved; ${failures.length} NOT saved (still marked): ${reason} ${RETRY_HINT}.`);
    }
    rereadList(ref);
  }

  /** Opens the confirmation for marking `all` (those not still being sent); `retrying` is the failed write it repeats. */
  function confirmFeedback(poolId: string, username: string, all: AuthEvent[], value: FeedbackValue, retrying?: FailedWrite) {
    const s = get();
    if (s.readOnly) return flash('warn', 'Read-only mode (--read-only): feedback is not sent. Restart without --read-only to tag events.');
    const busy = all.filter((e) => s.pendingFeedback[e.id]);
    const events = all.filter((e) => !s.pendingFeedback[e.id]);
    if (events.length === 0) {
      return flash('warn', `Feedback for ${all.length === 1 ? shortEventLabel(all[0], get().timeZone) : `these ${all.length} events`} is still being sent; wait for it.`);
    }
    const already = events.filter((e) => e.feedback?.value === value).length;
    const skipped = busy.length ? ` ${busy.length} still being sent are skipped.` : '';
    const again = retrying ? 'Send again: ' : '';
    const onConfirm = () => {
      if (retrying && get().failedWrite === retrying) set({ failedWrite: undefined });
      void sendAll(poolId, username, events, value);
    };
    set({
      confirm: events.length === 1
        ? {
          title: `${again}Mark ${shortEventLabel(events[0], get().timeZone)} as ${value}?`,
          detail: describeFeedback(value, events[0].feedback?.value) + skipped,
          onConfirm,
        }
        : {
          title: `${again}Mark ${events.length} ${retrying ? '' : 'marked '}events of ${username} as ${value}?`,
          detail: `${describeFeedback(value, undefined)} One write per event${already ? `; ${already} already ${value}` : ''}.${skipped}`,
          onConfirm,
        },
    });
  }

  return {
    askFeedback(value) {
      const s = get();
      const route = top();
      if (s.readOnly) return flash('warn', 'Read-only mode (--read-only): feedback is not sent. Restart without --read-only to tag events.');
      if (route.view !== 'events' && route.view !== 'event') return flash('warn', 'No event selected.');
      const all = targets(route);
      if (all.length === 0) return flash('warn', 'No event selected.');
      confirmFeedback(route.poolId, route.username, all, value);
    },
  };
}
