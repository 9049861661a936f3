import type { GatewayError } from '../gateway/errors.ts';
import type { AuthEvent, FeedbackValue } from '../gateway/types.ts';
import { describeFeedback, shortEventLabel, unknownCause, unknownOutcomeText, writeFailureReason } from '../store/feedback-text.ts';
import { updateItems } from '../store/paged-list.ts';
import { listKey, type ListRef } from '../store/routes.ts';
import { canonicalUsername } from '../store/selectors.ts';
import type { StoreKit } from '../store/store-kit.ts';
import type { ReadBack, WriteSpec } from './write-spec.ts';

/**
 * Feedback (Valid or Invalid) on authentication events of one user: rows show it while it is sent, a sent event is
 * unmarked, the list is re-read afterwards, and an unknown outcome is read back by re-reading the list.
 */
export function feedbackSpec(kit: StoreKit, poolId: string, username: string, value: FeedbackValue): WriteSpec<AuthEvent> {
  const ref: ListRef & { kind: 'events' } = { kind: 'events', poolId, username };
  const label = (e: AuthEvent) => shortEventLabel(e, kit.get().timeZone);

  function patchEvent(eventId: string, feedback: AuthEvent['feedback']) {
    kit.setList(ref, updateItems(kit.list<AuthEvent>(ref), (e) => (e.id === eventId ? { ...e, feedback } : undefined)));
  }

  function unmark(eventId: string) {
    const key = listKey(ref);
    const marks = kit.get().marks[key];
    if (!marks?.[eventId]) return;
    const { [eventId]: _done, ...rest } = marks;
    kit.set((s) => ({ marks: { ...s.marks, [key]: rest } }));
  }

  async function readBack(event: AuthEvent, error: GatewayError): Promise<ReadBack> {
    await kit.rereadList(ref);
    const after = kit.list<AuthEvent>(ref);
    const row = after.loading || after.error ? undefined : after.items.find((e) => e.id === event.id);
    const what = `Mark ${label(event)} ${value}`;
    if (after.error) {
      return { state: 'unknown', message: `${what}: outcome UNKNOWN (${unknownCause(error)}), and reading it back failed: ${writeFailureReason(after.error.message)} Check the row (r re-reads); R sends it again (asks first).` };
    }
    if (!row) {
      return { state: 'unknown', message: `${what}: outcome still UNKNOWN (${unknownCause(error)}): the event was not in what was read back. Check the row (r re-reads); R sends it again (asks first).` };
    }
    if (row.feedback?.value !== value) {
      return { state: 'not-applied', message: `Cognito still shows ${row.feedback?.value ?? 'no feedback'} for ${label(event)} — not applied; R to send again (asks first).` };
    }
    unmark(event.id);
    return {
      state: 'applied',
      message: event.feedback?.value === value
        ? `Cognito shows ${value} for ${label(event)}, as it did before the write: nothing to send again.`
        : `Cognito now shows ${value} for ${label(event)} — the write was applied.`,
    };
  }

  return {
    operation: 'AdminUpdateAuthEventFeedback',
    write: `feedback ${value}`,
    value,
    where: (e) => ({ poolId, username, eventId: e.id }),
    label,
    send: (gw, e) => gw.updateAuthEventFeedback(poolId, canonicalUsername(kit.get(), poolId, username), e.id, value),
    title: (events, retry) => (events.length === 1
      ? `Mark ${label(events[0])} as ${value}?`
      : `Mark ${events.length} ${retry ? '' : 'marked '}events of ${username} as ${value}?`),
    detail: (events) => {
      if (events.length === 1) return describeFeedback(value, events[0].feedback?.value);
      const already = events.filter((e) => e.feedback?.value === value).length;
      return `${describeFeedback(value, undefined)} One write per event${already ? `; ${already} already ${value}` : ''}.`;
    },
    optimistic: (e) => patchEvent(e.id, { value, provider: 'sending…' }),
    revert: (e) => patchEvent(e.id, e.feedback),
    onSent: (e) => {
      patchEvent(e.id, { value, provider: 'Admin', date: kit.now() });
      unmark(e.id);
    },
    afterSuccess: () => kit.rereadList(ref),
    readBack,
    texts: {
      what: (events) => `Mark ${events.length === 1 ? label(events[0]) : `${events.length} events`} ${value}`,
      succeeded: (events) => (events.length === 1 ? `Saved: ${label(events[0])} marked ${value}.` : `Saved: ${events.length} events marked ${value}.`),
      failed: (e, reason) => `Feedback NOT saved for ${label(e)}: ${reason}`,
      unknown: (e, error) => unknownOutcomeText(`Mark ${label(e)} ${value}`, error, 'Reading the events back from Cognito…'),
      done: 'saved',
      notDone: 'NOT saved',
    },
  };
}
