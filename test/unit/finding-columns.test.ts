import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent } from '../../src/gateway/types.ts';
import type { SweepFinding } from '../../src/sweep/types.ts';
import { FINDING_COLUMNS, fitColumns, renderCells } from '../../src/ui/columns.ts';

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

describe('the NEWEST column of the sweep findings', () => {
  const at = Date.UTC(2026, 10, 5, 9, 8, 7);
  const f: SweepFinding = {
    user: { username: '7c9e6679-7425-40de-944b-e07fc1f90ae7', enabled: true, status: 'CONFIRMED', attributes: { email: 'maria.garcia@example.com' }, mfaOptions: [] },
    events: [ev({ createdAt: at - 86_400_000, riskLevel: 'High', riskDecision: 'AccountTakeover' }), ev({ createdAt: at, riskLevel: 'Medium' })], eventsRead: 60,
  };

  it('shows the newest risky event\'s time with seconds and zone, at 80 columns too', () => {
    const fit = fitColumns(FINDING_COLUMNS, 78, [f], at + 23 * 86_400_000, 'utc');
    const k = fit.columns.findIndex((c) => c.header === 'NEWEST');
    assert.ok(k >= 0, fit.columns.map((c) => c.header).join(' '));
    assert.equal(renderCells(fit.columns, fit.widths, f, at, 'utc')[k].trim(), '2026-11-05 09:08:07Z');
    const local = fitColumns(FINDING_COLUMNS, 198, [f], at, 'local');
    assert.match(renderCells(local.columns, local.widths, f, at, 'local')[local.columns.findIndex((c) => c.header === 'NEWEST')], /^2026-11-0\d \d\d:\d8:07[+-]\d\d:\d\d/);
  });
});
