import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID, OFF_POOL_ID, TAKEOVER_EMAIL, TAKEOVER_USERNAME, startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord, CognitoGateway, Page } from '../../src/gateway/types.ts';
import { rawCall } from '../emulator/helpers.ts';

const SECRET_CLIENT_ID = '5m4n3b2v1c0x9z8l7k6j5h4g3f';

interface Fixture {
  emu: RunningEmulator;
  gw: CognitoGateway;
  records: ApiCallRecord[];
}

function useGateway(usersInLargePool: number): Fixture {
  const fx = {} as Fixture;
  before(async () => {
    fx.emu = await startEmulator({ usersInLargePool });
    fx.gw = createSdkGateway({
      region: 'us-east-1', endpoint: fx.emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, readRetryBaseMs: 1, writeRetryDelaysMs: [1, 1],
    });
    fx.records = [];
    fx.gw.subscribeCalls((r) => fx.records.push(r));
  });
  after(() => fx.emu.close());
  return fx;
}

async function failure(work: Promise<unknown>): Promise<GatewayError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof GatewayError, `a GatewayError, not ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

async function walk<T>(next: (token?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await next(token);
    items.push(...page.items);
    token = page.nextToken;
  } while (token !== undefined);
  return items;
}

const arrivals = (emu: RunningEmulator, operation: string) => emu.requests.filter((r) => r.operation === operation).length;

describe('the SDK gateway: app clients and pool settings', () => {
  const fx = useGateway(300);

  it('describes an app client without its secret: the secret text is in no returned value, call record or error', async () => {
    const raw = await rawCall(fx.emu, 'DescribeUserPoolClient', { UserPoolId: LARGE_POOL_ID, ClientId: SECRET_CLIENT_ID });
    const secret = String((raw.json.UserPoolClient as Record<string, unknown>).ClientSecret);
    assert.ok(secret.length > 20, 'the emulator answers the secret, as Cognito does');
    const seen: unknown[] = [];
    fx.gw.subscribeCalls((r) => seen.push(r));

    const detail = await fx.gw.describeAppClient(LARGE_POOL_ID, SECRET_CLIENT_ID);
    assert.equal(detail.hasSecret, true);
    assert.equal(detail.name, 'billing-backend');
    assert.deepEqual(detail.oauthFlows, ['client_credentials']);
    assert.deepEqual(detail.refreshTokenValidity, { value: 30, unit: 'days' });
    assert.deepEqual(detail.accessTokenValidity, { value: 60, unit: 'minutes' });
    assert.equal(detail.preventUserExistenceErrors, 'ENABLED');
    assert.equal(typeof detail.createdAt, 'number');

    const missing = await failure(fx.gw.describeAppClient(LARGE_POOL_ID, 'nosuchclient123'));
    assert.equal(missing.kind, 'not-found');

    assert.ok(seen.length >= 2);
    for (const text of [JSON.stringify(detail), JSON.stringify(seen), JSON.stringify(fx.records), missing.message, JSON.stringify(missing)]) {
      assert.ok(!text.includes(secret), 'the secret does not appear');
      assert.ok(!text.includes(secret.slice(0, 12)), 'no part of the secret appears');
    }
  });

  it('describes an app client that has no secret, with its OAuth settings', async () => {
    const detail = await fx.gw.describeAppClient(LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID);
    assert.equal(detail.hasSecret, false);
    assert.equal(detail.id, LARGE_POOL_WEB_CLIENT_ID);
    assert.deepEqual(detail.callbackUrls, ['https://app.acme.example/auth/callback']);
    assert.equal(detail.defaultRedirectUri, 'https://app.acme.example/auth/callback');
    assert.deepEqual(detail.oauthScopes, ['openid', 'email', 'profile']);
    assert.equal(detail.allowedOAuthFlowsUserPoolClient, true);
    assert.ok(detail.authFlows.includes('ALLOW_USER_SRP_AUTH'));
    assert.ok(detail.supportedIdentityProviders.includes('COGNITO'));
  });

  it('reads the pool settings, with SMS settings but never the SMS ExternalId', async () => {
    const raw = await rawCall(fx.emu, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID });
    const externalId = String(((raw.json.UserPool as Record<string, unknown>).SmsConfiguration as Record<string, unknown>).ExternalId);
    const pool = await fx.gw.describeUserPool(LARGE_POOL_ID);
    assert.ok(!JSON.stringify(pool).includes(externalId));
    assert.equal(pool.caseSensitive, false);
    assert.equal(pool.smsConfigured, true);
    assert.equal(pool.mfa, 'OPTIONAL');
    assert.deepEqual(pool.passwordPolicy, {
      minLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true,
      temporaryPasswordValidityDays: 7, passwordHistorySize: 5,
    });
    assert.deepEqual(pool.accountRecovery, [{ name: 'verified_email', priority: 1 }, { name: 'verified_phone_number', priority: 2 }]);
    assert.deepEqual(Object.keys(pool.lambdaTriggers ?? {}).sort(), ['PostConfirmation', 'PreSignUp', 'PreTokenGeneration']);
    assert.match(pool.lambdaTriggers?.PreSignUp ?? '', /^arn:aws:lambda:us-east-1:123456789012:function:/);
    assert.equal(pool.email?.sendingAccount, 'DEVELOPER');
    assert.equal(pool.email?.replyTo, 'support@acme.example');
    assert.match(pool.sms?.snsCallerArn ?? '', /^arn:aws:iam::/);
    assert.equal(pool.sms?.snsRegion, 'us-east-1');
    assert.deepEqual(pool.autoVerifiedAttributes, ['email']);
    assert.equal(pool.deletionProtection, 'ACTIVE');
    assert.equal(pool.tier, 'PLUS');

    const off = await fx.gw.describeUserPool(OFF_POOL_ID);
    assert.equal(off.smsConfigured, false);
    assert.equal(off.sms, undefined);
    assert.deepEqual(off.lambdaTriggers, {});
    assert.equal(off.email?.sendingAccount, 'COGNITO_DEFAULT');
  });

  it('lists the pool groups and pages through a group of more than 60 members', async () => {
    const groups = await walk((t) => fx.gw.listGroups(LARGE_POOL_ID, t));
    assert.deepEqual(groups.map((g) => g.name), ['admins', 'beta-testers', 'enterprise-customers', 'legacy-import', 'support']);
    const admins = groups[0];
    assert.match(admins.roleArn ?? '', /^arn:aws:iam::123456789012:role\//);
    assert.equal(typeof admins.modifiedAt, 'number');
    const support = await walk((t) => fx.gw.listUsersInGroup(LARGE_POOL_ID, 'support', t));
    assert.ok(support.length > 60);
    assert.equal(new Set(support.map((u) => u.username)).size, support.length);
    assert.ok(support.some((u) => u.username === TAKEOVER_USERNAME));
    assert.ok(fx.records.filter((r) => r.operation === 'ListUsersInGroup').length >= 2);
    assert.equal((await failure(fx.gw.listUsersInGroup(LARGE_POOL_ID, 'no-such-group'))).kind, 'not-found');
  });
});

describe('the SDK gateway: user administration writes', () => {
  const fx = useGateway(300);

  it('adds and removes a group member, sending each write once', async () => {
    const before = arrivals(fx.emu, 'AdminAddUserToGroup');
    await fx.gw.addUserToGroup(LARGE_POOL_ID, TAKEOVER_USERNAME, 'admins');
    assert.equal(arrivals(fx.emu, 'AdminAddUserToGroup'), before + 1);
    assert.ok((await walk((t) => fx.gw.listGroupsForUser(LARGE_POOL_ID, TAKEOVER_USERNAME, t))).some((g) => g.name === 'admins'));
    await fx.gw.removeUserFromGroup(LARGE_POOL_ID, TAKEOVER_USERNAME, 'admins');
    assert.ok(!(await walk((t) => fx.gw.listUsersInGroup(LARGE_POOL_ID, 'admins', t))).some((u) => u.username === TAKEOVER_USERNAME));
    const record = fx.records.filter((r) => r.operation === 'AdminRemoveUserFromGroup').at(-1);
    assert.deepEqual({ ok: record?.ok, attempts: record?.attempts }, { ok: true, attempts: 1 });
    assert.equal((await failure(fx.gw.addUserToGroup(LARGE_POOL_ID, TAKEOVER_USERNAME, 'nope'))).kind, 'not-found');
  });

  it('forgets a device and resets a password', async () => {
    const devices = await walk((t) => fx.gw.listDevices(LARGE_POOL_ID, TAKEOVER_USERNAME, t));
    await fx.gw.forgetDevice(LARGE_POOL_ID, TAKEOVER_USERNAME, devices[0].key);
    const left = await walk((t) => fx.gw.listDevices(LARGE_POOL_ID, TAKEOVER_USERNAME, t));
    assert.deepEqual(left.map((d) => d.key), devices.slice(1).map((d) => d.key));
    assert.equal((await failure(fx.gw.forgetDevice(LARGE_POOL_ID, TAKEOVER_USERNAME, devices[0].key))).kind, 'not-found');
    await fx.gw.resetUserPassword(LARGE_POOL_ID, TAKEOVER_EMAIL);
    const [user] = (await fx.gw.listUsers(LARGE_POOL_ID, `username = "${TAKEOVER_USERNAME}"`)).items;
    assert.equal(user.status, 'RESET_REQUIRED');
  });

  it('confirms an unconfirmed user; confirming again is refused as invalid input, not as a missing permission', async () => {
    const [user] = (await fx.gw.listUsers(LARGE_POOL_ID, 'cognito:user_status = "UNCONFIRMED"')).items;
    await fx.gw.confirmSignUp(LARGE_POOL_ID, user.username);
    const again = await failure(fx.gw.confirmSignUp(LARGE_POOL_ID, user.username));
    assert.equal(again.kind, 'invalid-input');
    assert.equal(again.awsName, 'NotAuthorizedException');
    assert.match(again.message, /Current status is CONFIRMED/);
  });

  it('deletes a user; a 5xx answer is not resent, a throttle is', async () => {
    const [victim, other, third] = (await fx.gw.listUsers(LARGE_POOL_ID, undefined)).items.map((u) => u.username).filter((n) => n !== TAKEOVER_USERNAME);
    await fx.gw.deleteUser(LARGE_POOL_ID, victim);
    assert.deepEqual((await fx.gw.listUsers(LARGE_POOL_ID, `username = "${victim}"`)).items, []);
    assert.equal((await failure(fx.gw.deleteUser(LARGE_POOL_ID, victim))).kind, 'not-found');

    fx.emu.setFaults({ operationErrors: { AdminDeleteUser: { type: 'InternalErrorException', status: 500 } } });
    const sent = arrivals(fx.emu, 'AdminDeleteUser');
    assert.equal((await failure(fx.gw.deleteUser(LARGE_POOL_ID, other))).kind, 'server');
    assert.equal(arrivals(fx.emu, 'AdminDeleteUser'), sent + 1);

    fx.emu.setFaults({ operationErrors: { AdminDeleteUser: { type: 'TooManyRequestsException' } } });
    assert.equal((await failure(fx.gw.deleteUser(LARGE_POOL_ID, third))).kind, 'throttled');
    assert.equal(arrivals(fx.emu, 'AdminDeleteUser'), sent + 4);
    fx.emu.setFaults({});
    assert.equal((await fx.gw.listUsers(LARGE_POOL_ID, `username = "${third}"`)).items.length, 1);
  });
});
