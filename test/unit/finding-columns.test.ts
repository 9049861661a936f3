import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent } from '../../src/gateway/types.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';
import { FINDING_COLUMNS } from '../../src/ui/columns.ts';

const worst = FINDING_COLUMNS.find((c) => c.header === 'WORST')!;
const ev = (fields: Partial<AuthEvent>): AuthEvent => ({ id: Math.random().toString(36), challenges: [], ...fields });
const finding = (events: Partial<AuthEvent>[]): SweepFinding => ({
  user: { username: 'u', enabled: true, status: 'CONFIRMED', attributes: {}, mfaOptions: [] }, events: events.map(ev), eventsRead: 60,
});

describe('the WORST cell of a sweep finding', () => {
  it('shows the event the findings are sorted by', () => {
    const cell = (events: Partial<AuthEvent>[]) => worst.cell(finding(events), 0, 'utc');
    assert.match(cell([{ response: 'Fail', riskLevel: 'Low' }, { riskLevel: 'Medium', riskDecision: 'NoRisk' }]), /Medium/);
    assert.match(cell([{ riskLevel: 'Medium' }, { riskLevel: 'Medium', compromisedCredentials: true, riskDecision: 'Block' }]), /Block/);
    assert.match(cell([{ riskLevel: 'Medium', riskDecision: 'AccountTakeover' }, { riskLevel: 'High', riskDecision: 'NoRisk', compromisedCredentials: true }]), /High/);
    assert.match(cell([{ riskLevel: 'Medium' }, { riskLevel: 'High', riskDecision: 'NoRisk' }]), /High/);
    assert.match(cell([{ riskLevel: 'Low', riskDecision: 'NoRisk' }, { riskLevel: 'Low', riskDecision: 'AccountTakeover' }]), /AccountTakeover/);
    assert.equal(cell([]), '');
  });
});
