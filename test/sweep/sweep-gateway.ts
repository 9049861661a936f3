import { GatewayError } from '../../src/gateway/errors.ts';
import type { AuthEvent, CognitoGateway, Page, User } from '../../src/gateway/types.ts';
import type { VirtualTime } from './virtual-time.ts';

/** A call the sweep made, with the simulated time it was sent. */
export interface SweepCall {
  op: 'ListUsers' | 'AdminListUserAuthEvents';
  at: number;
  poolId: string;
  filter?: string;
  username?: string;
  token?: string;
}

/** Returns an error to answer a call with instead of data, or undefined to answer normally. */
export type FailureRule = (call: SweepCall, callsSoFar: SweepCall[]) => Error | undefined;

/** A gateway for sweep tests: users and events in memory, simulated latency, failures by rule. */
export class SweepGateway implements CognitoGateway {
  readonly target = { region: 'us-test-1' };
  readonly calls: SweepCall[] = [];
  readonly answered: SweepCall[] = [];
  users: User[] = [];
  events = new Map<string, AuthEvent[]>();
  usersPageSize = 60;
  eventsPageSize = 60;
  latencyMs = 0;
  fail: FailureRule = () => undefined;

  constructor(private readonly time: VirtualTime) {}

  private async answer<T>(call: SweepCall, value: () => T): Promise<T> {
    this.calls.push(call);
    const failure = this.fail(call, this.calls);
    if (this.latencyMs > 0) await this.time.sleep(this.latencyMs);
    else await Promise.resolve();
    this.answered.push(call);
    if (failure) throw failure;
    return value();
  }

  private page<T>(items: T[], size: number, token: string | undefined): Page<T> {
    const start = token ? Number(token) : 0;
    const end = start + size;
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
  }

  listUsers(poolId: string, filter: string | undefined, token?: string): Promise<Page<User>> {
    return this.answer({ op: 'ListUsers', at: this.time.now, poolId, filter, token }, () => {
      const prefix = filter ? /^username \^= "(.*)"$/.exec(filter)?.[1] : undefined;
      const users = prefix === undefined ? this.users : this.users.filter((u) => u.username.startsWith(prefix));
      return this.page(users, this.usersPageSize, token);
    });
  }

  listAuthEvents(poolId: string, username: string, token?: string): Promise<Page<AuthEvent>> {
    return this.answer({ op: 'AdminListUserAuthEvents', at: this.time.now, poolId, username, token },
      () => this.page(this.events.get(username) ?? [], this.eventsPageSize, token));
  }

  subscribeCalls() { return () => undefined; }
  listUserPools(): never { throw new Error('not used by the sweep'); }
  describeUserPool(): never { throw new Error('not used by the sweep'); }
  listAppClients(): never { throw new Error('not used by the sweep'); }
  listGroupsForUser(): never { throw new Error('not used by the sweep'); }
  listDevices(): never { throw new Error('not used by the sweep'); }
  updateAuthEventFeedback(): never { throw new Error('not used by the sweep'); }
  describeRiskConfiguration(): never { throw new Error('not used by the sweep'); }
  disableUser(): never { throw new Error('not used by the sweep'); }
  enableUser(): never { throw new Error('not used by the sweep'); }
  globalSignOut(): never { throw new Error('not used by the sweep'); }
  describeAppClient(): never { throw new Error('not used by the sweep'); }
  listGroups(): never { throw new Error('not used by the sweep'); }
  listUsersInGroup(): never { throw new Error('not used by the sweep'); }
  resetUserPassword(): never { throw new Error('not used by the sweep'); }
  addUserToGroup(): never { throw new Error('not used by the sweep'); }
  removeUserFromGroup(): never { throw new Error('not used by the sweep'); }
  forgetDevice(): never { throw new Error('not used by the sweep'); }
  confirmSignUp(): never { throw new Error('not used by the sweep'); }
  deleteUser(): never { throw new Error('not used by the sweep'); }
  setRiskConfiguration(): never { throw new Error('not used by the sweep'); }
}

/** `n` users named u0000… */
export function sweepUsers(n: number): User[] {
  return Array.from({ length: n }, (_, i) => ({
    username: `u${String(i).padStart(4, '0')}`, enabled: true, status: 'CONFIRMED', attributes: {}, mfaOptions: [],
  }));
}

/** An event with the given fields, otherwise a quiet successful sign-in. */
export function sweepEvent(id: string, fields: Partial<AuthEvent> = {}): AuthEvent {
  return { id, type: 'SignIn', response: 'Pass', riskLevel: 'Low', riskDecision: 'NoRisk', compromisedCredentials: false, challenges: [], ...fields };
}

/** A throttle as the gateway reports it. */
export function throttle(operation: string): GatewayError {
  return new GatewayError({ kind: 'throttled', retryable: true, message: `Cognito throttled ${operation}`, operation, awsName: 'TooManyRequestsException' });
}

/** Largest number of calls in any window of `windowMs` (half-open), given their send times. */
export function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
