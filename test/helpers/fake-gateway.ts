import { GatewayError } from '../../src/gateway/errors.ts';
import type {
  ApiCallRecord, AuthEvent, CallOptions, CognitoGateway, FeedbackValue, Page, PoolSummary, User,
} from '../../src/gateway/types.ts';

/** A call the fake received. */
export interface FakeCall {
  op: string;
  args: unknown[];
  /** The signal the caller passed, if any. */
  signal?: AbortSignal;
}

/** Answers a list operation in place of the fake's data: `n` counts the calls of that operation so far, from 0. */
export type FakePager = (token: string | undefined, n: number) => Page<unknown>;

/** What an aborted fake call rejects with, as the SDK gateway does: an error named AbortError. */
export function fakeAbortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}

/** An in-memory gateway for store tests: data from arrays, pages of `pageSize`, failures on demand. */
export class FakeGateway implements CognitoGateway {
  readonly target = { region: 'us-test-1' };
  readonly calls: FakeCall[] = [];
  pools: PoolSummary[] = [{ id: 'us-test-1_Pool1', name: 'pool-one' }, { id: 'us-test-1_Pool2', name: 'pool-two' }];
  users: User[] = [];
  events: AuthEvent[] = [];
  pageSize = 60;
  /** Operations that fail with this error until cleared. */
  failing = new Map<string, GatewayError>();
  /** Failing operations whose effect is applied at the server before the failure (a write whose answer was lost). */
  appliedBeforeFailing = new Set<string>();
  /** When set, calls wait for release() (or their signal) before answering. */
  hold = false;
  /** Misbehaving servers, by operation: pages from a function instead of the data (empty pages, the same token…). */
  pagers = new Map<string, FakePager>();
  private held: (() => void)[] = [];
  private listeners = new Set<(r: ApiCallRecord) => void>();

  subscribeCalls(listener: (r: ApiCallRecord) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets every held call answer. */
  release() {
    const h = this.held;
    this.held = [];
    for (const go of h) go();
  }

  /** Calls of `op` (of one pool when `poolId` is given: its first argument). */
  count(op: string, poolId?: string): number {
    return this.calls.filter((c) => c.op === op && (poolId === undefined || c.args[0] === poolId)).length;
  }

  /** Calls whose signal has aborted. */
  aborted(op?: string): number {
    return this.calls.filter((c) => (!op || c.op === op) && c.signal?.aborted).length;
  }

  private async answer<T>(op: string, args: unknown[], value: () => T, opts?: CallOptions): Promise<T> {
    const signal = opts?.signal;
    const n = this.count(op);
    this.calls.push({ op, args, ...(signal ? { signal } : {}) });
    if (signal?.aborted) throw fakeAbortError();
    if (this.hold) {
      await new Promise<void>((resolve, reject) => {
        this.held.push(resolve);
        signal?.addEventListener('abort', () => reject(fakeAbortError()), { once: true });
      });
    } else await Promise.resolve();
    if (signal?.aborted) throw fakeAbortError();
    const pager = this.pagers.get(op);
    if (pager) {
      const token = args[args.length - 1] as string | undefined;
      value = () => pager(token, n) as T;
    }
    const failure = this.failing.get(op);
    for (const l of this.listeners) l({ operation: op, ms: 0, ok: !failure, attempts: 1, errorName: failure?.awsName });
    if (failure) {
      if (this.appliedBeforeFailing.has(op)) value();
      throw failure;
    }
    return value();
  }

  private setEnabled(username: string, enabled: boolean): void {
    this.users = this.users.map((u) => (u.username === username ? { ...u, enabled } : u));
  }

  private page<T>(items: T[], token: string | undefined): Page<T> {
    const start = token ? Number(token) : 0;
    const end = start + this.pageSize;
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  }

  listUserPools(token?: string, opts?: CallOptions) { return this.answer('ListUserPools', [token], () => this.page(this.pools, token), opts); }
  describeUserPool(poolId: string, opts?: CallOptions) {
    return this.answer('DescribeUserPool', [poolId], () => ({ id: poolId, name: 'pool', threatProtection: 'ENFORCED' as const, estimatedUsers: this.users.length, usernameAttributes: [], aliasAttributes: [] }), opts);
  }
  listAppClients(poolId: string, token?: string, opts?: CallOptions) { return this.answer('ListUserPoolClients', [poolId, token], () => this.page([{ id: 'c1', name: 'web' }], token), opts); }
  listUsers(poolId: string, filter: string | undefined, token?: string, opts?: CallOptions) {
    return this.answer('ListUsers', [poolId, filter, token], () => {
      const m = filter ? /^(\w+) (\^?=) "(.*)"$/.exec(filter) : null;
      const items = m
        ? this.users.filter((u) => {
          const v = m[1] === 'username' ? u.username : u.attributes[m[1]] ?? '';
          return m[2] === '=' ? v === m[3] : v.startsWith(m[3]);
        })
        : this.users;
      return this.page(items, token);
    }, opts);
  }
  listGroupsForUser(poolId: string, username: string, token?: string, opts?: CallOptions) { return this.answer('AdminListGroupsForUser', [poolId, username, token], () => this.page([{ name: 'admins' }], token), opts); }
  listDevices(poolId: string, username: string, token?: string, opts?: CallOptions) { return this.answer('AdminListDevices', [poolId, username, token], () => this.page([], token), opts); }
  listAuthEvents(poolId: string, username: string, token?: string, opts?: CallOptions) { return this.answer('AdminListUserAuthEvents', [poolId, username, token], () => this.page(this.events, token), opts); }
  updateAuthEventFeedback(poolId: string, username: string, eventId: string, value: FeedbackValue) {
    return this.answer('AdminUpdateAuthEventFeedback', [poolId, username, eventId, value], () => {
      this.events = this.events.map((x) => (x.id === eventId ? { ...x, feedback: { value, provider: 'Admin' } } : x));
    });
  }
  describeRiskConfiguration(poolId: string, clientId?: string, opts?: CallOptions) { return this.answer('DescribeRiskConfiguration', [poolId, clientId], () => ({ poolId, clientId }), opts); }
  disableUser(poolId: string, username: string) { return this.answer('AdminDisableUser', [poolId, username], () => this.setEnabled(username, false)); }
  enableUser(poolId: string, username: string) { return this.answer('AdminEnableUser', [poolId, username], () => this.setEnabled(username, true)); }
  globalSignOut(poolId: string, username: string) { return this.answer('AdminUserGlobalSignOut', [poolId, username], () => undefined); }
}

/** `n` users named user00000…, with emails. */
export function makeUsers(n: number): User[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `user${String(i).padStart(5, '0')}`;
    return { username: name, enabled: true, status: 'CONFIRMED', attributes: { email: `${name}@example.com`, sub: `sub-${i}` }, mfaOptions: [] };
  });
}

/** `n` events, newest first. */
export function makeEvents(n: number): AuthEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `evt-${String(i).padStart(4, '0')}-0000-0000`, type: 'SignIn', createdAt: 1_700_000_000_000 - i * 60_000, response: 'Pass',
    riskLevel: i % 10 === 0 ? 'High' : 'Low', riskDecision: i % 10 === 0 ? 'AccountTakeover' : 'NoRisk', challenges: [],
  }));
}
