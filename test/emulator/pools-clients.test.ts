import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InvalidParameterException,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AUDIT_POOL_ID,
  EMPTY_POOL_ID,
  LARGE_POOL_ID,
  LARGE_POOL_WEB_CLIENT_ID,
  OFF_POOL_ID,
  OVERRIDE_RISK_CLIENT_ID,
} from '../../src/emulator/index.ts';
import { NO_ALIAS_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';

describe('user pools and app clients', () => {
  const fx = useEmulator();

  it('lists every pool, with dates', async () => {
    const res = await fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    assert.deepEqual(res.UserPools?.map((p) => p.Id), [LARGE_POOL_ID, AUDIT_POOL_ID, OFF_POOL_ID, EMPTY_POOL_ID, NO_ALIAS_POOL_ID]);
    assert.equal(res.NextToken, undefined);
    for (const pool of res.UserPools ?? []) {
      assert.ok(pool.CreationDate instanceof Date);
      assert.ok(pool.LastModifiedDate instanceof Date);
      assert.match(pool.Id ?? '', /^us-east-1_[0-9A-Za-z]{9}$/);
    }
  });

  it('pages pools with NextToken', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: token }));
      ids.push(...(res.UserPools ?? []).map((p) => p.Id as string));
      token = res.NextToken;
      pages += 1;
    } while (token !== undefined);
    assert.equal(pages, 5);
    assert.deepEqual(ids, [LARGE_POOL_ID, AUDIT_POOL_ID, OFF_POOL_ID, EMPTY_POOL_ID, NO_ALIAS_POOL_ID]);
  });

  it('requires MaxResults from 1 to 60 for ListUserPools', async () => {
    await assert.rejects(fx.cognito.send(new ListUserPoolsCommand({} as never)), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.equal(e.message, "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
      return true;
    });
    await assert.rejects(fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 0 })), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.match(e.message, /Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1/);
      return true;
    });
    await assert.rejects(fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 61 })), InvalidParameterException);
  });

  it('rejects a garbled or foreign NextToken', async () => {
    await assert.rejects(fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: 'garbage' })), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.match(e.message, /pagination token/i);
      return true;
    });
    const clients = await fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID, MaxResults: 1 }));
    await assert.rejects(fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: clients.NextToken })), InvalidParameterException);
  });

  it('describes the ENFORCED Plus pool', async () => {
    const { UserPool: pool } = await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.ok(pool);
    assert.equal(pool.Id, LARGE_POOL_ID);
    assert.equal(pool.Name, 'acme-prod-customers');
    assert.equal(pool.Arn, `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${LARGE_POOL_ID}`);
    assert.equal(pool.UserPoolAddOns?.AdvancedSecurityMode, 'ENFORCED');
    assert.equal(pool.UserPoolTier, 'PLUS');
    assert.equal(pool.MfaConfiguration, 'OPTIONAL');
    assert.equal(pool.EstimatedNumberOfUsers, 20_000);
    assert.equal(pool.Policies?.PasswordPolicy?.MinimumLength, 12);
    assert.ok(pool.CreationDate instanceof Date && pool.LastModifiedDate instanceof Date);
    assert.ok(pool.SchemaAttributes?.some((a) => a.Name === 'custom:tenant'));
    assert.deepEqual(pool.AliasAttributes, ['email', 'preferred_username']);
  });

  it('describes the AUDIT, OFF, empty and workforce pools with their tiers and sizes', async () => {
    const expected = [
      [AUDIT_POOL_ID, 'AUDIT', 'PLUS', 320],
      [OFF_POOL_ID, 'OFF', 'ESSENTIALS', 42],
      [EMPTY_POOL_ID, 'OFF', 'LITE', 0],
      [NO_ALIAS_POOL_ID, 'ENFORCED', 'PLUS', 150],
    ] as const;
    for (const [id, mode, tier, users] of expected) {
      const { UserPool: pool } = await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }));
      assert.equal(pool?.UserPoolAddOns?.AdvancedSecurityMode, mode);
      assert.equal(pool?.UserPoolTier, tier);
      assert.equal(pool?.EstimatedNumberOfUsers, users);
    }
  });

  it('declares how each pool signs in: aliases, email as username, or the username alone', async () => {
    const signIn = async (id: string) => {
      const { UserPool: pool } = await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }));
      return { aliases: pool?.AliasAttributes, usernameAttributes: pool?.UsernameAttributes };
    };
    assert.deepEqual(await signIn(LARGE_POOL_ID), { aliases: ['email', 'preferred_username'], usernameAttributes: undefined });
    assert.deepEqual(await signIn(AUDIT_POOL_ID), { aliases: undefined, usernameAttributes: ['email'] });
    assert.deepEqual(await signIn(NO_ALIAS_POOL_ID), { aliases: undefined, usernameAttributes: undefined });
  });

  it('says an unknown pool does not exist', async () => {
    await assert.rejects(fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_NoSuchPl0' })), (e: unknown) => {
      assert.ok(e instanceof ResourceNotFoundException);
      assert.equal(e.message, 'User pool us-east-1_NoSuchPl0 does not exist.');
      return true;
    });
  });

  it('lists and pages app clients', async () => {
    const all = await fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.equal(all.UserPoolClients?.length, 4);
    assert.ok(all.UserPoolClients?.every((c) => c.UserPoolId === LARGE_POOL_ID && c.ClientName && c.ClientId));
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const res = await fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID, MaxResults: 3, NextToken: token }));
      ids.push(...(res.UserPoolClients ?? []).map((c) => c.ClientId as string));
      token = res.NextToken;
    } while (token !== undefined);
    assert.deepEqual(ids, all.UserPoolClients?.map((c) => c.ClientId));
    assert.ok(ids.includes(OVERRIDE_RISK_CLIENT_ID));
    for (const pool of [AUDIT_POOL_ID, OFF_POOL_ID, EMPTY_POOL_ID]) {
      const res = await fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool }));
      assert.ok((res.UserPoolClients?.length ?? 0) >= 2 && (res.UserPoolClients?.length ?? 0) <= 4);
    }
  });

  it('limits MaxResults for clients to 1..60', async () => {
    await assert.rejects(fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID, MaxResults: 0 })), InvalidParameterException);
    await assert.rejects(fx.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: LARGE_POOL_ID, MaxResults: 61 })), InvalidParameterException);
  });

  it('describes an app client', async () => {
    const { UserPoolClient: client } = await fx.cognito.send(
      new DescribeUserPoolClientCommand({ UserPoolId: LARGE_POOL_ID, ClientId: LARGE_POOL_WEB_CLIENT_ID }),
    );
    assert.equal(client?.ClientId, LARGE_POOL_WEB_CLIENT_ID);
    assert.equal(client?.UserPoolId, LARGE_POOL_ID);
    assert.equal(client?.ClientName, 'customer-web');
    assert.ok(client?.CreationDate instanceof Date);
    assert.deepEqual(client?.AllowedOAuthFlows, ['code']);
    assert.equal(client?.ClientSecret, undefined);
  });

  it('says an unknown client does not exist', async () => {
    await assert.rejects(
      fx.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: LARGE_POOL_ID, ClientId: 'nosuchclient0000000000000' })),
      (e: unknown) => {
        assert.ok(e instanceof ResourceNotFoundException);
        assert.equal(e.message, 'User pool client nosuchclient0000000000000 does not exist.');
        return true;
      },
    );
  });
});
