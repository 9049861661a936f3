import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventSeverity, needsAttention } from '../../src/domain/event-risk.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';

const event = (fields: Partial<AuthEvent>): AuthEvent => ({ id: 'e', challenges: [], ...fields });

describe('needsAttention: the one rule for the attention filter, n/N and the sweep', () => {
  it('flags High or Medium risk, AccountTakeover or Block, compromised credentials, and failures', () => {
    const risky = [
      { riskLevel: 'High' }, { riskLevel: 'Medium' }, { riskDecision: 'AccountTakeover' }, { riskDecision: 'Block' },
      { compromisedCredentials: true }, { response: 'Fail' },
    ];
    for (const fields of risky) assert.equal(needsAttention(event(fields)), true, JSON.stringify(fields));
  });

  it('passes quiet events and events Cognito has not rated', () => {
    const quiet = [
      {}, { response: 'InProgress' }, { riskLevel: undefined, riskDecision: undefined, compromisedCredentials: undefined },
      { riskDecision: 'NoRisk', riskLevel: 'Low' },
    ];
    for (const fields of quiet) assert.equal(needsAttention(event(fields)), false, JSON.stringify(fields));
  });
});

describe('eventSeverity: the one order of how bad an event is', () => {
  it('ranks a takeover or block over High risk, compromised credentials, Medium risk and the rest', () => {
    const ranked = [
      { riskDecision: 'Block', riskLevel: 'Low' }, { riskLevel: 'High' }, { compromisedCredentials: true, riskLevel: 'Low' },
      { riskLevel: 'Medium' }, { response: 'Fail', riskLevel: 'Low' },
    ].map((fields) => eventSeverity(event(fields)));
    assert.deepEqual(ranked, [5, 4, 3, 2, 1]);
    assert.equal(eventSeverity(event({ riskDecision: 'AccountTakeover' })), 5);
  });
});
