import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activityBoolean, activityTime, rowAsRecord, toActivityEvent } from '../../src/domain/user-activity.ts';

/** A record shaped as Cognito exports user activity to CloudWatch Logs (userAuthEvents, INFO). */
const exported = {
  eventTimestamp: '1687297330677',
  eventSource: 'USER_ACTIVITY',
  logLevel: 'INFO',
  message: {
    version: '1',
    eventId: '8c1c3c6e-0d4b-4f55-9b62-2a4d3d5e7f10',
    eventType: 'SignIn',
    userSub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    userName: 'maria.garcia',
    userPoolId: 'us-east-1_Qm7Rk2Tz9',
    clientId: '3ck15a1ov3nd2bb34c5hzpq8kn',
    creationDate: 'Wed Jun 21 21:42:10 UTC 2023',
    eventResponse: 'Fail',
    riskLevel: 'HIGH',
    riskDecision: 'ACCOUNT_TAKEOVER',
    challenges: [{ challenge: 'Password', success: 'true' }, { challenge: 'Mfa', success: 'false' }],
    deviceName: 'Chrome 120, Windows 10',
    ipAddress: '203.0.113.7',
    requestId: 'c0ffee00-0000-4000-8000-000000000001',
    idpName: '',
    compromisedCredentialDetected: 'true',
    city: 'Lagos',
    country: 'Nigeria',
    eventFeedbackValue: 'INVALID',
    eventFeedbackProvider: 'Admin',
    eventFeedbackDate: '2023-06-21T22:00:00Z',
    hasContextData: 'true',
  },
};

describe('user-activity records → auth events', () => {
  it('maps a real-shaped record: upper-case decisions, string booleans, the Java-style creation date', () => {
    const mapped = toActivityEvent(exported)!;
    assert.deepEqual(mapped, {
      event: {
        id: '8c1c3c6e-0d4b-4f55-9b62-2a4d3d5e7f10', type: 'SignIn', createdAt: Date.UTC(2023, 5, 21, 21, 42, 10),
        response: 'Fail', riskDecision: 'AccountTakeover', riskLevel: 'High', compromisedCredentials: true,
        challenges: [{ name: 'Password', response: 'Success' }, { name: 'Mfa', response: 'Failure' }],
        ip: '203.0.113.7', device: 'Chrome 120, Windows 10', city: 'Lagos', country: 'Nigeria',
        feedback: { value: 'Invalid', provider: 'Admin', date: Date.UTC(2023, 5, 21, 22) },
      },
      username: 'maria.garcia', sub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', poolId: 'us-east-1_Qm7Rk2Tz9',
      clientId: '3ck15a1ov3nd2bb34c5hzpq8kn', hasContextData: true,
    });
  });

  it('an unrated sign-in: empty risk level, PASS decision, "false" booleans, no feedback', () => {
    const { event } = toActivityEvent({ message: { ...exported.message, riskLevel: '', riskDecision: 'PASS', eventResponse: 'PASS', compromisedCredentialDetected: 'false', eventFeedbackValue: '' } })!;
    assert.equal(event.riskLevel, undefined);
    assert.equal(event.riskDecision, 'NoRisk');
    assert.equal(event.response, 'Pass');
    assert.equal(event.compromisedCredentials, false);
    assert.equal(event.feedback, undefined);
  });

  it('missing context data: no IP, device or place, hasContextData false; the time from eventTimestamp', () => {
    const { ipAddress, deviceName, city, country, creationDate, ...rest } = exported.message;
    void ipAddress; void deviceName; void city; void country; void creationDate;
    const mapped = toActivityEvent({ eventTimestamp: exported.eventTimestamp, message: { ...rest, hasContextData: 'FALSE' } })!;
    assert.equal(mapped.hasContextData, false);
    assert.equal(mapped.event.ip, undefined);
    assert.equal(mapped.event.city, undefined);
    assert.equal(mapped.event.createdAt, 1687297330677);
  });

  it('field names and values compared without case; a message given as JSON text', () => {
    const { event, username } = toActivityEvent({ message: JSON.stringify({ EVENTID: 'e1', EventType: 'sign_in', RiskLevel: 'medium', EventResponse: 'inprogress', UserName: 'li' }) })!;
    assert.deepEqual([event.id, event.type, event.riskLevel, event.response, username], ['e1', 'SignIn', 'Medium', 'InProgress', 'li']);
  });

  it('a Logs Insights row with dotted names maps like the record', () => {
    const row = { '@timestamp': '2023-06-21 21:42:10.000', 'message.eventId': 'e2', 'message.eventType': 'SignIn', 'message.riskDecision': 'BLOCK', 'message.userName': 'li' };
    const mapped = toActivityEvent(rowAsRecord(row))!;
    assert.equal(mapped.event.riskDecision, 'Block');
    assert.equal(mapped.event.createdAt, Date.UTC(2023, 5, 21, 21, 42, 10));
    assert.equal(mapped.username, 'li');
  });

  it('something that is not an event record maps to nothing; odd values are dropped, not guessed', () => {
    assert.equal(toActivityEvent(null), undefined);
    assert.equal(toActivityEvent({ message: { hello: 'x' } }), undefined);
    const { event } = toActivityEvent({ message: { eventId: 'e3', riskLevel: 'extreme', compromisedCredentialDetected: 'maybe' } })!;
    assert.equal(event.riskLevel, undefined);
    assert.equal(event.compromisedCredentials, undefined);
  });

  it('booleans and times as records carry them', () => {
    assert.deepEqual([activityBoolean('TRUE'), activityBoolean(false), activityBoolean(''), activityBoolean('1')], [true, false, undefined, true]);
    assert.equal(activityTime('1687297330'), 1687297330000);
    assert.equal(activityTime(1687297330677), 1687297330677);
    assert.equal(activityTime('2023-06-21T21:42:10Z'), Date.UTC(2023, 5, 21, 21, 42, 10));
    assert.equal(activityTime('not a date'), undefined);
  });
});
