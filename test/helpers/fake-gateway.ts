import { GatewayError } from '../../src/gateway/errors.ts';
import type {
  ApiCallRecord, AppClientDetail, AuthEvent, CallOptions, CognitoGateway, Device, FeedbackValue, Group, Page, PoolSummary, RiskConfiguration, User,
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
  groups: Group[] = [{ name: 'admins' }];
  /** Group names by username; a user with no entry is in `admins` only. */
  memberships = new Map<string, string[]>();
  /** Remembered devices by username. */
  devices = new Map<string, Device[]>();
  appClients: AppClientDetail[] = [fakeAppClient('c1', 'web')];
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

  private setStatus(username: string, status: string): void {
    this.requireUser(username);
    this.users = this.users.map((u) => (u.username === username ? { ...u, status } : u));
  }

  private requireUser(username: string): void {
    if (!this.users.some((u) => u.username === username)) throw fakeNotFound('UserNotFoundException', 'User does not exist.');
  }

  private requireGroup(name: string): Group {
    const group = this.groups.find((g) => g.name === name);
    if (group === undefined) throw fakeNotFound('ResourceNotFoundException', 'Group not found.');
    return group;
  }

  private groupNamesOf(username: string): string[] {
    return this.memberships.get(username) ?? ['admins'];
  }

  private setGroups(username: string, groupName: string, member: boolean): void {
    this.requireUser(username);
    this.requireGroup(groupName);
    const others = this.groupNamesOf(username).filter((g) => g !== groupName);
    this.memberships.set(username, member ? [...others, groupName] : others);
  }

  private page<T>(items: T[], token: string | undefined): Page<T> {
    const start = token ? Number(token) : 0;
    const end = start + this.pageSize;
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  }

  listUserPools(token?: string, opts?: CallOptions) { return this.answer('ListUserPools', [token], () => this.page(this.pools, token), opts); }
  describeUserPool(poolId: string, opts?: CallOptions) {
    return this.answer('DescribeUserPool', [poolId], () => ({ id: poolId, name: 'pool', threatProtection: 'ENFORCED' as const, estimatedUsers: this.users.length, usernameAttributes: [], aliasAttributes: [], accountRecovery: [], lambdaTriggers: {}, autoVerifiedAttributes: [] }), opts);
  }
  listAppClients(poolId: string, token?: string, opts?: CallOptions) {
    return this.answer('ListUserPoolClients', [poolId, token], () => this.page(this.appClients.map((c) => ({ id: c.id, name: c.name })), token), opts);
  }
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
  listGroupsForUser(poolId: string, username: string, token?: string, opts?: CallOptions) {
    return this.answer('AdminListGroupsForUser', [poolId, username, token], () => {
      const names = this.groupNamesOf(username);
      return this.page(this.groups.filter((g) => names.includes(g.name)), token);
    }, opts);
  }
  listGroups(poolId: string, token?: string, opts?: CallOptions) { return this.answer('ListGroups', [poolId, token], () => this.page(this.groups, token), opts); }
  listUsersInGroup(poolId: string, groupName: string, token?: string, opts?: CallOptions) {
    return this.answer('ListUsersInGroup', [poolId, groupName, token], () => {
      this.requireGroup(groupName);
      return this.page(this.users.filter((u) => this.groupNamesOf(u.username).includes(groupName)), token);
    }, opts);
  }
  describeAppClient(poolId: string, clientId: string, opts?: CallOptions) {
    return this.answer('DescribeUserPoolClient', [poolId, clientId], () => {
      const client = this.appClients.find((c) => c.id === clientId);
      if (client === undefined) throw fakeNotFound('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
      return client;
    }, opts);
  }
  listDevices(poolId: string, username: string, token?: string, opts?: CallOptions) { return this.answer('AdminListDevices', [poolId, username, token], () => this.page(this.devices.get(username) ?? [], token), opts); }
  listAuthEvents(poolId: string, username: string, token?: string, opts?: CallOptions) { return this.answer('AdminListUserAuthEvents', [poolId, username, token], () => this.page(this.events, token), opts); }
  updateAuthEventFeedback(poolId: string, username: string, eventId: string, value: FeedbackValue) {
    return this.answer('AdminUpdateAuthEventFeedback', [poolId, username, eventId, value], () => {
      this.events = this.events.map((x) => (x.id === eventId ? { ...x, feedback: { value, provider: 'Admin' } } : x));
    });
  }
  describeRiskConfiguration(poolId: string, clientId?: string, opts?: CallOptions) { return this.answer('DescribeRiskConfiguration', [poolId, clientId], () => ({ poolId, clientId }), opts); }
  setRiskConfiguration(poolId: string, clientId: string | undefined, config: RiskConfiguration) {
    return this.answer('SetRiskConfiguration', [poolId, clientId], () => ({ ...config, poolId, clientId }));
  }
  disableUser(poolId: string, username: string) { return this.answer('AdminDisableUser', [poolId, username], () => this.setEnabled(username, false)); }
  enableUser(poolId: string, username: string) { return this.answer('AdminEnableUser', [poolId, username], () => this.setEnabled(username, true)); }
  globalSignOut(poolId: string, username: string) { return this.answer('AdminUserGlobalSignOut', [poolId, username], () => undefined); }
  resetUserPassword(poolId: string, username: string) { return this.answer('AdminResetUserPassword', [poolId, username], () => this.setStatus(username, 'RESET_REQUIRED')); }
  confirmSignUp(poolId: string, username: string) {
    return this.answer('AdminConfirmSignUp', [poolId, username], () => {
      if (this.users.find((u) => u.username === username)?.status === 'CONFIRMED') {
        throw new GatewayError({ kind: 'invalid-input', retryable: false, message: 'Cognito refused AdminConfirmSignUp: User cannot be confirmed. Current status is CONFIRMED', operation: 'AdminConfirmSignUp', awsName: 'NotAuthorizedException' });
      }
      this.setStatus(username, 'CONFIRMED');
    });
  }
  addUserToGroup(poolId: string, username: string, groupName: string) { return this.answer('AdminAddUserToGroup', [poolId, username, groupName], () => this.setGroups(username, groupName, true)); }
  removeUserFromGroup(poolId: string, username: string, groupName: string) { return this.answer('AdminRemoveUserFromGroup', [poolId, username, groupName], () => this.setGroups(username, groupName, false)); }
  forgetDevice(poolId: string, username: string, deviceKey: string) {
    return this.answer('AdminForgetDevice', [poolId, username, deviceKey], () => {
      this.requireUser(username);
      const devices = this.devices.get(username) ?? [];
      if (!devices.some((d) => d.key === deviceKey)) throw fakeNotFound('ResourceNotFoundException', 'Device does not exist.');
      this.devices.set(username, devices.filter((d) => d.key !== deviceKey));
    });
  }
  deleteUser(poolId: string, username: string) {
    return this.answer('AdminDeleteUser', [poolId, username], () => {
      this.requireUser(username);
      this.users = this.users.filter((u) => u.username !== username);
      this.memberships.delete(username);
      this.devices.delete(username);
    });
  }
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

function fakeNotFound(awsName: string, message: string): GatewayError {
  return new GatewayError({ kind: 'not-found', retryable: false, message, operation: 'fake', awsName });
}

/** An app client with no secret, SRP sign-in and one-hour tokens. */
export function fakeAppClient(id: string, name: string, extra: Partial<AppClientDetail> = {}): AppClientDetail {
  return {
    id, name, authFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], oauthFlows: [], oauthScopes: [], callbackUrls: [], logoutUrls: [],
    supportedIdentityProviders: ['COGNITO'], accessTokenValidity: { value: 60, unit: 'minutes' }, idTokenValidity: { value: 60, unit: 'minutes' },
    refreshTokenValidity: { value: 30, unit: 'days' }, readAttributes: [], writeAttributes: [], hasSecret: false, ...extra,
  };
}
