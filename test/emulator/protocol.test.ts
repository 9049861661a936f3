import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { rawCall } from './helpers.ts';

describe('AWS JSON 1.1 protocol', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ port: 0, usersInLargePool: 200 });
  });
  after(() => emu.close());

  it('listens on 127.0.0.1 with the port in the URL', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.url, `http://127.0.0.1:${emu.port}`);
    assert.ok(emu.port > 0);
  });

  it('answers a known operation with JSON 1.1, a request id and epoch-second timestamps', async () => {
    const res = await rawCall(emu, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    const pool = res.json.UserPool as Record<string, unknown>;
    assert.equal(typeof pool.CreationDate, 'number');
    assert.ok((pool.CreationDate as number) > 1e9 && (pool.CreationDate as number) < 1e10);
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await rawCall(emu, 'DeleteUserPool', { UserPoolId: LARGE_POOL_ID });
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, 'UnknownOperationException');
    assert.equal(typeof res.json.message, 'string');
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    assert.ok(res.headers.get('x-amzn-requestid'));
  });

  it('answers a request without X-Amz-Target with UnknownOperationException', async () => {
    const res = await rawCall(emu, undefined, {});
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, 'UnknownOperationException');
  });

  it('rejects a body that is not JSON with SerializationException', async () => {
    const res = await rawCall(emu, 'ListUserPools', '{"MaxResults": ');
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, 'SerializationException');
  });

  it('rejects a member of the wrong JSON type with SerializationException', async () => {
    const res = await rawCall(emu, 'ListUserPools', { MaxResults: 'ten' });
    assert.equal(res.json.__type, 'SerializationException');
  });

  it('reports every validation problem in one InvalidParameterException', async () => {
    const res = await rawCall(emu, 'ListUsers', { Limit: 61, Filter: 'x'.repeat(300) });
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, 'InvalidParameterException');
    assert.equal(
      res.json.message,
      "3 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; " +
        "Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60; " +
        `Value '${'x'.repeat(300)}' at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  });

  it('checks the user pool id pattern', async () => {
    const res = await rawCall(emu, 'DescribeUserPool', { UserPoolId: 'not a pool' });
    assert.equal(res.json.__type, 'InvalidParameterException');
    assert.match(String(res.json.message), /at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w-\]\+_\[0-9a-zA-Z\]\+/);
  });

  it('records every request with its service, operation, body, status and error type', async () => {
    const before = emu.requests.length;
    await rawCall(emu, 'DescribeUserPool', { UserPoolId: 'us-east-1_nope' });
    await rawCall(emu, 'ListUserPools', { MaxResults: 1 });
    const [missing, listed] = emu.requests.slice(before);
    assert.ok(missing.receivedAt !== undefined && missing.receivedAt <= missing.at, 'arrived before it was answered');
    assert.deepEqual({ ...missing, at: 0, receivedAt: 0 }, {
      operation: 'DescribeUserPool',
      body: { UserPoolId: 'us-east-1_nope' },
      status: 400,
      errorType: 'ResourceNotFoundException',
      service: 'Cognito',
      at: 0,
      receivedAt: 0,
    });
    assert.equal(listed.operation, 'ListUserPools');
    assert.equal(listed.status, 200);
    assert.equal(listed.errorType, undefined);
    assert.ok(listed.at >= missing.at);
  });
});
