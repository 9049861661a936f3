import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DescribeRiskConfigurationCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  UserPoolAddOnNotEnabledException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AUDIT_POOL_ID,
  LARGE_POOL_ID,
  LARGE_POOL_WEB_CLIENT_ID,
  OFF_POOL_ID,
  OVERRIDE_RISK_CLIENT_ID,
} from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

describe('DescribeRiskConfiguration', () => {
  const fx = useEmulator({ usersInLargePool: 100 });

  it('describes the pool-level configuration without a ClientId', async () => {
    const { RiskConfiguration: risk } = await fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.equal(risk?.UserPoolId, LARGE_POOL_ID);
    assert.equal(risk?.ClientId, undefined);
    const actions = risk?.AccountTakeoverRiskConfiguration?.Actions;
    assert.deepEqual(actions?.LowAction, { Notify: false, EventAction: 'NO_ACTION' });
    assert.deepEqual(actions?.MediumAction, { Notify: true, EventAction: 'MFA_IF_CONFIGURED' });
    assert.deepEqual(actions?.HighAction, { Notify: true, EventAction: 'MFA_REQUIRED' });
    const notify = risk?.AccountTakeoverRiskConfiguration?.NotifyConfiguration;
    assert.equal(notify?.From, 'security@acme.example');
    assert.ok(notify?.BlockEmail?.Subject && notify.MfaEmail?.TextBody && notify.NoActionEmail?.HtmlBody);
    assert.deepEqual(risk?.CompromisedCredentialsRiskConfiguration, { EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } });
    assert.deepEqual(risk?.RiskExceptionConfiguration, { BlockedIPRangeList: ['185.220.100.0/22', '203.0.113.0/24'], SkippedIPRangeList: ['198.51.100.0/24'] });
    assert.ok(risk?.LastModifiedDate instanceof Date);
  });

  it('describes a client-level configuration that overrides the pool, with its ClientId', async () => {
    const { RiskConfiguration: risk } = await fx.cognito.send(
      new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: OVERRIDE_RISK_CLIENT_ID }),
    );
    assert.equal(risk?.UserPoolId, LARGE_POOL_ID);
    assert.equal(risk?.ClientId, OVERRIDE_RISK_CLIENT_ID);
    assert.equal(risk?.AccountTakeoverRiskConfiguration?.Actions?.HighAction?.EventAction, 'BLOCK');
    assert.deepEqual(risk?.RiskExceptionConfiguration?.SkippedIPRangeList, ['10.20.0.0/16', '192.0.2.0/24']);
  });

  it('falls back to the pool-level configuration for a client without its own', async () => {
    const { RiskConfiguration: risk } = await fx.cognito.send(
      new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: LARGE_POOL_WEB_CLIENT_ID }),
    );
    assert.equal(risk?.ClientId, undefined);
    assert.equal(risk?.AccountTakeoverRiskConfiguration?.Actions?.HighAction?.EventAction, 'MFA_REQUIRED');
  });

  it('describes the AUDIT pool, whose actions are all NO_ACTION', async () => {
    const { RiskConfiguration: risk } = await fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: AUDIT_POOL_ID }));
    const actions = risk?.AccountTakeoverRiskConfiguration?.Actions;
    assert.deepEqual([actions?.LowAction?.EventAction, actions?.MediumAction?.EventAction, actions?.HighAction?.EventAction], ['NO_ACTION', 'NO_ACTION', 'NO_ACTION']);
  });

  it('refuses a pool without threat protection, and unknown pools or clients', async () => {
    await assert.rejects(fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: OFF_POOL_ID })), UserPoolAddOnNotEnabledException);
    await assert.rejects(fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: 'us-east-1_Missing00' })), ResourceNotFoundException);
    await assert.rejects(
      fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID, ClientId: 'nosuchclient' })),
      (e: unknown) => e instanceof ResourceNotFoundException && e.message === 'User pool client nosuchclient does not exist.',
    );
    await assert.rejects(fx.cognito.send(new DescribeRiskConfigurationCommand({} as never)), InvalidParameterException);
  });
});
