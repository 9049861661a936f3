import type { JournalLine } from '../journal/journal.ts';
import type { StoreKit } from '../store/store-kit.ts';
import { activeJournal } from './journal-outcomes.ts';
import { PLAYBOOK_ACTION } from './playbook-journal.ts';

/** A playbook's own journal line ("playbook started", "playbook finished"): not a call to Cognito. */
export interface MarkerLine {
  poolId: string;
  write: string;
  /** Empty: a playbook's own line touches no user (the report lists it in the timeline only). */
  username: string;
  /** "playbook pb-… (3 users)". */
  label: string;
  /** Names, ids and counts only, never a secret. */
  parameters: Record<string, string>;
  /** The line's action; a playbook's own lines when absent. */
  action?: string;
}

/** Appends a line that is not a call to Cognito (a playbook's own, a pivot) to the journal and resolves once it is on disk; resolves with why not when it could not. */
export async function journalMarker(kit: StoreKit, marker: MarkerLine): Promise<string | undefined> {
  const journal = activeJournal(kit);
  if (journal.dir === undefined) return undefined;
  try {
    const who = kit.gw.whoAmI ? await kit.gw.whoAmI() : { unknown: 'this connection cannot ask sts:GetCallerIdentity' };
    const { target: connection, incident } = kit.get();
    const line: JournalLine = {
      at: new Date(kit.now()).toISOString(), ...(incident ? { incident } : {}), who,
      ...(connection.profile ? { profile: connection.profile } : {}), ...(connection.region ? { region: connection.region } : {}),
      poolId: marker.poolId, action: marker.action ?? PLAYBOOK_ACTION, write: marker.write,
      target: { username: marker.username, label: marker.label }, parameters: marker.parameters, outcome: 'ok',
    };
    await journal.append([line]);
    return undefined;
  } catch (error) {
    return `the journal could not be written (${error instanceof Error ? error.message : String(error)})`;
  }
}
