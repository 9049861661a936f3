import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { findingInsertIndex, findingSeverity } from '../../src/sweep/severity.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';

const user = (name: string): User => ({ username: name, enabled: true, status: 'CONFIRMED', attributes: {}, mfaOptions: [] });
const ev = (fields: Partial<AuthEvent>): AuthEvent => ({ id: Math.random().toString(36), challenges: [], ...fields });
const finding = (name: string, events: Partial<AuthEvent>[]): SweepFinding => ({ user: user(name), events: events.map(ev), eventsRead: 60 });

describe('sweep findings, worst first', () => {
  it('a takeover outranks any number of failed sign-ins; more risky events break ties', () => {
    const takeover = finding('a', [{ riskDecision: 'AccountTakeover', riskLevel: 'Medium' }]);
    const fails = finding('b', Array.from({ length: 50 }, () => ({ response: 'Fail' })));
    const twoHigh = finding('c', [{ riskLevel: 'High' }, { riskLevel: 'High' }]);
    const oneHigh = finding('d', [{ riskLevel: 'High' }]);
    assert.ok(findingSeverity(takeover) > findingSeverity(fails));
    assert.ok(findingSeverity(twoHigh) > findingSeverity(oneHigh));
  });

  it('inserting keeps the list sorted and equal findings in arrival order', () => {
    const sorted: SweepFinding[] = [];
    const arrivals = [
      finding('fail1', [{ response: 'Fail' }]),
      finding('ato', [{ riskDecision: 'AccountTakeover' }]),
      finding('fail2', [{ response: 'Fail' }]),
      finding('cc', [{ compromisedCredentials: true }]),
    ];
    for (const f of arrivals) sorted.splice(findingInsertIndex(sorted, f), 0, f);
    assert.deepEqual(sorted.map((f) => f.user.username), ['ato', 'cc', 'fail1', 'fail2']);
  });
});
