import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CognitoIdentityProviderServiceException,
  InternalErrorException,
  ListUserPoolsCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../src/emulator/index.ts';
import { sdkClient, useEmulator } from './helpers.ts';

const listPools = new ListUserPoolsCommand({ MaxResults: 10 });

describe('fault injection', () => {
  const fx = useEmulator({ usersInLargePool: 100 }, 1);

  it('throttles every request at throttleRate 1 with TooManyRequestsException', async () => {
    fx.emu.setFaults({ throttleRate: 1 });
    await assert.rejects(fx.cognito.send(listPools), (e: unknown) => {
      assert.ok(e instanceof TooManyRequestsException);
      assert.equal(e.message, 'Rate exceeded');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
    const last = fx.emu.requests.at(-1);
    assert.deepEqual([last?.operation, last?.status, last?.errorType], ['ListUserPools', 400, 'TooManyRequestsException']);
  });

  it('fails every request at errorRate 1 with a 500 InternalErrorException', async () => {
    fx.emu.setFaults({ errorRate: 1 });
    await assert.rejects(fx.cognito.send(listPools), (e: unknown) => {
      assert.ok(e instanceof InternalErrorException);
      assert.equal(e.$metadata.httpStatusCode, 500);
      return true;
    });
    assert.equal(fx.emu.requests.at(-1)?.status, 500);
  });

  it('drops the connection at dropRate 1 and records status 0', async () => {
    fx.emu.setFaults({ dropRate: 1 });
    await assert.rejects(fx.cognito.send(listPools), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.ok(!(e instanceof CognitoIdentityProviderServiceException));
      return true;
    });
    const last = fx.emu.requests.at(-1);
    assert.deepEqual([last?.operation, last?.status, last?.errorType], ['ListUserPools', 0, undefined]);
  });

  it('adds latency to every response', async () => {
    fx.emu.setFaults({ latencyMs: 40 });
    const started = performance.now();
    const res = await fx.cognito.send(listPools);
    assert.ok(performance.now() - started >= 39);
    assert.equal(res.UserPools?.length, 5);
  });

  it('answers normally again once faults are cleared', async () => {
    fx.emu.setFaults({});
    const res = await fx.cognito.send(listPools);
    assert.equal(res.UserPools?.length, 5);
  });

  it('takes faults from the start options, reproducibly for a seed', async () => {
    const outcomes: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const faulty = await startEmulator({ port: 0, seed: 99, usersInLargePool: 10, faults: { throttleRate: 0.3, errorRate: 0.3 } });
      const client = sdkClient(faulty, 1);
      try {
        for (let i = 0; i < 20; i += 1) await client.send(listPools).catch(() => undefined);
        outcomes.push(faulty.requests.map((r) => `${r.status}:${r.errorType ?? ''}`));
      } finally {
        client.destroy();
        await faulty.close();
      }
    }
    assert.deepEqual(outcomes[0], outcomes[1]);
    assert.ok(outcomes[0].includes('200:'));
    assert.ok(outcomes[0].includes('400:TooManyRequestsException'));
    assert.ok(outcomes[0].includes('500:InternalErrorException'));
  });
});
