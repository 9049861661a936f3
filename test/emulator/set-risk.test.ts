import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DescribeRiskConfigurationCommand,
  InvalidParameterException,
  SetRiskConfigurationCommand,
  UserPoolAddOnNotEnabledException,
  type RiskConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID, OFF_POOL_ID, OVERRIDE_RISK_CLIENT_ID } from '../../src/emulator/index.ts';
import { rawCall, useEmulator } from './helpers.ts';

const sections = (r: RiskConfigurationType | undefined) => ({
  CompromisedCredentialsRiskConfiguration: r?.CompromisedCredentialsRiskConfiguration,
  AccountTakeoverRiskConfiguration: r?.AccountTakeoverRiskConfiguration,
  RiskExceptionConfiguration: r?.RiskExceptionConfiguration,
});

describe('SetRiskConfiguration', () => {
  const fx = useEmulator({ usersInLargePool: 100 });
  const describeRisk = async (clientId?: string) =>
    (await fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: clientId }))).RiskConfiguration;

  it('writes back every section as read, unchanged, and Describe returns it', async () => {
    const before = await describeRisk();
    const changed = { ...sections(before), RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.7/32'], SkippedIPRangeList: [] } };
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ...changed }));
    const after = await describeRisk();
    assert.deepEqual(after?.AccountTakeoverRiskConfiguration, before?.AccountTakeoverRiskConfiguration);
    assert.deepEqual(after?.CompromisedCredentialsRiskConfiguration, before?.CompromisedCredentialsRiskConfiguration);
    assert.deepEqual(after?.RiskExceptionConfiguration, { BlockedIPRangeList: ['192.0.2.7/32'], SkippedIPRangeList: [] });
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ...sections(before) }));
  });

  it('replaces the whole configuration: a section not sent is removed', async () => {
    const before = await describeRisk();
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] } }));
    const after = await describeRisk();
    assert.equal(after?.AccountTakeoverRiskConfiguration, undefined);
    assert.equal(after?.CompromisedCredentialsRiskConfiguration, undefined);
    assert.deepEqual(after?.RiskExceptionConfiguration, { BlockedIPRangeList: ['192.0.2.0/24'] });
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ...sections(before) }));
    assert.deepEqual(sections(await describeRisk()), sections(before));
  });

  it('a client that inherits gets its own configuration, and only UserPoolId + ClientId makes it inherit again', async () => {
    const pool = await describeRisk();
    assert.equal((await describeRisk(LARGE_POOL_WEB_CLIENT_ID))?.ClientId, undefined, 'inherits at first');
    const own = { ...sections(pool), RiskExceptionConfiguration: { BlockedIPRangeList: ['198.18.0.0/15'], SkippedIPRangeList: [] } };
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: LARGE_POOL_WEB_CLIENT_ID, ...own }));
    const clientLevel = await describeRisk(LARGE_POOL_WEB_CLIENT_ID);
    assert.equal(clientLevel?.ClientId, LARGE_POOL_WEB_CLIENT_ID);
    assert.deepEqual(clientLevel?.RiskExceptionConfiguration?.BlockedIPRangeList, ['198.18.0.0/15']);
    assert.deepEqual(sections(await describeRisk()), sections(pool), 'the pool is untouched');
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: LARGE_POOL_WEB_CLIENT_ID }));
    const inherited = await describeRisk(LARGE_POOL_WEB_CLIENT_ID);
    assert.equal(inherited?.ClientId, undefined);
    assert.deepEqual(sections(inherited), sections(pool));
    assert.equal((await describeRisk(OVERRIDE_RISK_CLIENT_ID))?.ClientId, OVERRIDE_RISK_CLIENT_ID, 'other clients keep their own');
  });

  it('refuses what the model refuses, and changes nothing', async () => {
    const before = await describeRisk();
    const bad: Array<[string, Record<string, unknown>]> = [
      ['not a CIDR', { RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.7'] } }],
      ['prefix out of range', { RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/33'] } }],
      ['garbage', { RiskExceptionConfiguration: { SkippedIPRangeList: ['evil.example/24'] } }],
      ['201 ranges', { RiskExceptionConfiguration: { BlockedIPRangeList: Array.from({ length: 201 }, (_, i) => `10.0.${i}.0/24`) } }],
      ['enum of an action', { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: 'LOCK' } } } }],
      ['missing Notify', { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK' } } } }],
      ['missing Actions', { CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'] } }],
      ['enum of an event filter', { CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_OUT'], Actions: { EventAction: 'BLOCK' } } }],
      ['SourceArn', { AccountTakeoverRiskConfiguration: { Actions: {}, NotifyConfiguration: { SourceArn: 'not-an-arn' } } }],
      ['empty subject', { AccountTakeoverRiskConfiguration: { Actions: {}, NotifyConfiguration: { SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/x.example', BlockEmail: { Subject: '' } } } }],
    ];
    for (const [what, body] of bad) {
      const res = await rawCall(fx.emu, 'SetRiskConfiguration', { UserPoolId: LARGE_POOL_ID, ...body });
      assert.equal(res.status, 400, what);
      assert.equal(res.json.__type, 'InvalidParameterException', `${what}: ${JSON.stringify(res.json)}`);
    }
    await assert.rejects(
      fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, RiskExceptionConfiguration: { BlockedIPRangeList: ['2001:db8::/32'] } })),
      InvalidParameterException,
    );
    assert.deepEqual(sections(await describeRisk()), sections(before));
  });

  it('200 ranges per list are accepted', async () => {
    const before = await describeRisk();
    const ranges = Array.from({ length: 200 }, (_, i) => `10.${i}.0.0/16`);
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ...sections(before), RiskExceptionConfiguration: { BlockedIPRangeList: ranges } }));
    assert.equal((await describeRisk())?.RiskExceptionConfiguration?.BlockedIPRangeList?.length, 200);
    await fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ...sections(before) }));
  });

  it('a pool without threat protection refuses it', async () => {
    await assert.rejects(fx.cognito.send(new SetRiskConfigurationCommand({ UserPoolId: OFF_POOL_ID })), UserPoolAddOnNotEnabledException);
  });
});
