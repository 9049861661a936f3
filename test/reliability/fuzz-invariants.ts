import type { RecordedRequest } from '../../src/emulator/index.ts';
import type { AuthEvent, CognitoGateway } from '../../src/gateway/types.ts';
import { applyEventView, isFiltering } from '../../src/store/displayed-list.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { tupleParts } from '../../src/store/routes.ts';
import type { AppState } from '../../src/store/state.ts';
import { WRITE_OPERATIONS } from './writes.ts';

/** What is wrong with the lists of one state; `staleWindows` names lists whose stored window has lost the cursor. */
export interface ListCheck {
  violations: string[];
}

function checkList(name: string, l: PagedList<unknown>, out: ListCheck): void {
  const n = l.items.length;
  const where = `${name} (items ${n}, cursor ${l.cursor}${l.loading ? ', loading' : ''}${l.error ? ', error' : ''})`;
  if (!Number.isInteger(l.cursor)) out.violations.push(`${where}: the cursor is not a whole number`);
  if (n === 0) {
    if (!l.loading && l.cursor !== 0) out.violations.push(`${where}: an empty list keeps a cursor`);
    return;
  }
  if (l.cursor < 0 || l.cursor >= n) out.violations.push(`${where}: cursor outside the list`);
}

/** Labels a store key for a message (a tuple of its parts). */
function label(key: string): string {
  const parts = tupleParts(key);
  return parts.length > 0 ? parts.join('/') : key;
}

/**
 * Checks every stored list and every filtered event view: the cursor inside its rows (0 when empty, unless a
 * reload is under way). The window is the list view's: it is computed from the cursor whenever it draws.
 */
export function checkLists(state: AppState): ListCheck {
  const out: ListCheck = { violations: [] };
  for (const [key, list] of Object.entries(state.lists)) {
    checkList(label(key), list, out);
    const view = state.eventViews[key];
    if (tupleParts(key)[0] === 'events' && isFiltering(view)) {
      checkList(`${label(key)} filtered`, applyEventView(list as PagedList<AuthEvent>, view), out);
    }
  }
  return out;
}

/** One write the app asked the gateway for, and how it ended. */
export interface LedgerEntry {
  operation: string;
  key: string;
  outcome: 'pending' | 'ok' | 'failed';
}

const WRITE_METHODS = {
  updateAuthEventFeedback: 'AdminUpdateAuthEventFeedback',
  disableUser: 'AdminDisableUser',
  enableUser: 'AdminEnableUser',
  globalSignOut: 'AdminUserGlobalSignOut',
  resetUserPassword: 'AdminResetUserPassword',
  addUserToGroup: 'AdminAddUserToGroup',
  removeUserFromGroup: 'AdminRemoveUserFromGroup',
  forgetDevice: 'AdminForgetDevice',
  confirmSignUp: 'AdminConfirmSignUp',
  deleteUser: 'AdminDeleteUser',
} as const;

/** The identity of a write on the wire: the operation and what it is about. */
export function requestKey(operation: string, body: unknown): string {
  const b = body as { EventId?: string; Username?: string };
  return `${operation}:${b.EventId ?? b.Username ?? '?'}`;
}

/** Wraps a gateway to record every write the app sends through it, so the emulator's record can be checked against it. */
export class WriteLedger {
  readonly entries: LedgerEntry[] = [];

  wrap(gateway: CognitoGateway): CognitoGateway {
    const overrides = new Map<string | symbol, unknown>();
    for (const [method, operation] of Object.entries(WRITE_METHODS)) {
      overrides.set(method, (...args: string[]) => {
        const body = method === 'updateAuthEventFeedback' ? { Username: args[1], EventId: args[2] } : { Username: args[1] };
        const entry: LedgerEntry = { operation, key: requestKey(operation, body), outcome: 'pending' };
        this.entries.push(entry);
        const call = (gateway[method as keyof typeof WRITE_METHODS] as (...a: string[]) => Promise<void>).apply(gateway, args);
        return call.then(
          (value) => { entry.outcome = 'ok'; return value; },
          (error: unknown) => { entry.outcome = 'failed'; throw error; },
        );
      });
    }
    return new Proxy(gateway, {
      get(target, prop) {
        if (overrides.has(prop)) return overrides.get(prop);
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  get pending(): number {
    return this.entries.filter((e) => e.outcome === 'pending').length;
  }

  /**
   * Compares with what the emulator applied (HTTP 200): a write the app saw succeed must have been applied once
   * (else it was lost), and nothing may be applied more often than the app saw it succeed (else it was duplicated).
   */
  audit(requests: readonly RecordedRequest[]): { lost: string[]; duplicated: string[]; applied: number } {
    const applied = new Map<string, number>();
    let total = 0;
    for (const r of requests) {
      if (!WRITE_OPERATIONS.has(r.operation) || r.status !== 200) continue;
      const key = requestKey(r.operation, r.body);
      applied.set(key, (applied.get(key) ?? 0) + 1);
      total++;
    }
    const ok = new Map<string, number>();
    for (const e of this.entries) if (e.outcome === 'ok') ok.set(e.key, (ok.get(e.key) ?? 0) + 1);
    const lost: string[] = [];
    const duplicated: string[] = [];
    for (const key of new Set([...applied.keys(), ...ok.keys()])) {
      const a = applied.get(key) ?? 0;
      const o = ok.get(key) ?? 0;
      if (a < o) lost.push(`${key}: app saw ${o} succeed, emulator applied ${a}`);
      if (a > o) duplicated.push(`${key}: emulator applied ${a}, app saw ${o} succeed`);
    }
    return { lost, duplicated, applied: total };
  }
}

/** Requests the emulator answered with an injected fault: throttled, internal error, or dropped. */
export function faultsInjected(requests: readonly RecordedRequest[]): number {
  return requests.filter((r) => r.status === 0 || r.errorType === 'TooManyRequestsException' || (r.errorType === 'InternalErrorException' && r.status === 500)).length;
}
