import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { EMPTY_POOL_ID, LARGE_POOL_ID, OFF_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { rawCall, useEmulator } from './helpers.ts';

describe('the main demo pool as a pool-settings and groups view sees it', () => {
  const fx = useEmulator();

  it('describes its settings: password policy, MFA and SMS, recovery, Lambda triggers, email, deletion protection', async () => {
    const pool = (await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: LARGE_POOL_ID }))).UserPool;
    assert.equal(pool?.EstimatedNumberOfUsers, 20_000);
    assert.equal(pool?.DeletionProtection, 'ACTIVE');
    assert.equal(pool?.MfaConfiguration, 'OPTIONAL');
    assert.equal(pool?.UsernameConfiguration?.CaseSensitive, false);
    assert.deepEqual(pool?.AliasAttributes, ['email', 'preferred_username']);
    assert.deepEqual(pool?.AutoVerifiedAttributes, ['email']);
    const policy = pool?.Policies?.PasswordPolicy;
    assert.equal(policy?.MinimumLength, 12);
    assert.equal(policy?.RequireSymbols, true);
    assert.equal(policy?.TemporaryPasswordValidityDays, 7);
    assert.equal(policy?.PasswordHistorySize, 5);
    assert.deepEqual(pool?.AccountRecoverySetting?.RecoveryMechanisms?.map((m) => [m.Priority, m.Name]), [[1, 'verified_email'], [2, 'verified_phone_number']]);
    const triggers = Object.entries(pool?.LambdaConfig ?? {});
    assert.ok(triggers.length >= 2);
    for (const [, arn] of triggers) assert.match(String(arn), /^arn:aws:lambda:us-east-1:123456789012:function:acme-prod-customers-/);
    assert.equal(pool?.EmailConfiguration?.EmailSendingAccount, 'DEVELOPER');
    assert.match(pool?.EmailConfiguration?.SourceArn ?? '', /^arn:aws:ses:/);
    assert.ok(pool?.EmailConfiguration?.From && pool.EmailConfiguration.ReplyToEmailAddress && pool.EmailConfiguration.ConfigurationSet);
    assert.match(pool?.SmsConfiguration?.SnsCallerArn ?? '', /^arn:aws:iam::/);
    assert.equal(pool?.UserPoolTier, 'PLUS');

    const off = (await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: OFF_POOL_ID }))).UserPool;
    assert.equal(off?.SmsConfiguration, undefined);
    assert.deepEqual(off?.LambdaConfig, {});
    assert.equal(off?.EmailConfiguration?.EmailSendingAccount, 'COGNITO_DEFAULT');
    const sandbox = (await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: EMPTY_POOL_ID }))).UserPool;
    assert.equal(sandbox?.DeletionProtection, 'INACTIVE');
  });

  it('has several app clients; DescribeUserPoolClient returns the one secret, ListUserPoolClients never does', async () => {
    const listed = await rawCall(fx.emu, 'ListUserPoolClients', { UserPoolId: LARGE_POOL_ID });
    const clients = listed.json.UserPoolClients as Array<Record<string, unknown>>;
    assert.ok(clients.length >= 3);
    assert.ok(clients.every((c) => !('ClientSecret' in c)));
    const sdkList = await fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID }));
    const withSecret: string[] = [];
    for (const c of sdkList.UserPoolClients ?? []) {
      const detail = await fx.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: LARGE_POOL_ID, ClientId: c.ClientId as string }));
      if (detail.UserPoolClient?.ClientSecret) withSecret.push(detail.UserPoolClient.ClientName as string);
    }
    assert.deepEqual(withSecret, ['billing-backend']);
  });

  it('has groups with members, one of them over 60 that ListUsersInGroup pages through, and UNCONFIRMED users', async () => {
    const groups = (await fx.cognito.send(new ListGroupsCommand({ UserPoolId: LARGE_POOL_ID }))).Groups ?? [];
    const sizes = new Map<string, number>();
    for (const g of groups) {
      const names: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const res = await fx.cognito.send(new ListUsersInGroupCommand({ UserPoolId: LARGE_POOL_ID, GroupName: g.GroupName as string, NextToken: token }));
        names.push(...(res.Users ?? []).map((u) => u.Username as string));
        token = res.NextToken;
        pages += 1;
      } while (token !== undefined && pages < 100);
      assert.equal(new Set(names).size, names.length, `${g.GroupName}: each member once`);
      sizes.set(g.GroupName as string, names.length);
    }
    assert.ok([...sizes.values()].every((n) => n > 0), JSON.stringify([...sizes]));
    assert.ok([...sizes.values()].some((n) => n > 60 && n < 120), JSON.stringify([...sizes]));
    const unconfirmed = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: 'cognito:user_status = "UNCONFIRMED"' }));
    assert.ok((unconfirmed.Users?.length ?? 0) > 0);
  });

  it('has maria.garcia in a group and with remembered devices', async () => {
    const groups = await fx.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.ok((groups.Groups?.length ?? 0) > 0);
    const devices = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.ok((devices.Devices?.length ?? 0) > 0);
  });
});
