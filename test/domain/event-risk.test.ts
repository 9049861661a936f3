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
  it('ranks by risk level first, then a takeover or block decision, then compromised credentials', () => {
    const ranked = [
      { riskLevel: 'High', riskDecision: 'AccountTakeover', compromisedCredentials: true },
      { riskLevel: 'High', riskDecision: 'Block' },
      { riskLevel: 'High', compromisedCredentials: true },
      { riskLevel: 'High' },
      { riskLevel: 'Medium', riskDecision: 'AccountTakeover', compromisedCredentials: true },
      { riskLevel: 'Medium', riskDecision: 'AccountTakeover' },
      { riskLevel: 'Medium', compromisedCredentials: true },
      { riskLevel: 'Medium' },
      { riskLevel: 'Low', riskDecision: 'Block' },
      { riskLevel: 'Low', compromisedCredentials: true },
      { riskLevel: 'Low', response: 'Fail' },
      { riskDecision: 'AccountTakeover' },
      { compromisedCredentials: true },
      { response: 'Fail' },
    ].map((fields) => eventSeverity(event(fields)));
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1] > ranked[i], `rank ${i - 1} (${ranked[i - 1]}) above rank ${i} (${ranked[i]})`);
  });

  it('a Medium-risk takeover ranks below a High-risk sign-in with compromised credentials', () => {
    const mediumTakeover = eventSeverity(event({ riskLevel: 'Medium', riskDecision: 'AccountTakeover' }));
    const highCompromised = eventSeverity(event({ riskLevel: 'High', riskDecision: 'NoRisk', compromisedCredentials: true }));
    assert.ok(highCompromised > mediumTakeover);
  });
});
