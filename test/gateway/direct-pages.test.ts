import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import type { AdversarySettings, EmulatorFaults, RunningEmulator } from '../../src/emulator/index.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway, type SdkGatewayOptions } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord, CognitoGateway, Page, User } from '../../src/gateway/types.ts';

/** Everything a caller can see of one call: its pages or its error, its call records, the requests the server got. */
interface Seen {
  outcome: unknown;
  records: unknown[];
  arrivals: number;
}

type Read = (gw: CognitoGateway, signal?: AbortSignal) => Promise<unknown>;

const USERS = 150;

/** Pages of a walk, at most `max` (a server that never ends one is cut off there). */
function walk(read: (gw: CognitoGateway, token?: string, signal?: AbortSignal) => Promise<Page<User>>, max = 6): Read {
  return async (gw, signal) => {
    const pages: Page<User>[] = [];
    let token: string | undefined;
    do {
      const page = await read(gw, token, signal);
      pages.push(page);
      token = page.nextToken;
    } while (token && pages.length < max);
    return pages;
  };
}

const listUsers = (filter?: string, max?: number) => walk((gw, token, signal) => gw.listUsers(LARGE_POOL_ID, filter, token, { signal }), max);
const firstPage: Read = (gw, signal) => gw.listUsers(LARGE_POOL_ID, undefined, undefined, { signal });

/** The emulator's page tokens carry the time they were made: pages agree when their tokens agree but for it. */
function withoutTokenTimes(value: unknown): unknown {
  const pages = Array.isArray(value) ? value as Page<User>[] : [value as Page<User>];
  const cut = (token: string | undefined) => token && JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).p;
  return pages.map((p) => ({ ...p, nextToken: cut(p.nextToken) }));
}

function errorFacts(error: unknown) {
  if (!(error instanceof GatewayError)) return { notAGatewayError: String(error) };
  const { name, kind, retryable, message, operation, awsName } = error;
  return { name, kind, retryable, message, operation, awsName };
}

function recordFacts(r: ApiCallRecord) {
  const { ms: _ms, requestId, ...rest } = r;
  return { ...rest, requestId: requestId === undefined ? 'none' : 'some' };
}

/** Counts the requests each SDK client sends through its middleware stack, by command. */
function countSdkSends() {
  const counts = new Map<string, number>();
  const original = CognitoIdentityProviderClient.prototype.send;
  CognitoIdentityProviderClient.prototype.send = function send(this: CognitoIdentityProviderClient, command: { constructor: { name: string } }, ...rest: unknown[]) {
    counts.set(command.constructor.name, (counts.get(command.constructor.name) ?? 0) + 1);
    return (original as (...a: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof original;
  return { count: (name: string) => counts.get(name) ?? 0, restore: () => { CognitoIdentityProviderClient.prototype.send = original; } };
}

describe('pages of users sent directly and through the SDK: the same pages, errors, records and requests', () => {
  let emu: RunningEmulator;
  let sends: ReturnType<typeof countSdkSends>;
  before(async () => {
    emu = await startEmulator({ usersInLargePool: USERS });
    sends = countSdkSends();
  });
  after(async () => {
    sends.restore();
    await emu.close();
  });

  /** A direct gateway and an SDK one, each having sent one ListUsers and one ListUsersInGroup as it would at first. */
  async function pair(extra: Partial<SdkGatewayOptions> = {}) {
    const base = { region: 'us-east-1', endpoint: emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, readRetryBaseMs: 1, maxReadAttempts: 3, ...extra };
    const both = { direct: createSdkGateway(base), sdk: createSdkGateway({ ...base, directUserPages: false }) };
    emu.setAdversary({});
    emu.setFaults({});
    for (const gw of [both.direct, both.sdk]) {
      await gw.listUsers(LARGE_POOL_ID, undefined);
      await gw.listUsersInGroup(LARGE_POOL_ID, 'admins');
    }
    return both;
  }

  async function run(gw: CognitoGateway, read: Read, setup: () => void, signal?: () => AbortSignal): Promise<Seen> {
    setup();
    const records: ApiCallRecord[] = [];
    const stop = gw.subscribeCalls((r) => records.push(r));
    const before = emu.requests.filter((r) => r.operation.startsWith('ListUsers')).length;
    let outcome: unknown;
    try {
      outcome = { pages: withoutTokenTimes(await read(gw, signal?.())) };
    } catch (error) {
      outcome = { error: errorFacts(error) };
    } finally {
      stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const arrivals = emu.requests.filter((r) => r.operation.startsWith('ListUsers')).length - before;
    return { outcome, records: records.map(recordFacts), arrivals };
  }

  /** Runs `read` on both gateways under the same server behaviour and checks that a caller sees no difference. */
  async function agree(read: Read, server: { adversary?: AdversarySettings; faults?: EmulatorFaults }, options: Partial<SdkGatewayOptions> = {}, signal?: () => AbortSignal): Promise<Seen> {
    const { direct, sdk } = await pair(options);
    const setup = () => {
      emu.setAdversary(server.adversary ?? {});
      emu.setFaults(server.faults ?? {});
    };
    const directSends = sends.count('ListUsersCommand') + sends.count('ListUsersInGroupCommand');
    const a = await run(direct, read, setup, signal);
    assert.equal(sends.count('ListUsersCommand') + sends.count('ListUsersInGroupCommand'), directSends, 'the direct gateway sent no page through the SDK');
    const b = await run(sdk, read, setup, signal);
    assert.deepStrictEqual(a, b);
    emu.setAdversary({});
    emu.setFaults({});
    return a;
  }

  it('walks the pool, a search and a group to the same pages', async () => {
    const all = await agree(listUsers(undefined, 10), {});
    assert.equal((all.outcome as { pages: Page<User>[] }).pages.flatMap((p) => p.items).length, USERS);
    assert.equal(all.arrivals, Math.ceil(USERS / 60), 'one request per page');
    await agree(listUsers('email ^= "a"'), {});
    await agree(listUsers('cognito:user_status = "CONFIRMED"'), {});
    const group = await agree(walk((gw, token, signal) => gw.listUsersInGroup(LARGE_POOL_ID, 'admins', token, { signal })), {});
    assert.ok((group.outcome as { pages: Page<User>[] }).pages[0].items.length > 0);
  });

  it('pages a strange server sends: empty pages, the same token, repeated pages, combining floods, huge fields', async () => {
    for (const mode of ['empty-pages', 'same-token', 'repeat-pages', 'combining-flood', 'huge-field'] as const) {
      await agree(listUsers(undefined, 5), { adversary: { ListUsers: { mode, times: 3 } } });
    }
  });

  it('malformed answers: wrong types, an HTML page, cut-off JSON', async () => {
    for (const variant of ['all', 'number-for-string', 'string-date', 'null-lists', 'null-page'] as const) {
      const seen = await agree(firstPage, { adversary: { ListUsers: { mode: 'wrong-types', variant } } });
      assert.equal((seen.outcome as { error: { kind: string } }).error.kind, 'malformed');
    }
    await agree(firstPage, { adversary: { ListUsers: { mode: 'html-200' } } });
    await agree(firstPage, { adversary: { ListUsers: { mode: 'truncated-json' } } });
  });

  it('5xx answers and reset connections: retried the same number of times, failing or recovering the same way', async () => {
    const failing = await agree(firstPage, { adversary: { ListUsers: { mode: 'server-error' } } });
    assert.equal(failing.arrivals, 3);
    await agree(firstPage, { adversary: { ListUsers: { mode: 'server-error', times: 1 } } });
    const reset = await agree(firstPage, { adversary: { ListUsers: { mode: 'reset' } } });
    assert.equal((reset.outcome as { error: { kind: string } }).error.kind, 'network');
    await agree(firstPage, { adversary: { ListUsers: { mode: 'reset', times: 2 } } });
  });

  it('every Cognito error: the same kind, message, AWS name, retries and request id', async () => {
    const errors: [string, number?][] = [
      ['ResourceNotFoundException'], ['NotAuthorizedException'], ['InvalidParameterException'], ['TooManyRequestsException'],
      ['InternalErrorException', 500], ['AccessDeniedException'], ['UserPoolAddOnNotEnabledException'], ['ExpiredTokenException'],
      ['UnrecognizedClientException'], ['InvalidSignatureException', 403], ['ThrottlingException'], ['SomethingNewException'],
      ['ServiceUnavailable', 503],
    ];
    for (const [type, status] of errors) {
      const seen = await agree(firstPage, { faults: { operationErrors: { ListUsers: { type, status, message: `${type} said so.` } } } });
      assert.equal((seen.outcome as { error: { awsName: string } }).error.awsName, type);
    }
    const throttled = await agree(firstPage, { faults: { operationErrors: { ListUsers: { type: 'TooManyRequestsException' } } } });
    assert.equal(throttled.arrivals, 3);
    await agree(listUsers('nonsense ~ "x"'), {});
    await agree((gw) => gw.listUsers('us-east-1_Nope00000', undefined), {});
    await agree((gw) => gw.listUsersInGroup(LARGE_POOL_ID, 'no-such-group'), {});
  });

  it('deadlines and aborts: a hung or dribbling answer times out, an aborted call is aborted, and none is resent', async () => {
    const hung = await agree(firstPage, { adversary: { ListUsers: { mode: 'hang' } } }, { readDeadlineMs: 300 });
    assert.deepEqual([(hung.outcome as { error: { kind: string } }).error.kind, hung.arrivals], ['timeout', 1]);
    await agree(firstPage, { adversary: { ListUsers: { mode: 'slowloris', intervalMs: 100 } } }, { readDeadlineMs: 300 });
    await agree(firstPage, { adversary: { ListUsers: { mode: 'hang' } } }, {}, () => AbortSignal.timeout(150));
    const early = await agree(firstPage, {}, {}, () => AbortSignal.abort());
    assert.equal(early.arrivals, 0);
  });
});
