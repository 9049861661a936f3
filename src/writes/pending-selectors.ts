import type { UserWrite } from '../store/state.ts';
import { inFlightAt, type WritesInFlight } from './in-flight.ts';

const USER_WRITES: ReadonlySet<string> = new Set<UserWrite>(['disable', 'enable', 'sign-out']);

function isUserWrite(write: string): write is UserWrite {
  return USER_WRITES.has(write);
}

/** The write in flight on a user (until its outcome is settled, read-back included), if any. */
export function pendingUserWrite(writes: WritesInFlight, poolId: string, username: string): UserWrite | undefined {
  const w = inFlightAt(writes, { poolId, username });
  return w && isUserWrite(w.write) ? w.write : undefined;
}

/** The label of a write in flight on a user that is not a disable, enable or sign-out ("Reset the password of maria"). */
export function otherUserWrite(writes: WritesInFlight, poolId: string, username: string): string | undefined {
  const w = inFlightAt(writes, { poolId, username });
  return w && !isUserWrite(w.write) ? w.label : undefined;
}

/** The feedback value an event is being set to, while it is being sent. */
export function feedbackBeingSent(writes: WritesInFlight, poolId: string, username: string, eventId: string): string | undefined {
  const w = inFlightAt(writes, { poolId, username, eventId });
  return w?.phase === 'sending' ? w.value : undefined;
}
