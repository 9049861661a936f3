import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, startEmulator, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord, CognitoGateway } from '../../src/gateway/types.ts';
import { startSweep } from '../../src/sweep/run-sweep.ts';

describe("the SDK gateway's sweep view", () => {
  let emulator: RunningEmulator;
  let gateway: CognitoGateway;
  const records: ApiCallRecord[] = [];

  before(async () => {
    emulator = await startEmulator({ port: 0, usersInLargePool: 120 });
    gateway = createSdkGateway({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    gateway.subscribeCalls((r) => records.push(r));
  });

  after(async () => {
    await emulator.close();
  });

  const eventReads = () => emulator.requests.filter((r) => r.operation === 'AdminListUserAuthEvents').length;

  it('sends each sweep read once, while the other reads keep their retries; every call reaches the listeners', async () => {
    const sweep = gateway.forSweep!();
    assert.equal(gateway.forSweep!(), sweep);
    emulator.setFaults({ errorRate: 1 });
    try {
      emulator.requests.length = 0;
      records.length = 0;
      await assert.rejects(sweep.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME), { kind: 'server', retryable: true });
      assert.equal(eventReads(), 1);
      assert.deepEqual(records.map((r) => [r.operation, r.ok, r.attempts]), [['AdminListUserAuthEvents', false, 1]]);

      emulator.requests.length = 0;
      records.length = 0;
      await assert.rejects(gateway.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME), { kind: 'server' });
      assert.equal(eventReads(), 4);
      assert.deepEqual(records.map((r) => [r.operation, r.ok, r.attempts]), [['AdminListUserAuthEvents', false, 4]]);
    } finally {
      emulator.setFaults({});
    }
  });

  it('lets a sweep retry the server errors itself and read every user', async () => {
    emulator.setFaults({ errorRate: 0.1 });
    try {
      emulator.requests.length = 0;
      const summary = await startSweep({
        gateway: gateway.forSweep!(), poolId: LARGE_POOL_ID, share: 1,
        quotaOverrides: { UserList: 2000, UserResourceRead: 2000 }, backoff: { baseMs: 2, maxMs: 20, maxRetries: 20 },
      }).done;
      assert.equal(summary.phase, 'done', summary.error?.message);
      assert.equal(summary.errors, 0);
      assert.equal(summary.usersScanned, 120);
      assert.equal(summary.throttled, 0);
      assert.ok(emulator.requests.some((r) => r.status === 500), 'the emulator failed some calls');
      assert.equal(summary.calls, emulator.requests.length);
    } finally {
      emulator.setFaults({});
    }
  });
});
