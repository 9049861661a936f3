/** Where a write acts: a user of a pool, or one authentication event of that user. */
export interface WriteWhere {
  poolId: string;
  username: string;
  /** The authentication event, for a write on one event (feedback). */
  eventId?: string;
}

/** A write that has been sent and whose outcome is not settled yet. */
export interface InFlightWrite extends WriteWhere {
  /** The Cognito operation sent, e.g. "AdminDisableUser". */
  operation: string;
  /** What it does, as the user asked for it: "disable", "feedback Invalid". */
  write: string;
  /** The value it sets, when it sets one (feedback: Valid or Invalid). */
  value?: string;
  /** How messages name it: "Disable maria". */
  label: string;
  /** 'sending' until Cognito answers; 'reading-back' while an unknown outcome is read back. */
  phase: 'sending' | 'reading-back';
}

/** The writes in flight on one user: on the user itself, and on each of their events by event id. */
export interface UserWritesInFlight {
  user?: InFlightWrite;
  events: ReadonlyMap<string, InFlightWrite>;
}

/** Every write in flight, by pool id then username (nested maps, never joined keys). */
export type WritesInFlight = ReadonlyMap<string, ReadonlyMap<string, UserWritesInFlight>>;

/** No write in flight. */
export const NO_WRITES_IN_FLIGHT: WritesInFlight = new Map();

function userWritesInFlight(writes: WritesInFlight, poolId: string, username: string): UserWritesInFlight | undefined {
  return writes.get(poolId)?.get(username);
}

/** The write in flight at `where`, if any. */
export function inFlightAt(writes: WritesInFlight, where: WriteWhere): InFlightWrite | undefined {
  const slot = userWritesInFlight(writes, where.poolId, where.username);
  return where.eventId === undefined ? slot?.user : slot?.events.get(where.eventId);
}

function replaceSlot(writes: WritesInFlight, where: WriteWhere, entry: InFlightWrite | undefined): WritesInFlight {
  const pool = writes.get(where.poolId);
  const slot: UserWritesInFlight = pool?.get(where.username) ?? { events: new Map() };
  let next: UserWritesInFlight;
  if (where.eventId === undefined) {
    next = { user: entry, events: slot.events };
  } else {
    const events = new Map(slot.events);
    if (entry) events.set(where.eventId, entry);
    else events.delete(where.eventId);
    next = { user: slot.user, events };
  }
  const users = new Map(pool);
  if (next.user || next.events.size > 0) users.set(where.username, next);
  else users.delete(where.username);
  const pools = new Map(writes);
  if (users.size > 0) pools.set(where.poolId, users);
  else pools.delete(where.poolId);
  return pools;
}

/** `writes` with `entry` in flight at its place (replacing what was there). */
export function withInFlight(writes: WritesInFlight, entry: InFlightWrite): WritesInFlight {
  return replaceSlot(writes, entry, entry);
}

/** `writes` without the write at `where`. */
export function withoutInFlight(writes: WritesInFlight, where: WriteWhere): WritesInFlight {
  return inFlightAt(writes, where) ? replaceSlot(writes, where, undefined) : writes;
}

/** Every write in flight, users' writes of a user before their events'. */
export function allInFlight(writes: WritesInFlight): InFlightWrite[] {
  const all: InFlightWrite[] = [];
  for (const users of writes.values()) {
    for (const slot of users.values()) {
      if (slot.user) all.push(slot.user);
      all.push(...slot.events.values());
    }
  }
  return all;
}

/** The value each event of a user is being set to, while it is still being sent, by event id. */
export function eventValuesBeingSent(writes: WritesInFlight, poolId: string, username: string): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const [eventId, w] of userWritesInFlight(writes, poolId, username)?.events ?? []) {
    if (w.phase === 'sending' && w.value !== undefined) values.set(eventId, w.value);
  }
  return values;
}
