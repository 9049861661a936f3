import { MalformedAnswerError } from './errors.ts';
import { findProblem, kindOf, parseAnswerText } from './answer-checks.ts';
import type { Page, User } from './types.ts';

/**
 * A page of users read straight from the answer's JSON, in one pass that checks what it reads: the same User the
 * SDK's deserializer and toUser make, for a fraction of their work (a G to a million users reads 16,667 pages).
 * Every member it does not know is checked as checkRawAnswer checks a whole answer (no null, dates are numbers).
 */

/** The furthest a Date reaches from 1970, ms: an epoch-seconds number beyond it is no date (the SDK's Date would be invalid). */
const LATEST_MS = 8.64e15;

function fail(message: string): never {
  throw new MalformedAnswerError(message);
}

function present(value: unknown, key: string): unknown {
  if (value === null) fail(`${key} is null`);
  return value;
}

function textOf(value: unknown, key: string, field = key): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return fail(value === null ? `${key} is null` : `${field} is not text (got ${kindOf(value)})`);
}

function dateOf(value: unknown, key: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') return fail(value === null ? `${key} is null` : `${key} is not a date (got ${kindOf(value)})`);
  const ms = Math.round(value * 1000);
  return Number.isFinite(ms) && Math.abs(ms) <= LATEST_MS ? ms : fail(`${key} is not a date (got a number)`);
}

function listOf(value: unknown, key: string): readonly unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return fail(value === null ? `${key} is null` : `${key} is not a list (got ${kindOf(value)})`);
}

function objectOf(value: unknown, key: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return fail(value === null ? `${key} is null` : `${key} is not an object (got ${kindOf(value)})`);
}

/** Fails on what checkRawAnswer would fail on inside a member this reader does not know. */
function checkOther(value: unknown, key: string, depth: number): void {
  const problem = findProblem(value, key, depth);
  if (problem) fail(problem);
}

function readAttributes(value: unknown, field: string, depth: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of listOf(value, field)) {
    const a = objectOf(item, field);
    let name: string | undefined;
    let text: unknown;
    for (const key in a) {
      const v = a[key];
      if (key === 'Name') name = typeof v === 'string' ? v : textOf(v, key, `${field} Name`);
      else if (key === 'Value') text = present(v, key);
      else checkOther(v, key, depth + 2);
    }
    if (name) out[name] = typeof text === 'string' ? text : textOf(text, 'Value', `${field} ${name}`) ?? '';
  }
  return out;
}

function readMfaOptions(value: unknown, depth: number): string[] {
  const out: string[] = [];
  for (const item of listOf(value, 'MFAOptions')) {
    const o = objectOf(item, 'MFAOptions');
    let medium: string | undefined;
    for (const key in o) {
      if (key === 'DeliveryMedium') medium = textOf(o[key], key);
      else checkOther(o[key], key, depth + 2);
    }
    if (medium) out.push(medium);
  }
  return out;
}

/** One user of a ListUsers / ListUsersInGroup answer, as toUser makes it of the SDK's output. */
function readUser(item: unknown, depth: number): User {
  const u = objectOf(item, 'Users');
  let username: string | undefined;
  let enabled: unknown;
  let status: string | undefined;
  let createdAt: number | undefined;
  let modifiedAt: number | undefined;
  let attributes: Record<string, string> | undefined;
  let mfaOptions: string[] | undefined;
  for (const key in u) {
    const v = u[key];
    switch (key) {
      case 'Username': username = textOf(v, key); break;
      case 'Enabled': enabled = present(v, key); break;
      case 'UserStatus': status = textOf(v, key); break;
      case 'UserCreateDate': createdAt = dateOf(v, key); break;
      case 'UserLastModifiedDate': modifiedAt = dateOf(v, key); break;
      case 'Attributes': attributes = readAttributes(v, key, depth); break;
      case 'MFAOptions': mfaOptions = readMfaOptions(v, depth); break;
      default: checkOther(v, key, depth + 1);
    }
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') fail(`Enabled is not true or false (got ${kindOf(enabled)})`);
  return {
    username: username ?? '',
    enabled: enabled !== false,
    status: status ?? 'UNKNOWN',
    createdAt,
    modifiedAt,
    attributes: attributes ?? {},
    mfaOptions: mfaOptions ?? [],
  };
}

/**
 * A ListUsers (`tokenField` PaginationToken) or ListUsersInGroup (NextToken) answer's body → its page of users.
 * Fails with a MalformedAnswerError naming the problem, as the checks and mappers of every other answer do.
 */
export function readUserPage(body: Uint8Array, contentType: string | undefined, tokenField: string): Page<User> {
  const answer = parseAnswerText(body, contentType);
  if (answer === undefined) return { items: [] };
  let items: User[] = [];
  let token: string | undefined;
  for (const key in answer) {
    const v = answer[key];
    if (key === 'Users') items = listOf(v, key).map((item) => readUser(present(item, key), 2));
    else if (key === tokenField) token = textOf(v, key);
    else checkOther(v, key, 1);
  }
  return { items, ...(token ? { nextToken: token } : {}) };
}
