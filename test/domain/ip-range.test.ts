import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRange, overlapping } from '../../src/domain/ip-range.ts';
import type { RiskConfiguration } from '../../src/gateway/types.ts';
import { changedConfiguration, rangeChangeDetail, rangeChangeProblem, sameConfiguration, type RangeChange } from '../../src/writes/ip-range-spec.ts';

const BASE: RiskConfiguration = {
  poolId: 'us-east-1_X1',
  compromisedCredentials: { eventFilter: [], action: 'BLOCK', eventFilterAbsent: true },
  accountTakeover: { high: { action: 'BLOCK', notify: true }, notify: { sourceArn: 'arn:aws:ses:us-east-1:1:identity/x', blockEmail: { subject: 's', htmlBody: '<p>h</p>', textBody: 'text body' } } },
  exceptions: { blockedIpRanges: ['203.0.113.0/24'], skippedIpRanges: [], skippedAbsent: true },
  modifiedAt: 1,
};

const change = (over: Partial<RangeChange>): RangeChange => ({ poolId: 'us-east-1_X1', list: 'blocked', op: 'add', cidr: '192.0.2.1/32', base: BASE, mode: 'ENFORCED', ...over });

describe('IP ranges', () => {
  it('takes IPv4 CIDR ranges and says what is wrong with anything else', () => {
    assert.deepEqual(checkRange(' 192.0.2.0/24 '), { ok: true, cidr: '192.0.2.0/24' });
    assert.deepEqual(checkRange('0.0.0.0/0'), { ok: true, cidr: '0.0.0.0/0' });
    const error = (s: string) => { const r = checkRange(s); assert.equal(r.ok, false, s); return (r as { error: string }).error; };
    assert.match(error('203.0.113.7/24'), /did you mean 203\.0\.113\.0\/24\?/);
    assert.match(error('2001:db8::/32'), /is IPv6/);
    assert.match(error('192.0.2.1'), /no prefix length: write 192\.0\.2\.1\/32/);
    for (const bad of ['192.0.2.0/33', '192.0.2/24', '256.0.0.0/8', '1.2.3.4/ 8', '1.2.3.4/8/8', '', 'x']) assert.match(error(bad), /not an IPv4 range/, bad);
  });

  it('finds the ranges of a list that overlap a range, either way round', () => {
    assert.deepEqual(overlapping('203.0.113.7/32', ['203.0.113.0/24', '198.51.100.0/24', 'junk']), ['203.0.113.0/24']);
    assert.deepEqual(overlapping('10.0.0.0/8', ['10.20.0.0/16', '11.0.0.0/8']), ['10.20.0.0/16']);
  });

  it('changes only the list; every other field is kept, an untouched absent list stays absent', () => {
    const after = changedConfiguration(change({}));
    assert.deepEqual(after.exceptions, { blockedIpRanges: ['203.0.113.0/24', '192.0.2.1/32'], skippedIpRanges: [], skippedAbsent: true, blockedAbsent: undefined });
    assert.deepEqual({ ...after, exceptions: undefined }, { ...BASE, exceptions: undefined });
    assert.ok(!sameConfiguration(after, BASE));
    assert.ok(sameConfiguration({ ...BASE, modifiedAt: 99 }, BASE), 'the date alone is no change');
  });

  it('refuses what makes no sense before asking, and the detail says what matters', () => {
    assert.match(rangeChangeProblem(change({ cidr: '203.0.113.0/24' }))!, /already in the always-block list/);
    assert.match(rangeChangeProblem(change({ op: 'remove' }))!, /not in the always-block list/);
    const full = { ...BASE, exceptions: { blockedIpRanges: Array.from({ length: 200 }, (_, i) => `10.${i}.0.0/16`), skippedIpRanges: [] } };
    assert.match(rangeChangeProblem(change({ base: full }))!, /already has 200 ranges/);
    assert.equal(rangeChangeProblem(change({})), undefined);
    const skipped = { ...BASE, exceptions: { blockedIpRanges: [], skippedIpRanges: ['192.0.2.0/24'] } };
    const detail = rangeChangeDetail(change({ base: skipped, mode: 'AUDIT', clientId: 'c1', clientName: 'web' }));
    assert.match(detail, /\+ 192\.0\.2\.1\/32 \(0 → 1 of 200\)/);
    assert.match(detail, /overlaps the always-allow list: 192\.0\.2\.0\/24/);
    assert.match(detail, /stored but not enforced/);
    assert.match(detail, /stops inheriting/);
  });
});
