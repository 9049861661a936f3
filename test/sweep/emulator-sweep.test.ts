import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, OFF_POOL_ID, startEmulator, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { CognitoGateway } from '../../src/gateway/types.ts';
import { needsAttention } from '../../src/domain/event-risk.ts';
import { startSweep } from '../../src/sweep/run-sweep.ts';
import type { SweepOptions } from '../../src/sweep/types.ts';

const USERS = 300;
const FAST: Partial<SweepOptions> = { share: 1, quotaOverrides: { UserList: 2000, UserResourceRead: 2000 }, backoff: { baseMs: 2, maxMs: 20, maxRetries: 20 } };

async function allUsernames(gateway: CognitoGateway): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await gateway.listUsers(LARGE_POOL_ID, undefined, token);
    names.push(...page.items.map((u) => u.username));
    token = page.nextToken;
  } while (token);
  return names;
}

function eventReadsByUser(emulator: RunningEmulator, status: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of emulator.requests) {
    if (r.operation !== 'AdminListUserAuthEvents' || r.status !== status) continue;
    const name = (r.body as { Username: string }).Username;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

describe('sweep through the real SDK against the emulator', () => {
  let emulator: RunningEmulator;
  let gateway: CognitoGateway;

  before(async () => {
    emulator = await startEmulator({ port: 0, usersInLargePool: USERS });
    gateway = createSdkGateway({
      region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxReadAttempts: 1,
    });
  });

  after(async () => {
    await emulator.close();
  });

  it("finds maria.garcia's risky events, reading each user's events exactly once", async () => {
    emulator.requests.length = 0;
    const summary = await startSweep({ gateway, poolId: LARGE_POOL_ID, estimatedUsers: USERS, ...FAST }).done;
    assert.equal(summary.phase, 'done', summary.error?.message);
    assert.equal(summary.errors, 0);
    const reads = eventReadsByUser(emulator, 200);
    const listed = emulator.requests.filter((r) => r.operation === 'ListUsers').length;
    const names = await allUsernames(gateway);
    assert.equal(names.length, USERS);
    assert.equal(summary.usersScanned, USERS);
    assert.deepEqual([...reads.keys()].sort(), [...names].sort());
    assert.ok([...reads.values()].every((n) => n === 1), 'one AdminListUserAuthEvents per user');
    assert.equal(summary.calls, listed + USERS);

    const maria = summary.findings.find((f) => f.user.username === TAKEOVER_USERNAME);
    assert.ok(maria, 'maria.garcia is among the findings');
    const direct = (await gateway.listAuthEvents(LARGE_POOL_ID, TAKEOVER_USERNAME)).items;
    assert.deepEqual(maria.events.map((e) => e.id), direct.filter(needsAttention).map((e) => e.id));
    assert.ok(maria.events.some((e) => e.riskDecision === 'AccountTakeover' && e.riskLevel === 'High'));
    assert.ok(maria.events.some((e) => e.compromisedCredentials === true));
    assert.equal(summary.riskyEvents, summary.findings.reduce((n, f) => n + f.events.length, 0));
  });

  it('retries what the emulator throttles and still reads each user once', async () => {
    emulator.requests.length = 0;
    emulator.setFaults({ throttleRate: 0.1 });
    try {
      const summary = await startSweep({ gateway, poolId: LARGE_POOL_ID, filter: 'username ^= "a"', ...FAST }).done;
      assert.equal(summary.phase, 'done', summary.error?.message);
      const throttled = emulator.requests.filter((r) => r.errorType === 'TooManyRequestsException').length;
      assert.ok(throttled > 0, 'the emulator throttled some calls');
      assert.equal(summary.throttled, throttled);
      assert.equal(summary.calls, emulator.requests.length);
      const reads = eventReadsByUser(emulator, 200);
      assert.equal(reads.size, summary.usersScanned);
      assert.ok(summary.usersScanned > 0);
      assert.ok([...reads.keys()].every((n) => n.startsWith('a')));
      assert.ok([...reads.values()].every((n) => n === 1));
      assert.ok(emulator.requests.filter((r) => r.operation === 'ListUsers')
        .every((r) => (r.body as { Filter?: string }).Filter === 'username ^= "a"'));
    } finally {
      emulator.setFaults({});
    }
  });

  it('stops with a clear message on a pool without threat protection', async () => {
    emulator.requests.length = 0;
    const summary = await startSweep({ gateway, poolId: OFF_POOL_ID, ...FAST, concurrency: 1 }).done;
    assert.equal(summary.phase, 'failed');
    assert.equal(summary.error?.kind, 'threat-protection-off');
    assert.match(summary.error?.message ?? '', /threat protection off/);
    assert.equal(emulator.requests.filter((r) => r.operation === 'AdminListUserAuthEvents').length, 1);
  });
});
