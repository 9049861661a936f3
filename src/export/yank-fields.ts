/** A field of the selection `Y` can copy. */
export type YankFieldName = 'username' | 'email' | 'sub' | 'eventId' | 'ip';

/** One field `Y` offers, with the key that copies it in the picker and its value for the selection. */
export interface YankField {
  name: YankFieldName;
  key: string;
  label: string;
  value: string;
}

/** Every field `Y` can offer, in the order the picker lists them, with the key that picks each. */
export const YANK_FIELDS: readonly Omit<YankField, 'value'>[] = [
  { name: 'username', key: 'u', label: 'username' },
  { name: 'email', key: 'e', label: 'email' },
  { name: 'sub', key: 's', label: 'sub' },
  { name: 'eventId', key: 'i', label: 'event id' },
  { name: 'ip', key: 'a', label: 'IP address' },
];

type Found = Partial<Record<YankFieldName, string>>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function fromUser(user: Record<string, unknown>): Found {
  const attributes = record(user.attributes) ?? {};
  return { username: text(user.username), email: text(attributes.email), sub: text(attributes.sub) };
}

function fromEvent(event: Record<string, unknown>): Found {
  return { eventId: text(event.id), ip: text(event.ip) };
}

function defined(found: Found): Found {
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * What the selected row holds of the fields `Y` copies: a user (username, email, sub), an event (id, IP), a
 * finding or an IP pivot row (the user and their worst or newest event), a journal line (user and event). The
 * user of an events view is `context.username` when the row does not name one.
 */
function found(row: Record<string, unknown>, context: { username?: string }): Found {
  if ('attributes' in row && 'username' in row) return fromUser(row);
  const user = record(row.user);
  if (user) {
    const event = record(row.worst) ?? record((row.events as unknown[] | undefined)?.[0]);
    return { ...(event ? fromEvent(event) : {}), ...defined(fromUser(user)) };
  }
  const target = record(row.target);
  if (target) return { username: text(target.username), eventId: text(target.eventId) };
  if ('id' in row && 'challenges' in row) return { username: context.username, ...defined(fromEvent(row)) };
  return {};
}

/** The fields of `row` that `Y` can copy, in picker order; empty when it holds none. */
export function yankFields(row: unknown, context: { username?: string } = {}): YankField[] {
  const r = record(row);
  if (!r) return [];
  const values = found(r, context);
  return YANK_FIELDS.flatMap((f) => (values[f.name] ? [{ ...f, value: values[f.name]! }] : []));
}
