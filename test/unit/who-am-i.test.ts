import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { EMULATOR_CALLER } from '../../src/emulator/sts.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('gateway: whoAmI (sts:GetCallerIdentity)', () => {
  let emulator: RunningEmulator;
  before(async () => { emulator = await startEmulator({ port: 0 }); });
  after(async () => { await emulator.close(); });

  it('is answered by the emulator as STS does (awsQuery form, XML answer), and asked once per gateway', async () => {
    const gateway = createSdkGateway({ region: 'us-east-1', endpoint: emulator.url, credentials });
    const first = gateway.whoAmI!();
    assert.equal(gateway.whoAmI!(), first);
    assert.deepEqual(await first, { arn: EMULATOR_CALLER.arn, account: EMULATOR_CALLER.account });
    assert.deepEqual(emulator.requests.map((r) => [r.service, r.operation]), [['STS', 'GetCallerIdentity']], 'asked once, recorded as STS');
  });

  it('is unknown, with the reason, at an endpoint that does not speak STS', async () => {
    const server = createServer((_req, res) => { res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1' }); res.end('{"__type":"UnknownOperationException"}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const who = await createSdkGateway({ region: 'us-east-1', endpoint: url, credentials }).whoAmI!();
      assert.ok('unknown' in who);
      assert.match(who.unknown, /^sts:GetCallerIdentity failed \(/);
    } finally {
      server.close();
    }
  });
});
