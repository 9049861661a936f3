import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminListUserAuthEventsCommand,
  DescribeRiskConfigurationCommand,
  SetRiskConfigurationCommand,
  type AuthEventType,
} from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';

async function allEvents(fx: ReturnType<typeof useEmulator>): Promise<AuthEventType[]> {
  const out: AuthEventType[] = [];
  let token: string | undefined;
  do {
    const page = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, NextToken: token }));
    out.push(...(page.AuthEvents ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

async function block(fx: ReturnType<typeof useEmulator>, range: string, remove = false) {
  const { RiskConfiguration: risk } = await fx.cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: LARGE_POOL_ID }));
  const ex = risk!.RiskExceptionConfiguration!;
  const blocked = remove ? ex.BlockedIPRangeList!.filter((r) => r !== range) : [...ex.BlockedIPRangeList!, range];
  await fx.cognito.send(new SetRiskConfigurationCommand({
    UserPoolId: LARGE_POOL_ID,
    AccountTakeoverRiskConfiguration: risk!.AccountTakeoverRiskConfiguration,
    CompromisedCredentialsRiskConfiguration: risk!.CompromisedCredentialsRiskConfiguration,
    RiskExceptionConfiguration: { BlockedIPRangeList: blocked, SkippedIPRangeList: ex.SkippedIPRangeList },
  }));
}

describe('the demo takeover: the attacker tries again from an address once it is blocked', () => {
  const fx = useEmulator({ usersInLargePool: 100 });

  it('nothing new until an attacker address is blocked; then one attempt from it, recorded Fail with the Block decision, once', async () => {
    const first = await allEvents(fx);
    assert.deepEqual((await allEvents(fx)).map((e) => e.EventId), first.map((e) => e.EventId), 'listing again adds nothing while no new address is blocked');
    const attacker = first.find((e) => e.EventContextData?.IpAddress === '86.105.25.199')!;
    assert.equal(attacker.EventRisk?.RiskDecision, 'AccountTakeover', 'the story\'s own sign-in from it was not blocked');

    await block(fx, '86.105.25.0/24');
    const after = await allEvents(fx);
    assert.equal(after.length, first.length + 2, 'one attempt from each of its two addresses in that range');
    const retries = after.slice(0, 2);
    for (const e of retries) {
      assert.match(e.EventContextData!.IpAddress!, /^86\.105\.25\./);
      assert.equal(e.EventType, 'SignIn');
      assert.equal(e.EventResponse, 'Fail');
      assert.equal(e.EventRisk?.RiskDecision, 'Block');
      assert.ok(e.CreationDate! > first[0]!.CreationDate!, 'newer than anything before');
    }
    assert.deepEqual(after.slice(2).map((e) => e.EventId), first.map((e) => e.EventId), 'the history is unchanged');
    assert.equal((await allEvents(fx)).length, after.length, 'each blocked address tries once');

    await block(fx, '86.105.25.0/24', true);
    await block(fx, '86.105.25.0/24');
    assert.equal((await allEvents(fx)).length, after.length, 'blocking it again does not repeat the attempt');
  });

  it('an address already blocked when the story was first read (the Tor exit in 185.220.100.0/22) makes no attempt', async () => {
    const events = await allEvents(fx);
    assert.ok(!events.slice(0, 5).some((e) => e.EventContextData?.IpAddress?.startsWith('185.220.') && e.CreationDate! > new Date(Date.now() - 60_000)));
  });
});
