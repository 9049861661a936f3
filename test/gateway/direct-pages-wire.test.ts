import assert from 'node:assert/strict';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CognitoIdentityProviderClient, ListUsersCommand, ListUsersInGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { HttpResponse } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { classifyFailure, failureFacts } from '../../src/gateway/errors.ts';
import { requestIdOfError } from '../../src/gateway/request-id.ts';
import { checkAnswersOf, userPageOf } from '../../src/gateway/sdk-answer-check.ts';
import { pageSenderOf, type PageSender } from '../../src/gateway/sdk-page-send.ts';

/** One request as the server got it. */
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers next. */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

function cannedServer() {
  const received: Received[] = [];
  let answer: Answer = { status: 200, body: '{"Users":[]}' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${received.length}`, ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  return {
    server, received,
    answer: (a: Answer) => { answer = a; },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const POOL = 'us-east-1_Wire1';
const INPUT = { UserPoolId: POOL, Limit: 60, PaginationToken: 'tok "quoted" ü', Filter: 'email ^= "a"' };

/** A client built as the gateway builds it, with its answer checks and a page sender. */
function clientFor(config: ConstructorParameters<typeof CognitoIdentityProviderClient>[0]): { client: CognitoIdentityProviderClient; sender: PageSender } {
  const client = new CognitoIdentityProviderClient({ maxAttempts: 1, ...config });
  checkAnswersOf(client, true);
  return { client, sender: pageSenderOf(client) };
}

/** SHA-256 (or its HMAC with a secret) from node:crypto, as SignatureV4 takes it: independent of the SDK's own. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = secret instanceof ArrayBuffer ? new Uint8Array(secret) : secret;
    this.hash = key === undefined ? createHash('sha256') : createHmac('sha256', key as string | Uint8Array);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

/** The signature the request should carry, computed afresh from what the server received. */
async function expectedSignature(r: Received, secret: string, region: string): Promise<string> {
  const auth = String(r.headers.authorization);
  const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1].split(';') ?? [];
  const accessKeyId = /Credential=([^/]+)\//.exec(auth)?.[1] ?? '';
  const headers = Object.fromEntries(signed.map((h) => [h, String(r.headers[h])]));
  const date = String(r.headers['x-amz-date']);
  const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const signer = new SignatureV4({ service: 'cognito-idp', region, credentials: { accessKeyId, secretAccessKey: secret }, sha256: Sha256 });
  const [hostname, port] = String(r.headers.host).split(':');
  const out = await signer.sign({ method: r.method, protocol: 'http:', hostname, port: Number(port), path: r.url, query: {}, headers, body: r.body }, { signingDate });
  return /Signature=(\w+)/.exec(String(out.headers.authorization))?.[1] ?? 'none';
}

describe('a page sent directly goes out as the SDK sends it', () => {
  const canned = cannedServer();
  before(() => new Promise<void>((resolve) => canned.server.listen(0, '127.0.0.1', resolve)));
  after(() => new Promise<void>((resolve) => canned.server.close(() => resolve())));

  it('the same method, path, headers (user agent included) and body bytes, with a valid SigV4 signature', async () => {
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'AKIDWIRE', secretAccessKey: 'wire-secret' } });
    canned.answer({ status: 200, body: '{"Users":[{"Username":"a"}]}' });
    assert.equal(sender.ready('ListUsers'), false);
    const viaSdk = await client.send(new ListUsersCommand(INPUT));
    assert.equal(sender.ready('ListUsers'), true);
    assert.equal(sender.ready('ListUsersInGroup'), false);
    const direct = await sender.send('ListUsers', INPUT, new AbortController().signal);
    assert.deepStrictEqual(direct, userPageOf(viaSdk));
    const [a, b] = canned.received.slice(-2);
    const perRequest = ['amz-sdk-invocation-id', 'x-amz-date', 'authorization'];
    const fixed = (h: IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !perRequest.includes(k)));
    assert.deepStrictEqual([b.method, b.url, fixed(b.headers), b.body], [a.method, a.url, fixed(a.headers), a.body]);
    assert.match(String(b.headers['user-agent']), /aws-sdk-js\/.* api\/cognito-identity-provider/);
    assert.notEqual(b.headers['amz-sdk-invocation-id'], a.headers['amz-sdk-invocation-id']);
    const scope = (r: Received) => String(r.headers.authorization).replace(/Signature=\w+/, '').replace(/\/\d{8}\//, '/DATE/');
    assert.equal(scope(b), scope(a));
    for (const r of [a, b]) assert.equal(/Signature=(\w+)/.exec(String(r.headers.authorization))?.[1], await expectedSignature(r, 'wire-secret', 'us-east-1'));
  });

  it('ListUsersInGroup too, once the SDK sent one', async () => {
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    canned.answer({ status: 200, body: '{"Users":[{"Username":"g"}],"NextToken":"n"}' });
    const input = { UserPoolId: POOL, GroupName: 'admins', Limit: 60, NextToken: 't' };
    const viaSdk = await client.send(new ListUsersInGroupCommand(input));
    const direct = await sender.send('ListUsersInGroup', input, new AbortController().signal);
    assert.deepStrictEqual(direct, userPageOf(viaSdk));
    assert.deepStrictEqual(direct, { items: [{ username: 'g', enabled: true, status: 'UNKNOWN', createdAt: undefined, modifiedAt: undefined, attributes: {}, mfaOptions: [] }], nextToken: 'n' });
    const [a, b] = canned.received.slice(-2);
    assert.deepStrictEqual([b.headers['x-amz-target'], b.body], [a.headers['x-amz-target'], a.body]);
  });

  it('signs with the credentials the client\'s provider gives at the time, refreshed as the SDK refreshes them', async () => {
    let issued = 0;
    const credentials = async () => ({ accessKeyId: `KEY${++issued}`, secretAccessKey: `secret${issued}`, expiration: new Date(Date.now() + 60_000) });
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials });
    canned.answer({ status: 200, body: '{}' });
    await client.send(new ListUsersCommand(INPUT));
    const sdkKey = /Credential=(\w+)/.exec(String(canned.received.at(-1)?.headers.authorization))?.[1];
    await sender.send('ListUsers', INPUT, new AbortController().signal);
    const last = canned.received.at(-1) as Received;
    const directKey = /Credential=(\w+)/.exec(String(last.headers.authorization))?.[1] ?? '';
    assert.notEqual(directKey, sdkKey, 'expiring credentials are fetched again');
    assert.equal(directKey, `KEY${issued}`);
    assert.equal(/Signature=(\w+)/.exec(String(last.headers.authorization))?.[1], await expectedSignature(last, `secret${issued}`, 'us-east-1'));
  });

  it('a credential provider that fails (an expired SSO session) fails the direct send as it fails the SDK\'s, sending nothing', async () => {
    let fail = false;
    const credentials = async () => {
      if (fail) throw Object.assign(new Error('The SSO session token associated with profile=dev was not found or is invalid.'), { name: 'CredentialsProviderError' });
      return { accessKeyId: 'x', secretAccessKey: 'y', expiration: new Date(Date.now() + 60_000) };
    };
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials });
    canned.answer({ status: 200, body: '{}' });
    await client.send(new ListUsersCommand(INPUT));
    fail = true;
    const before = canned.received.length;
    const seen = (e: unknown) => classifyFailure(failureFacts(e), { operation: 'ListUsers', profile: 'dev' });
    const viaSdk = await client.send(new ListUsersCommand(INPUT)).then(() => assert.fail('sent'), seen);
    const direct = await sender.send('ListUsers', INPUT, new AbortController().signal).then(() => assert.fail('sent'), seen);
    assert.deepStrictEqual(direct, viaSdk);
    assert.equal(direct.kind, 'sso-expired');
    assert.equal(canned.received.length, before);
  });

  it('follows the clock skew the SDK learns from the server\'s Date, on success and on error', async () => {
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    const config = client.config as unknown as { systemClockOffset: number };
    canned.answer({ status: 200, body: '{}' });
    await client.send(new ListUsersCommand(INPUT));
    const ahead = new Date(Date.now() + 3_600_000).toUTCString();
    canned.answer({ status: 200, body: '{}', headers: { date: ahead } });
    await sender.send('ListUsers', INPUT, new AbortController().signal);
    assert.ok(Math.abs(config.systemClockOffset - 3_600_000) < 5000, `offset ${config.systemClockOffset}`);
    const behind = new Date(Date.now() - 7_200_000).toUTCString();
    canned.answer({ status: 400, body: '{"__type":"InvalidSignatureException","message":"Signature expired"}', headers: { date: behind } });
    await assert.rejects(sender.send('ListUsers', INPUT, new AbortController().signal));
    assert.ok(Math.abs(config.systemClockOffset + 7_200_000) < 5000, `offset ${config.systemClockOffset}`);
    canned.answer({ status: 200, body: '{}' });
    const hourOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 11);
    const corrected = hourOf(new Date(Date.now() + config.systemClockOffset));
    await sender.send('ListUsers', INPUT, new AbortController().signal);
    const date = String(canned.received.at(-1)?.headers['x-amz-date']);
    assert.equal(date.slice(0, 11), corrected, 'the next request is signed at the corrected time');
  });

  it('every error answer fails as the SDK path fails: the same facts, class of failure, message and request id', async () => {
    const answers: Answer[] = [
      { status: 400, body: '{"__type":"ResourceNotFoundException","message":"User pool does not exist."}' },
      { status: 400, body: '{"__type":"com.amazonaws.cognito.identity.idp.model#InvalidParameterException","message":"bad filter"}' },
      { status: 400, body: '{"__type":"NotAuthorizedException","Message":"capital M"}' },
      { status: 400, body: '', headers: { 'x-amzn-errortype': 'TooManyRequestsException:http://internal.amazon.com/' } },
      { status: 400, body: '{}', headers: { 'x-amzn-errortype': 'ThrottlingException' } },
      { status: 400, body: '' },
      { status: 400, body: '<html><body>Forbidden</body></html>', headers: { 'content-type': 'text/html' } },
      { status: 403, body: '{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}' },
      { status: 429, body: '{"__type":"SomethingBrandNewException","message":"new"}' },
      { status: 500, body: '{"__type":"InternalErrorException","message":"oops"}' },
      { status: 500, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } },
      { status: 503, body: '' },
      { status: 502, body: 'not json at all' },
      { status: 302, body: '', headers: { location: 'http://elsewhere/' } },
      { status: 200, body: '<!DOCTYPE html><html>Sign in</html>', headers: { 'content-type': 'text/html' } },
      { status: 200, body: '{"Users":[{"Username":"a"' },
      { status: 200, body: '{"Users":[{"Username":"a","UserCreateDate":"2024-01-01"}]}' },
    ];
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    canned.answer({ status: 200, body: '{}' });
    await client.send(new ListUsersCommand(INPUT));
    const ctx = { operation: 'ListUsers', endpoint: canned.url(), region: 'us-east-1' };
    const seen = (error: unknown) => {
      const facts = failureFacts(error);
      const failure = classifyFailure(facts, ctx);
      return { facts, requestId: requestIdOfError(error), kind: failure.kind, retryable: failure.retryable, message: failure.message, awsName: failure.awsName };
    };
    for (const answer of answers) {
      canned.answer(answer);
      const before = canned.received.length;
      const viaSdk = await client.send(new ListUsersCommand(INPUT)).then(() => 'no error', (e: unknown) => seen(e));
      const direct = await sender.send('ListUsers', INPUT, new AbortController().signal).then(() => 'no error', (e: unknown) => seen(e));
      assert.notEqual(direct, 'no error', `HTTP ${answer.status} ${answer.body}`);
      const normal = (s: typeof direct) => (typeof s === 'string' ? s : { ...s, requestId: s.requestId?.replace(/\d+$/, 'N') });
      assert.deepStrictEqual(normal(direct), normal(viaSdk), `HTTP ${answer.status} ${answer.body}`);
      assert.equal(canned.received.length - before, 2, 'one request each');
    }
  });

  it('is never ready with an adaptive retry mode: the SDK\'s client-side rate limiter stays in the way', async () => {
    const { client, sender } = clientFor({ region: 'us-east-1', endpoint: canned.url(), credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, retryMode: 'adaptive' });
    canned.answer({ status: 200, body: '{}' });
    await client.send(new ListUsersCommand(INPUT));
    assert.equal(sender.ready('ListUsers'), false);
  });
});

describe('a page sent directly goes where the SDK resolved the endpoint', () => {
  const configs = [
    { region: 'eu-west-1' },
    { region: 'eu-west-1', useFipsEndpoint: true },
    { region: 'us-east-1', useDualstackEndpoint: true },
    { region: 'us-gov-west-1', useFipsEndpoint: true, useDualstackEndpoint: true },
    { region: 'cn-north-1' },
  ];
  for (const config of configs) {
    it(JSON.stringify(config), async () => {
      const sent: { protocol: string; hostname: string; port?: number; path: string; headers: Record<string, string> }[] = [];
      const requestHandler = {
        handle: async (request: (typeof sent)[number]) => {
          sent.push(request);
          return { response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from('{"Users":[]}') }) };
        },
        updateHttpClientConfig() {},
        httpHandlerConfigs: () => ({}),
      };
      const { client, sender } = clientFor({ ...config, credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, requestHandler });
      await client.send(new ListUsersCommand(INPUT));
      await sender.send('ListUsers', INPUT, new AbortController().signal);
      const [a, b] = sent.map((r) => ({ where: `${r.protocol}//${r.hostname}:${r.port ?? ''}${r.path}`, host: r.headers.host, scope: /Credential=x\/\d+\/([^,]+),/.exec(r.headers.authorization)?.[1] }));
      assert.deepStrictEqual(b, a);
      assert.match(a.where, /^https:\/\/cognito-idp/);
      assert.equal(a.scope, `${config.region}/cognito-idp/aws4_request`);
    });
  }
});
