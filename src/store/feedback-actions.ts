import type { AuthEvent, FeedbackValue } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import type { GatewayError } from '../gateway/errors.ts';
import {
  describeFeedback, isOutcomeUnknown, RETRY_HINT, shortEventLabel, unknownCause, unknownOutcomeText, writeFailureReason,
} from './feedback-text.ts';
import { selectedItem, updateItems } from './paged-list.ts';
import { eventsRefOf, listKey, type ListRef, type Route } from './routes.ts';
import { canonicalUsername } from './selectors.ts';
import type { AppActions, FailedWrite } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** How a batch of feedback writes is paced: below Cognito's 10 writes per second per user. */
const FEEDBACK_WRITE_INTERVAL_MS = 150;

/**
 * Feedback on authentication events, one or a marked set: confirm first, optimistic rows, one write per event at
 * a time and never a second one, revert on failure, then re-read the list from the server. A write whose outcome
 * is unknown stops the batch, and the re-read tells whether it was applied.
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
    let unknown: { event: AuthEvent; error: GatewayError } | undefined;
    let notSent: AuthEvent[] = [];
    for (const [i, event] of events.entries()) {
      if (unknown) {
        notSent = events.slice(i);
        break;
      }
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
      try {
        await kit.gw.updateAuthEventFeedback(poolId, canonicalUsername(get(), poolId, username), event.id, value);
        settle(event.id);
        patchEvent(ref, event.id, { value, provider: 'Admin', date: now() });
        unmark(ref, event.id);
      } catch (error) {
        settle(event.id);
        if (isOutcomeUnknown(error)) {
          unknown = { event, error };
          continue;
        }
        patchEvent(ref, event.id, event.feedback);
        failures.push({ event, reason: toListError(error).message });
      }
    }
    for (const event of notSent) {
      settle(event.id);
      patchEvent(ref, event.id, event.feedback);
    }
    if (unknown) return readBack(ref, username, events, value, { ...unknown, failures, notSent });
    const saved = events.length - failures.length;
    if (failures.length === 0) {
      flash('info', events.length === 1 ? `Saved: ${shortEventLabel(events[0], get().timeZone)} marked ${value}.` : `Saved: ${saved} events marked ${value}.`);
    } else {
      offerResend(poolId, username, failures.map((f) => f.event), value);
      const reason = writeFailureReason(failures[0].reason);
      flash('error', events.length === 1
        ? `Feedback NOT saved for ${shortEventLabel(events[0], get().timeZone)}: ${reason} ${RETRY_HINT}.`
        : `${saved} of ${events.length} saved; ${failures.length} NOT saved (still marked): ${reason} ${RETRY_HINT}.`);
    }
    void rereadList(ref);
  }

  /** Makes R send `events` again, after a new confirmation. */
  function offerResend(poolId: string, username: string, events: AuthEvent[], value: FeedbackValue) {
    const failed: FailedWrite = {
      label: `Mark ${events.length === 1 ? shortEventLabel(events[0], get().timeZone) : `${events.length} events`} ${value}`,
      ask: () => confirmFeedback(poolId, username, events, value, failed),
    };
    set({ failedWrite: failed });
  }

  /**
   * A write whose outcome is unknown: says so, re-reads the events (the one read-back, never a second write) and
   * tells what Cognito now shows for that event; R offers to send again whatever is not applied.
   */
  async function readBack(ref: ListRef & { kind: 'events' }, username: string, events: AuthEvent[], value: FeedbackValue, outcome: {
    event: AuthEvent; error: GatewayError; failures: { event: AuthEvent; reason: string }[]; notSent: AuthEvent[];
  }) {
    const { event, error, failures, notSent } = outcome;
    const zone = get().timeZone;
    const label = shortEventLabel(event, zone);
    flash('warn', unknownOutcomeText(`Mark ${label} ${value}`, error, 'Reading the events back from Cognito…'));
    await rereadList(ref);
    const after = list<AuthEvent>(ref);
    const row = after.loading || after.error ? undefined : after.items.find((e) => e.id === event.id);
    const applied = row?.feedback?.value === value;
    const resend = [...(applied ? [] : [event]), ...failures.map((f) => f.event), ...notSent];
    if (resend.length > 0) offerResend(ref.poolId, username, resend, value);
    if (applied) unmark(ref, event.id);
    let verdict: string;
    if (after.error) {
      verdict = `Mark ${label} ${value}: outcome UNKNOWN (${unknownCause(error)}), and reading it back failed: ${writeFailureReason(after.error.message)} Check the row (r re-reads); R sends it again (asks first).`;
    } else if (!row) {
      verdict = `Mark ${label} ${value}: outcome still UNKNOWN (${unknownCause(error)}): the event was not in what was read back. Check the row (r re-reads); R sends it again (asks first).`;
    } else if (applied) {
      verdict = event.feedback?.value === value
        ? `Cognito shows ${value} for ${label}, as it did before the write: nothing to send again.`
        : `Cognito now shows ${value} for ${label} — the write was applied.`;
    } else {
      verdict = `Cognito still shows ${row.feedback?.value ?? 'no feedback'} for ${label} — not applied; R to send again (asks first).`;
    }
    const saved = events.length - 1 - failures.length - notSent.length;
    const others = [
      saved > 0 ? `${saved} saved` : '',
      failures.length ? `${failures.length} NOT saved (${writeFailureReason(failures[0].reason).replace(/\.$/, '')})` : '',
      notSent.length ? `${notSent.length} not sent (stopped at the unknown outcome)` : '',
    ].filter(Boolean);
    const level = applied && failures.length === 0 && notSent.length === 0 ? 'info' : 'warn';
    const again = failures.length || notSent.length ? '; R sends them again (asks first)' : '';
    flash(level, others.length ? `${verdict} Of the others: ${others.join('; ')}${again}.` : verdict);
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
