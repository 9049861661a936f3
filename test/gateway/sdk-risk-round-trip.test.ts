import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, OVERRIDE_RISK_CLIENT_ID, startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { CognitoGateway, RiskConfiguration } from '../../src/gateway/types.ts';
import { rawCall } from '../emulator/helpers.ts';

const sections = (answer: Record<string, unknown>) => {
  const r = answer.RiskConfiguration as Record<string, unknown>;
  return [r.CompromisedCredentialsRiskConfiguration, r.AccountTakeoverRiskConfiguration, r.RiskExceptionConfiguration];
};

describe('setRiskConfiguration through the SDK', () => {
  let emu: RunningEmulator;
  let gw: CognitoGateway;
  before(async () => {
    emu = await startEmulator({ usersInLargePool: 50 });
    gw = createSdkGateway({ region: 'us-east-1', endpoint: emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, writeRetryDelaysMs: [1] });
  });
  after(() => emu.close());

  for (const clientId of [undefined, OVERRIDE_RISK_CLIENT_ID]) {
    it(`writes back what it read byte for byte, email bodies included (${clientId ? 'client' : 'pool'} level)`, async () => {
      const raw = await rawCall(emu, 'DescribeRiskConfiguration', { UserPoolId: LARGE_POOL_ID, ClientId: clientId });
      const read = await gw.describeRiskConfiguration(LARGE_POOL_ID, clientId);
      assert.ok(read.accountTakeover?.notify?.blockEmail?.htmlBody && read.accountTakeover.notify.mfaEmail?.textBody, 'bodies are kept');
      const stored = await gw.setRiskConfiguration(LARGE_POOL_ID, clientId, read);
      const again = await rawCall(emu, 'DescribeRiskConfiguration', { UserPoolId: LARGE_POOL_ID, ClientId: clientId });
      assert.deepEqual(sections(again.json), sections(raw.json));
      const strip = ({ modifiedAt: _, ...rest }: RiskConfiguration) => rest;
      assert.deepEqual(strip(stored), strip(read));
    });
  }

  it('a section the configuration lacks is removed; absent lists stay absent', async () => {
    const read = await gw.describeRiskConfiguration(LARGE_POOL_ID);
    await gw.setRiskConfiguration(LARGE_POOL_ID, undefined, { exceptions: { blockedIpRanges: ['192.0.2.0/24'], skippedIpRanges: [], skippedAbsent: true } });
    const raw = await rawCall(emu, 'DescribeRiskConfiguration', { UserPoolId: LARGE_POOL_ID });
    assert.deepEqual(sections(raw.json), [undefined, undefined, { BlockedIPRangeList: ['192.0.2.0/24'] }]);
    await gw.setRiskConfiguration(LARGE_POOL_ID, undefined, read);
  });

  it('is sent once, and a refusal is classified as a write failure naming the action', async () => {
    emu.setFaults({ operationErrors: { SetRiskConfiguration: { type: 'AccessDeniedException', status: 400 } } });
    const before = emu.requests.filter((r) => r.operation === 'SetRiskConfiguration').length;
    try {
      await gw.setRiskConfiguration(LARGE_POOL_ID, undefined, {});
      assert.fail('refused');
    } catch (error) {
      assert.ok(error instanceof GatewayError);
      assert.equal(error.kind, 'permission');
      assert.match(error.message, /SetRiskConfiguration/);
    } finally {
      emu.setFaults({});
    }
    assert.equal(emu.requests.filter((r) => r.operation === 'SetRiskConfiguration').length - before, 1);
  });
});
