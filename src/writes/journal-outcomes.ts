import type { JournalLine } from '../journal/journal.ts';
import { NO_JOURNAL } from '../journal/journal.ts';
import type { StoreKit } from '../store/store-kit.ts';
import type { TargetOutcome, WriteSpec } from './write-spec.ts';

/** The journal of the session, or none when it is off (`--no-journal`, or the user went on without it). */
export function activeJournal(kit: StoreKit) {
  return kit.get().journalOff === undefined ? kit.journal ?? NO_JOURNAL : NO_JOURNAL;
}

/** Why the journal cannot be written before a write is sent, or undefined when it can (or is off). */
export function journalProblem(kit: StoreKit): string | undefined {
  return activeJournal(kit).check();
}

/**
 * Appends one journal line per outcome and resolves once they are on disk; resolves with the reason when the
 * journal could not be written (the write itself is over by then: the caller says so, it never throws).
 */
export async function journalOutcomes<T>(kit: StoreKit, spec: WriteSpec<T>, outcomes: TargetOutcome<T>[]): Promise<string | undefined> {
  const journal = activeJournal(kit);
  if (outcomes.length === 0 || journal.dir === undefined) return undefined;
  try {
    const who = kit.gw.whoAmI ? await kit.gw.whoAmI() : { unknown: 'this connection cannot ask sts:GetCallerIdentity' };
    const { target: connection, incident } = kit.get();
    const at = new Date(kit.now()).toISOString();
    const lines = outcomes.map((o): JournalLine => {
      const where = spec.where(o.target);
      return {
        at, ...(incident ? { incident } : {}), who,
        ...(connection.profile ? { profile: connection.profile } : {}), ...(connection.region ? { region: connection.region } : {}),
        poolId: where.poolId, action: spec.operation, write: spec.write,
        target: { username: where.username, ...(where.eventId ? { eventId: where.eventId } : {}), label: o.label },
        parameters: { ...(spec.value !== undefined ? { value: spec.value } : {}), ...spec.parameters?.(o.target) },
        outcome: o.outcome, ...(o.readBack ? { readBack: o.readBack } : {}), ...(o.message ? { message: o.message } : {}),
        ...(o.requestId ? { requestId: o.requestId } : {}),
      };
    });
    await journal.append(lines);
    return undefined;
  } catch (error) {
    return `the journal could not be written (${error instanceof Error ? error.message : String(error)})`;
  }
}
