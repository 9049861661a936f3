import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRiskyEvent } from '../../src/sweep/risky.ts';
import { sweepEvent } from './sweep-gateway.ts';

describe('isRiskyEvent', () => {
  it('flags High or Medium risk, AccountTakeover or Block, compromised credentials, and failures', () => {
    const risky = [
      { riskLevel: 'High' }, { riskLevel: 'Medium' }, { riskDecision: 'AccountTakeover' }, { riskDecision: 'Block' },
      { compromisedCredentials: true }, { response: 'Fail' },
    ];
    for (const fields of risky) assert.equal(isRiskyEvent(sweepEvent('e', fields)), true, JSON.stringify(fields));
  });

  it('passes quiet events and events Cognito has not rated', () => {
    const quiet = [
      {}, { response: 'InProgress' }, { riskLevel: undefined, riskDecision: undefined, compromisedCredentials: undefined },
      { riskDecision: 'NoRisk', riskLevel: 'Low' },
    ];
    for (const fields of quiet) assert.equal(isRiskyEvent(sweepEvent('e', fields)), false, JSON.stringify(fields));
  });
});
