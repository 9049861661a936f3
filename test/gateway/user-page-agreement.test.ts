import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { CognitoGateway, Page, User } from '../../src/gateway/types.ts';
import { readUserPage } from '../../src/gateway/user-page.ts';

/** A server that answers every request with the body set last, as Cognito's JSON. */
function cannedServer() {
  let body = '{}';
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${requests}` });
      res.end(body);
    });
  });
  return {
    server,
    answer: (value: unknown) => { body = typeof value === 'string' ? value : JSON.stringify(value); },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const POOL = 'us-east-1_Canned1';

const REALISTIC = {
  Username: 'maria.garcia', Enabled: true, UserStatus: 'CONFIRMED',
  UserCreateDate: 1_700_000_000.123, UserLastModifiedDate: 1_710_000_000,
  Attributes: [
    { Name: 'sub', Value: '6f1c4e2a-1b2c-4d5e-8f90-123456789abc' },
    { Name: 'email', Value: 'maria.garcia@example.com' },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: 'María García' },
    { Name: 'custom:tenant', Value: 'acme-prod' },
    { Name: 'custom:roles', Value: '["admin","ops"]' },
  ],
};

/** Users as odd as a real pool (or a strange server) may hold them. */
const ODD_USERS: unknown[] = [
  REALISTIC,
  { Username: 'bare' },
  { Username: 'disabled', Enabled: false, UserStatus: 'FORCE_CHANGE_PASSWORD', Attributes: [] },
  { Username: 'no-value', Attributes: [{ Name: 'email' }, { Name: '', Value: 'nameless' }, { Value: 'no name' }] },
  { Username: '伊藤 さくら', Attributes: [{ Name: 'name', Value: 'Zoé \u0301\u0301 👩‍👩‍👧 \u202eevil' }, { Name: 'locale', Value: 'ja-JP' }] },
  { Username: 'escapes "quoted" \\ back\nline\ttab \u0000 nul', Attributes: [{ Name: 'address', Value: '{"street":"1 Main\\nSt"}' }] },
  { Username: 'mfa', MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }, { DeliveryMedium: '' }, { AttributeName: 'email' }] },
  { Username: 'dates', UserCreateDate: 0, UserLastModifiedDate: 1e-3 },
  { Username: 'negative', UserCreateDate: -86_400.5, UserLastModifiedDate: 4_102_444_800 },
  { Username: 'dupes', Attributes: [{ Name: 'email', Value: 'first@x' }, { Name: 'email', Value: 'second@x' }] },
  { Username: 'extra', Unknown: { Nested: [1, 'two', true] }, Attributes: [{ Name: 'email', Value: 'e@x', Extra: 'ignored' }] },
  { Username: 'no-status', Enabled: true },
  { Username: 'proto', Attributes: [{ Name: 'constructor', Value: 'c' }, { Name: 'toString', Value: 't' }] },
  { Username: 'external', UserStatus: 'EXTERNAL_PROVIDER', Attributes: [{ Name: 'identities', Value: '[{"userId":"1","providerName":"Google"}]' }] },
];

/** Hostile answers: each must fail (kind malformed) on both paths, never crash or pass. */
const HOSTILE: [string, unknown][] = [
  ['a null page', { Users: null }],
  ['a null user', { Users: [null] }],
  ['a number for a name', { Users: [{ Username: 12_345 }] }],
  ['a string date', { Users: [{ Username: 'a', UserCreateDate: '2024-05-01T12:00:00Z' }] }],
  ['a date beyond any calendar', { Users: [{ Username: 'a', UserCreateDate: 1e20 }] }],
  ['null attributes', { Users: [{ Username: 'a', Attributes: null }] }],
  ['a null attribute value', { Users: [{ Username: 'a', Attributes: [{ Name: 'email', Value: null }] }] }],
  ['a number attribute value', { Users: [{ Username: 'a', Attributes: [{ Name: 'email', Value: 7 }] }] }],
  ['a text Enabled', { Users: [{ Username: 'a', Enabled: 'yes' }] }],
  ['null MFA options', { Users: [{ Username: 'a', MFAOptions: null }] }],
  ['a null token', { Users: [], PaginationToken: null, NextToken: null }],
  ['a number token', { Users: [], PaginationToken: 5, NextToken: 5 }],
  ['Users an object', { Users: { Username: 'a' } }],
  ['a null deep in an unknown member', { Users: [{ Username: 'a', Extra: { deeper: [{ x: null }] } }] }],
  ['a text date deep in an unknown member', { Users: [], Extra: { LastSeenDate: 'yesterday' } }],
  ['nesting too deep', { Users: [], Extra: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) }],
  ['an HTML page', '<!DOCTYPE html><html><body>Sign in</body></html>'],
  ['cut-off JSON', '{"Users":[{"Username":"a"'],
  ['a JSON list', '[]'],
];

describe('pages of users read from the body agree with the SDK path', () => {
  const canned = cannedServer();
  let fast: CognitoGateway;
  let sdk: CognitoGateway;
  before(async () => {
    await new Promise<void>((resolve) => canned.server.listen(0, '127.0.0.1', resolve));
    const options = { region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxReadAttempts: 1 };
    fast = createSdkGateway(options);
    sdk = createSdkGateway({ ...options, userPagesFromBody: false });
  });
  after(() => new Promise<void>((resolve) => canned.server.close(() => resolve())));

  async function both(read: (gw: CognitoGateway) => Promise<Page<User>>): Promise<[Page<User>, Page<User>]> {
    return [await read(fast), await read(sdk)];
  }

  for (const [name, read] of [
    ['ListUsers', (gw: CognitoGateway) => gw.listUsers(POOL, undefined, 'tok')],
    ['ListUsersInGroup', (gw: CognitoGateway) => gw.listUsersInGroup(POOL, 'admins', 'tok')],
  ] as const) {
    it(`${name}: every field of realistic and odd users, and the next token`, async () => {
      canned.answer({ Users: ODD_USERS, PaginationToken: 'next-page', NextToken: 'next-page' });
      const [a, b] = await both(read);
      assert.equal(a.items.length, ODD_USERS.length);
      assert.deepStrictEqual(a, b);
      assert.equal(a.nextToken, 'next-page');
      assert.deepEqual(a.items[0].attributes['custom:tenant'], 'acme-prod');
      assert.equal(a.items[0].createdAt, 1_700_000_000_123);
      assert.deepEqual(a.items[6].mfaOptions, ['SMS']);
      const body = new TextEncoder().encode(JSON.stringify({ Users: ODD_USERS, [name === 'ListUsers' ? 'PaginationToken' : 'NextToken']: 'next-page' }));
      assert.deepStrictEqual(readUserPage(body, 'application/x-amz-json-1.1', name === 'ListUsers' ? 'PaginationToken' : 'NextToken'), b);
    });

    it(`${name}: an empty page with a token, an empty body and an answer with no users`, async () => {
      for (const answer of [{ Users: [], PaginationToken: 'more', NextToken: 'more' }, '', {}, { PaginationToken: '', NextToken: '' }]) {
        canned.answer(answer);
        const [a, b] = await both(read);
        assert.deepStrictEqual(a, b, JSON.stringify(answer));
      }
    });

    it(`${name}: hostile answers fail on both paths as malformed answers`, async () => {
      for (const [what, answer] of HOSTILE) {
        canned.answer(answer);
        for (const gw of [fast, sdk]) {
          const error = await read(gw).then(() => undefined, (e: unknown) => e);
          assert.ok(error instanceof GatewayError, `${what}: a GatewayError, not ${String(error)}`);
          assert.equal(error.kind, 'malformed', `${what}: ${error.message}`);
          assert.doesNotMatch(error.message, /\n|Deserialization error|TypeError|SyntaxError/);
        }
      }
    });
  }

  it('a page of 60 realistic users is read field for field as the SDK reads it', async () => {
    const users = Array.from({ length: 60 }, (_, i) => ({
      ...REALISTIC, Username: `user.${i}`, UserCreateDate: 1_600_000_000 + i * 37.5, Enabled: i % 7 !== 0,
      Attributes: REALISTIC.Attributes.map((a) => ({ ...a, Value: `${a.Value}-${i}` })),
    }));
    canned.answer({ Users: users, PaginationToken: 'p2' });
    const [a, b] = await both((gw) => gw.listUsers(POOL, 'email ^= "m"', undefined));
    assert.deepStrictEqual(a, b);
  });
});
