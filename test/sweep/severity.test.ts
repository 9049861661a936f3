import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { compareFindings, findingInsertIndex } from '../../src/sweep/severity.ts';
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
    assert.ok(compareFindings(takeover, fails) < 0);
    assert.ok(compareFindings(twoHigh, oneHigh) < 0);
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

describe('sweep findings: risk, then recency', () => {
  it('among findings of the same risk the most recent risky event goes first, whatever the arrival order', () => {
    const at = (name: string, level: string, createdAt: number) => finding(name, [{ riskLevel: level, createdAt }]);
    const arrivals = [at('high-old', 'High', 1_000), at('medium-new', 'Medium', 9_000), at('high-new', 'High', 5_000), at('high-mid', 'High', 3_000)];
    const sorted: SweepFinding[] = [];
    for (const f of arrivals) sorted.splice(findingInsertIndex(sorted, f), 0, f);
    assert.deepEqual(sorted.map((f) => f.user.username), ['high-new', 'high-mid', 'high-old', 'medium-new']);
  });
});

describe('sweep findings: risk level before decision (QA: a Medium takeover sat above a High compromised sign-in)', () => {
  it('orders by level, then decision, then compromised credentials, then recency, in the sweep list', async () => {
    const { insertFinding } = await import('../../src/store/finding-list.ts');
    const { emptyList } = await import('../../src/store/paged-list.ts');
    const arrivals = [
      finding('medium-ato', [{ riskLevel: 'Medium', riskDecision: 'AccountTakeover', createdAt: 9_000 }]),
      finding('low-block', [{ riskLevel: 'Low', riskDecision: 'Block', createdAt: 9_500 }]),
      finding('high-cc-old', [{ riskLevel: 'High', riskDecision: 'NoRisk', compromisedCredentials: true, createdAt: 1_000 }]),
      finding('high', [{ riskLevel: 'High', riskDecision: 'NoRisk', createdAt: 8_000 }]),
      finding('high-cc-new', [{ riskLevel: 'High', riskDecision: 'NoRisk', compromisedCredentials: true, createdAt: 2_000 }]),
      finding('high-block', [{ riskLevel: 'High', riskDecision: 'Block', createdAt: 500 }]),
      finding('medium', [{ riskLevel: 'Medium', riskDecision: 'NoRisk', createdAt: 9_900 }]),
      finding('fail', [{ response: 'Fail', createdAt: 9_999 }]),
    ];
    let list = emptyList<SweepFinding>();
    for (const f of arrivals) list = insertFinding(list, f);
    assert.deepEqual(list.items.map((f) => f.user.username),
      ['high-block', 'high-cc-new', 'high-cc-old', 'high', 'medium-ato', 'medium', 'low-block', 'fail']);
    assert.ok(compareFindings(arrivals[2], arrivals[0]) < 0);
  });
});

describe('inserting a finding under the cursor', () => {
  it('keeps the cursor on its finding, whether new ones land above or below (the list view keeps it on its line)', async () => {
    const { insertFinding } = await import('../../src/store/finding-list.ts');
    const { emptyList } = await import('../../src/store/paged-list.ts');
    let l = emptyList<SweepFinding>();
    for (let i = 0; i < 20; i++) l = insertFinding(l, finding(`medium${i}`, [{ riskLevel: 'Medium', createdAt: 1000 - i }]));
    l = { ...l, cursor: 12 };
    const chosen = l.items[12].user.username;
    for (let i = 0; i < 30; i++) {
      const worse = i % 2 === 0;
      l = insertFinding(l, finding(`x${i}`, [{ riskLevel: worse ? 'High' : 'Low', response: 'Fail' }]));
      assert.equal(l.items[l.cursor].user.username, chosen);
    }
  });
});
