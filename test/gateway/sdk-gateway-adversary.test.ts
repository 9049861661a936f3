import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME, startEmulator } from '../../src/emulator/index.ts';
import type { AdversaryBehaviour, RunningEmulator } from '../../src/emulator/index.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { SdkGatewayOptions } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord, CognitoGateway } from '../../src/gateway/types.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Margin the deadline tests allow beyond the deadline itself (a loaded 2-core machine). */
const MARGIN_MS = 700;

interface Fixture {
  emu: RunningEmulator;
  gateway(options?: Partial<SdkGatewayOptions>): { gw: CognitoGateway; records: ApiCallRecord[] };
}

function useAdversary(): Fixture {
  const fx = {} as Fixture;
  before(async () => {
    fx.emu = await startEmulator({ usersInLargePool: 60 });
    fx.gateway = (options = {}) => {
      const gw = createSdkGateway({
        region: 'us-east-1', endpoint: fx.emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, readRetryBaseMs: 1, ...options,
      });
      const records: ApiCallRecord[] = [];
      gw.subscribeCalls((r) => records.push(r));
      return { gw, records };
    };
  });
  after(() => fx.emu.close());
  return fx;
}

function arrivals(emu: RunningEmulator, operation: string): number {
  return emu.requests.filter((r) => r.operation === operation).length;
}

/** The GatewayError a call fails with. */
async function failure(work: Promise<unknown>): Promise<GatewayError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof GatewayError, `a GatewayError, not ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

/** A one-line, operation-naming message with no SDK internals or stack. */
function assertClear(error: GatewayError, operation: RegExp): void {
  assert.doesNotMatch(error.message, /\n|Deserialization error|\$response|TypeError|SyntaxError|at .*\.(ts|js):\d+/);
  assert.match(error.message, operation);
}

describe('SDK gateway: deadlines (item 11)', () => {
  const fx = useAdversary();

  it('a slowloris read ends at its deadline with "did not answer in", and is not retried', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'slowloris', intervalMs: 100 } });
    const { gw, records } = fx.gateway({ readDeadlineMs: 1000 });
    const before = arrivals(fx.emu, 'ListUsers');
    const started = performance.now();
    const e = await failure(gw.listUsers(LARGE_POOL_ID, undefined));
    const took = performance.now() - started;
    assert.ok(took >= 990 && took < 1000 + MARGIN_MS, `ended after ${Math.round(took)} ms`);
    assert.deepEqual([e.kind, e.retryable], ['timeout', true]);
    assert.equal(e.message, 'Cognito did not answer in 1 s (ListUsers). Press r to retry.');
    assert.equal(arrivals(fx.emu, 'ListUsers') - before, 1);
    assert.deepEqual([records.at(-1)?.ok, records.at(-1)?.errorName], [false, 'timeout']);
  });

  it('a hung read ends at its deadline too (the socket never goes idle long enough for the SDK to notice)', async () => {
    fx.emu.setAdversary({ DescribeUserPool: { mode: 'hang' } });
    const { gw } = fx.gateway({ readDeadlineMs: 800 });
    const started = performance.now();
    const e = await failure(gw.describeUserPool(LARGE_POOL_ID));
    assert.ok(performance.now() - started < 800 + MARGIN_MS);
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /did not answer in 0\.8 s \(DescribeUserPool\)/);
  });

  it('a hung write ends at its deadline as outcome UNKNOWN, and is sent exactly once', async () => {
    fx.emu.setAdversary({ AdminDisableUser: { mode: 'hang' } });
    const { gw } = fx.gateway({ writeDeadlineMs: 800 });
    const started = performance.now();
    const e = await failure(gw.disableUser(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.ok(performance.now() - started < 800 + MARGIN_MS);
    assert.deepEqual([e.kind, e.retryable], ['outcome-unknown', false]);
    assert.match(e.message, /AdminDisableUser.*UNKNOWN/);
    assert.equal(arrivals(fx.emu, 'AdminDisableUser'), 1);
  });

  it('a slowloris write is not resent either', async () => {
    fx.emu.setAdversary({ AdminUserGlobalSignOut: { mode: 'slowloris', intervalMs: 1000 } });
    const { gw } = fx.gateway({ writeDeadlineMs: 600 });
    const e = await failure(gw.globalSignOut(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.equal(e.kind, 'outcome-unknown');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(arrivals(fx.emu, 'AdminUserGlobalSignOut'), 1);
  });

  it('a read that keeps failing is tried maxReadAttempts times, then fails with the last cause', async () => {
    fx.emu.setAdversary({ ListUserPools: { mode: 'server-error' } });
    const { gw } = fx.gateway({ maxReadAttempts: 3 });
    const e = await failure(gw.listUserPools());
    assert.equal(e.kind, 'server');
    assert.equal(arrivals(fx.emu, 'ListUserPools'), 3);
  });

  it('the deadline spans the retries and the waits between them', async () => {
    fx.emu.setAdversary({ ListUserPoolClients: { mode: 'server-error' } });
    const { gw } = fx.gateway({ readDeadlineMs: 800, readRetryBaseMs: 600, maxReadAttempts: 50 });
    const started = performance.now();
    const e = await failure(gw.listAppClients(LARGE_POOL_ID));
    assert.ok(performance.now() - started < 800 + MARGIN_MS);
    assert.equal(e.kind, 'timeout');
  });
});

describe('SDK gateway: leaving aborts the request (item 10)', () => {
  const fx = useAdversary();

  it('an aborted read rejects at once with kind aborted and is logged as aborted, not failed', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'hang' } });
    const { gw, records } = fx.gateway();
    const controller = new AbortController();
    const call = failure(gw.listUsers(LARGE_POOL_ID, undefined, undefined, { signal: controller.signal }));
    await waitFor(() => arrivals(fx.emu, 'ListUsers') === 1, 5000, 'the request at the server');
    const started = performance.now();
    controller.abort();
    const e = await call;
    assert.ok(performance.now() - started < 200);
    assert.equal(e.kind, 'aborted');
    assert.deepEqual([records.at(-1)?.aborted, records.at(-1)?.ok], [true, false]);
    const sent = fx.emu.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(fx.emu.requests.length, sent, 'nothing more sent in the 300 ms after the abort (a retry would be)');
  });

  it('a signal aborted before the call sends nothing', async () => {
    fx.emu.setAdversary({});
    const { gw } = fx.gateway();
    const before = fx.emu.requests.length;
    const e = await failure(gw.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, undefined, { signal: AbortSignal.abort() }));
    assert.equal(e.kind, 'aborted');
    assert.equal(fx.emu.requests.length, before);
  });

  it('an abort during the backoff between retries stops the retries', async () => {
    fx.emu.setAdversary({ ListUserPools: { mode: 'server-error' } });
    const { gw } = fx.gateway({ readRetryBaseMs: 5000, maxReadAttempts: 4 });
    const controller = new AbortController();
    const before = arrivals(fx.emu, 'ListUserPools');
    const call = failure(gw.listUserPools(undefined, { signal: controller.signal }));
    await waitFor(() => arrivals(fx.emu, 'ListUserPools') === before + 1, 5000, 'the first attempt');
    controller.abort();
    assert.equal((await call).kind, 'aborted');
    assert.equal(arrivals(fx.emu, 'ListUserPools'), before + 1);
  });

  it('every read passes the signal on', async () => {
    fx.emu.setAdversary({ '*': { mode: 'hang' } });
    const { gw } = fx.gateway();
    const reads: [string, (signal: AbortSignal) => Promise<unknown>][] = [
      ['ListUserPools', (signal) => gw.listUserPools(undefined, { signal })],
      ['DescribeUserPool', (signal) => gw.describeUserPool(LARGE_POOL_ID, { signal })],
      ['ListUserPoolClients', (signal) => gw.listAppClients(LARGE_POOL_ID, undefined, { signal })],
      ['ListUsers', (signal) => gw.listUsers(LARGE_POOL_ID, undefined, undefined, { signal })],
      ['AdminListGroupsForUser', (signal) => gw.listGroupsForUser(LARGE_POOL_ID, TAKEOVER_USERNAME, undefined, { signal })],
      ['AdminListDevices', (signal) => gw.listDevices(LARGE_POOL_ID, TAKEOVER_USERNAME, undefined, { signal })],
      ['AdminListUserAuthEvents', (signal) => gw.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, undefined, { signal })],
      ['DescribeRiskConfiguration', (signal) => gw.describeRiskConfiguration(LARGE_POOL_ID, undefined, { signal })],
    ];
    for (const [operation, read] of reads) {
      const controller = new AbortController();
      const before = arrivals(fx.emu, operation);
      const call = failure(read(controller.signal));
      await waitFor(() => arrivals(fx.emu, operation) === before + 1, 5000, `${operation} at the server`);
      controller.abort();
      assert.equal((await call).kind, 'aborted', operation);
    }
  });
});

const malformed: [string, AdversaryBehaviour, RegExp][] = [
  ['an HTML page with 200', { mode: 'html-200' }, /^ListUsers: the answer is an HTML page/],
  ['truncated JSON', { mode: 'truncated-json' }, /^ListUsers: the answer was cut off \(incomplete JSON\)/],
  ['a string date', { mode: 'wrong-types', variant: 'string-date' }, /^ListUsers: UserCreateDate is not a date/],
  ['a number for a string', { mode: 'wrong-types', variant: 'number-for-string' }, /^ListUsers: Username is not text \(got a number\)/],
  ['null lists inside users', { mode: 'wrong-types', variant: 'null-lists' }, /^ListUsers: Attributes is null/],
  ['a null page', { mode: 'wrong-types', variant: 'null-page' }, /^ListUsers: Users is null/],
  ['all of them', { mode: 'wrong-types' }, /^ListUsers: (Username is not text|UserCreateDate is not a date|Attributes is null)/],
];

describe('SDK gateway: malformed answers (item 12)', () => {
  const fx = useAdversary();

  for (const [what, behaviour, message] of malformed) {
    it(`${what}: one clear line naming ListUsers, kind malformed, not retried`, async () => {
      fx.emu.setAdversary({ ListUsers: behaviour });
      const { gw } = fx.gateway();
      const before = arrivals(fx.emu, 'ListUsers');
      const e = await failure(gw.listUsers(LARGE_POOL_ID, undefined));
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, message);
      assertClear(e, /ListUsers/);
      assert.equal(arrivals(fx.emu, 'ListUsers') - before, 1);
    });
  }

  it('AdminListUserAuthEvents: CreationDate is not a date', async () => {
    fx.emu.setAdversary({ AdminListUserAuthEvents: { mode: 'wrong-types', variant: 'string-date' } });
    const e = await failure(fx.gateway().gw.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.match(e.message, /^AdminListUserAuthEvents: CreationDate is not a date/);
  });

  it('a wrong type in DescribeUserPool and DescribeRiskConfiguration is named too', async () => {
    fx.emu.setAdversary({ DescribeUserPool: { mode: 'wrong-types', variant: 'number-for-string' } });
    const { gw } = fx.gateway();
    assert.match((await failure(gw.describeUserPool(LARGE_POOL_ID))).message, /^DescribeUserPool: \w+ is not text/);
    fx.emu.setAdversary({ DescribeRiskConfiguration: { mode: 'wrong-types', variant: 'string-date' } });
    assert.match((await failure(gw.describeRiskConfiguration(LARGE_POOL_ID))).message, /^DescribeRiskConfiguration: LastModifiedDate is not a date/);
  });

  it('an error name never seen before still gets one clear line', async () => {
    fx.emu.setAdversary({});
    fx.emu.setFaults({ operationErrors: { ListUsers: { type: 'BrandNewCognitoException', message: 'Something new.' } } });
    const e = await failure(fx.gateway().gw.listUsers(LARGE_POOL_ID, undefined));
    fx.emu.setFaults({});
    assert.equal(e.kind, 'unknown');
    assert.equal(e.message, 'ListUsers failed: BrandNewCognitoException: Something new.');
  });

  it('a flood of combining marks and a 100 KB field are read as they are (the UI caps them)', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'combining-flood' }, AdminListUserAuthEvents: { mode: 'huge-field' } });
    const { gw } = fx.gateway();
    const users = await gw.listUsers(LARGE_POOL_ID, undefined);
    assert.equal(users.items[0].attributes.email.length, 20_001);
    const events = await gw.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME);
    assert.equal(events.items[0].city?.length, 100 * 1024);
  });
});

describe('SDK gateway: retries by cause (item 13)', () => {
  const fx = useAdversary();

  it('5xx answers are retried and counted as server retries', async () => {
    fx.emu.setAdversary({ ListUserPools: { mode: 'server-error', times: 2 } });
    const { gw, records } = fx.gateway();
    const page = await gw.listUserPools();
    assert.ok(page.items.length > 0);
    assert.deepEqual(records.at(-1), { ...records.at(-1), ok: true, attempts: 3, retries: { throttled: 0, server: 2, network: 0 } });
    assert.equal(arrivals(fx.emu, 'ListUserPools'), 3);
  });

  it('reset connections are retried and counted as network retries', async () => {
    fx.emu.setAdversary({ ListUsers: { mode: 'reset', times: 3 } });
    const { gw, records } = fx.gateway();
    await gw.listUsers(LARGE_POOL_ID, undefined);
    assert.deepEqual(records.at(-1)?.retries, { throttled: 0, server: 0, network: 3 });
    assert.equal(records.at(-1)?.attempts, 4);
  });

  it('throttles are counted as throttled, apart from the rest', async () => {
    fx.emu.setAdversary({});
    fx.emu.setFaults({ throttleRate: 1 });
    const { gw, records } = fx.gateway({ maxReadAttempts: 2 });
    const e = await failure(gw.describeUserPool(LARGE_POOL_ID));
    fx.emu.setFaults({});
    assert.equal(e.kind, 'throttled');
    assert.deepEqual([records.at(-1)?.retries, records.at(-1)?.attempts], [{ throttled: 1, server: 0, network: 0 }, 2]);
  });

  it('a write is not retried after a 5xx or a reset (it may have been applied)', async () => {
    fx.emu.setAdversary({ AdminEnableUser: { mode: 'server-error' }, AdminDisableUser: { mode: 'reset' } });
    const { gw, records } = fx.gateway();
    await failure(gw.enableUser(LARGE_POOL_ID, TAKEOVER_USERNAME));
    await failure(gw.disableUser(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.equal(arrivals(fx.emu, 'AdminEnableUser'), 1);
    assert.equal(arrivals(fx.emu, 'AdminDisableUser'), 1);
    assert.deepEqual(records.map((r) => r.retries), [undefined, undefined]);
  });

  it('a write whose connection is reset after it was sent has an UNKNOWN outcome, not a plain failure', async () => {
    fx.emu.setAdversary({ AdminDisableUser: { mode: 'reset' } });
    const { gw, records } = fx.gateway();
    const before = arrivals(fx.emu, 'AdminDisableUser');
    const e = await failure(gw.disableUser(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.deepEqual([e.kind, e.retryable, e.operation], ['outcome-unknown', false, 'AdminDisableUser']);
    assert.match(e.message, /^The connection to .* was lost after AdminDisableUser was sent \((?:ECONNRESET|socket hang up)\): the outcome is UNKNOWN/);
    assertClear(e, /AdminDisableUser/);
    assert.equal(arrivals(fx.emu, 'AdminDisableUser') - before, 1);
    assert.equal(records.at(-1)?.errorName, 'outcome-unknown');
  });

  it('a write whose connection is refused was never sent: a plain network failure, not an unknown outcome', async () => {
    const closed = await startEmulator({ usersInLargePool: 1 });
    const url = closed.url;
    await closed.close();
    const gw = createSdkGateway({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const e = await failure(gw.disableUser(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.equal(e.kind, 'network');
    assert.match(e.message, /refused the connection/);
  });

  it('a sweep read is never retried by the gateway', async () => {
    fx.emu.setAdversary({ AdminListUserAuthEvents: { mode: 'server-error' } });
    const { gw } = fx.gateway();
    const before = arrivals(fx.emu, 'AdminListUserAuthEvents');
    await failure(gw.forSweep!().listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME));
    assert.equal(arrivals(fx.emu, 'AdminListUserAuthEvents') - before, 1);
  });
});
