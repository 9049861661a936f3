import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  InvalidParameterException,
  ListUsersCommand,
  ResourceNotFoundException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthEventType } from '@aws-sdk/client-cognito-identity-provider';
import {
  AUDIT_POOL_ID,
  LARGE_POOL_ID,
  OFF_POOL_ID,
  TAKEOVER_EMAIL,
  TAKEOVER_SUB,
  TAKEOVER_USERNAME,
} from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;

describe('auth events', () => {
  let startedAt: number;
  before(() => {
    startedAt = Date.now();
  });
  const fx = useEmulator({ now: NOW, usersInLargePool: 2000 });

  async function allEvents(pool: string, username: string, pageSize: number): Promise<AuthEventType[]> {
    const events: AuthEventType[] = [];
    let token: string | undefined;
    do {
      const res = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: pool, Username: username, MaxResults: pageSize, NextToken: token }));
      events.push(...(res.AuthEvents ?? []));
      token = res.NextToken;
    } while (token !== undefined);
    return events;
  }

  it('returns events newest first in the AuthEventType shape', async () => {
    const events = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60);
    assert.ok(events.length > 60);
    const times = events.map((e) => (e.CreationDate as Date).getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok(times[0] <= NOW && times[times.length - 1] >= NOW - 91 * DAY);
    assert.equal(new Set(events.map((e) => e.EventId)).size, events.length);
    for (const e of events) {
      assert.match(e.EventId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(e.EventType ?? '', /^(SignIn|SignUp|ForgotPassword|PasswordChange|ResendCode)$/);
      assert.match(e.EventResponse ?? '', /^(Pass|Fail|InProgress)$/);
      assert.match(e.EventRisk?.RiskDecision ?? '', /^(NoRisk|AccountTakeover|Block)$/);
      assert.equal(typeof e.EventRisk?.CompromisedCredentialsDetected, 'boolean');
      assert.ok(Array.isArray(e.ChallengeResponses));
      assert.ok(e.EventContextData?.IpAddress && e.EventContextData.City && e.EventContextData.Country && e.EventContextData.DeviceName);
      assert.match(e.EventContextData?.Timezone ?? '', /^[+-]\d\d:\d\d$/);
    }
  });

  it('pages with NextToken to the same events in the same order', async () => {
    const whole = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60);
    const paged = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 7);
    assert.deepEqual(paged.map((e) => e.EventId), whole.map((e) => e.EventId));
  });

  it('returns 60 events for MaxResults 0 or absent, and rejects values outside 0..60', async () => {
    for (const input of [{ MaxResults: 0 }, {}]) {
      const res = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, ...input }));
      assert.equal(res.AuthEvents?.length, 60);
      assert.ok(res.NextToken);
    }
    await assert.rejects(
      fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, MaxResults: 61 })),
      (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException);
        assert.equal(e.message, "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60");
        return true;
      },
    );
    await assert.rejects(
      fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, MaxResults: -1 })),
      InvalidParameterException,
    );
  });

  it("rejects another user's NextToken", async () => {
    const res = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, MaxResults: 1 }));
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 1 }));
    await assert.rejects(
      fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: Users?.[0].Username as string, NextToken: res.NextToken })),
      InvalidParameterException,
    );
  });

  it('accepts the email alias or the sub as Username', async () => {
    const byName = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, MaxResults: 5 }));
    for (const alias of [TAKEOVER_EMAIL, TAKEOVER_SUB]) {
      const res = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: alias, MaxResults: 5 }));
      assert.deepEqual(res.AuthEvents?.map((e) => e.EventId), byName.AuthEvents?.map((e) => e.EventId));
    }
  });

  it('tells the account-takeover story in the last day', async () => {
    const events = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60);
    const lastDay = events.filter((e) => (e.CreationDate as Date).getTime() >= NOW - DAY);
    const attacks = lastDay.filter((e) => e.EventRisk?.RiskLevel === 'High');
    const own = lastDay.filter((e) => e.EventContextData?.Country === 'Spain' && e.EventResponse === 'Pass');
    assert.ok(attacks.length >= 8, `expected a burst of High-risk events, got ${attacks.length}`);
    assert.ok(attacks.every((e) => e.EventContextData?.Country !== 'Spain' && e.EventResponse === 'Fail'));
    assert.ok(new Set(attacks.map((e) => e.EventContextData?.Country)).size >= 4);
    assert.ok(new Set(attacks.map((e) => e.EventContextData?.IpAddress)).size >= 5);
    assert.ok(attacks.filter((e) => e.EventRisk?.RiskDecision === 'AccountTakeover').length >= 4);
    assert.ok(attacks.some((e) => e.EventRisk?.RiskDecision === 'Block'));
    assert.equal(attacks.filter((e) => e.EventRisk?.CompromisedCredentialsDetected === true).length, 1);
    assert.ok(attacks.some((e) => e.ChallengeResponses?.some((c) => c.ChallengeName === 'Mfa' && c.ChallengeResponse === 'Failure')));
    assert.ok(own.length >= 2, 'her own sign-ins are interleaved with the attack');
    const first = events.indexOf(attacks[attacks.length - 1]);
    const last = events.indexOf(attacks[0]);
    assert.ok(own.some((e) => events.indexOf(e) > last && events.indexOf(e) < first));
    const before = events.filter((e) => (e.CreationDate as Date).getTime() < NOW - DAY);
    const usualCountries = new Set(before.map((e) => e.EventContextData?.Country));
    assert.deepEqual([...usualCountries], ['Spain']);
  });

  it('answers for pools in AUDIT mode', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: AUDIT_POOL_ID, Filter: 'cognito:user_status = "CONFIRMED"', Limit: 20 }));
    let total = 0;
    for (const user of Users ?? []) total += (await allEvents(AUDIT_POOL_ID, user.Username as string, 60)).length;
    assert.ok(total > 0);
  });

  it('refuses pools without threat protection with UserPoolAddOnNotEnabledException', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: OFF_POOL_ID, Limit: 1 }));
    const username = Users?.[0].Username as string;
    await assert.rejects(fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: OFF_POOL_ID, Username: username })), UserPoolAddOnNotEnabledException);
    await assert.rejects(
      fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: OFF_POOL_ID, Username: username, EventId: 'x', FeedbackValue: 'Valid' })),
      UserPoolAddOnNotEnabledException,
    );
  });

  it('says an unknown user does not exist', async () => {
    await assert.rejects(fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: 'ghost' })), UserNotFoundException);
  });

  it('writes feedback and reads it back, and lets it be changed', async () => {
    const events = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60);
    const target = events.find((e) => e.EventRisk?.RiskLevel === 'High' && e.EventFeedback === undefined) as AuthEventType;
    await fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, EventId: target.EventId, FeedbackValue: 'Invalid' }));
    const reread = (await allEvents(LARGE_POOL_ID, TAKEOVER_EMAIL, 60)).find((e) => e.EventId === target.EventId);
    assert.equal(reread?.EventFeedback?.FeedbackValue, 'Invalid');
    assert.equal(reread?.EventFeedback?.Provider, 'Admin');
    const feedbackAt = (reread?.EventFeedback?.FeedbackDate as Date).getTime();
    assert.ok(feedbackAt >= NOW && feedbackAt <= NOW + (Date.now() - startedAt));

    await fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_SUB, EventId: target.EventId, FeedbackValue: 'Valid' }));
    const changed = (await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60)).find((e) => e.EventId === target.EventId);
    assert.equal(changed?.EventFeedback?.FeedbackValue, 'Valid');
    const others = (await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60)).filter((e) => e.EventId !== target.EventId);
    assert.deepEqual(others.map((e) => e.EventFeedback), events.filter((e) => e.EventId !== target.EventId).map((e) => e.EventFeedback));
  });

  it('includes some events that already carry feedback', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: 'cognito:user_status = "CONFIRMED"', Limit: 60 }));
    let withFeedback = 0;
    let risky = 0;
    for (const user of Users ?? []) {
      for (const e of await allEvents(LARGE_POOL_ID, user.Username as string, 60)) {
        if (e.EventFeedback) {
          withFeedback += 1;
          assert.match(e.EventFeedback.FeedbackValue ?? '', /^(Valid|Invalid)$/);
          assert.ok(e.EventFeedback.FeedbackDate instanceof Date);
        }
        if (e.EventRisk?.RiskLevel === 'Medium' || e.EventRisk?.RiskLevel === 'High') risky += 1;
      }
    }
    assert.ok(withFeedback > 0 && risky > withFeedback);
  });

  it('rejects a FeedbackValue other than Valid or Invalid, and unknown events', async () => {
    const [event] = await allEvents(LARGE_POOL_ID, TAKEOVER_USERNAME, 60);
    await assert.rejects(
      fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, EventId: event.EventId, FeedbackValue: 'Maybe' as never })),
      (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException);
        assert.match(e.message, /Value 'Maybe' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: \[Valid, Invalid\]/);
        return true;
      },
    );
    await assert.rejects(
      fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, EventId: '00000000-0000-4000-8000-000000000000', FeedbackValue: 'Valid' })),
      ResourceNotFoundException,
    );
    await assert.rejects(
      fx.cognito.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME } as never)),
      (e: unknown) => e instanceof InvalidParameterException && /2 validation errors detected/.test(e.message),
    );
  });
});
