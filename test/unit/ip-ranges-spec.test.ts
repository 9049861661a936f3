import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RiskConfiguration } from '../../src/gateway/types.ts';
import { coveringRange, rangesChangedConfiguration, rangesChangeNotes, rangesChangeProblem, splitRanges, type RangesChange } from '../../src/writes/ip-ranges-spec.ts';

const BASE: RiskConfiguration = {
  compromisedCredentials: { eventFilter: ['SIGN_IN'], action: 'BLOCK' },
  exceptions: { blockedIpRanges: ['185.220.100.0/22', '203.0.113.9/32'], skippedIpRanges: ['198.51.100.0/24'] },
};

const change = (over: Partial<RangesChange>): RangesChange => ({ poolId: 'us-east-1_X', list: 'blocked', op: 'add', cidrs: [], base: BASE, ...over });

describe('several ranges in one change (pure)', () => {
  it('a range is covered by itself or a broader listed range, not by a narrower one', () => {
    assert.equal(coveringRange('185.220.101.34/32', BASE.exceptions!.blockedIpRanges), '185.220.100.0/22');
    assert.equal(coveringRange('203.0.113.9/32', BASE.exceptions!.blockedIpRanges), '203.0.113.9/32');
    assert.equal(coveringRange('203.0.113.0/24', BASE.exceptions!.blockedIpRanges), undefined);
  });

  it('an add sends the new ranges once each and names those already covered; a remove sends only the listed', () => {
    assert.deepEqual(splitRanges(BASE, 'blocked', 'add', ['86.105.25.199/32', '185.220.101.34/32', '86.105.25.199/32', '203.0.113.9/32']), {
      send: ['86.105.25.199/32'], already: ['185.220.101.34/32 (in 185.220.100.0/22)', '203.0.113.9/32'],
    });
    assert.deepEqual(splitRanges(BASE, 'blocked', 'remove', ['203.0.113.9/32', '10.0.0.1/32']), { send: ['203.0.113.9/32'], already: ['10.0.0.1/32'] });
  });

  it('changes only the list, every other section as it was', () => {
    const after = rangesChangedConfiguration(change({ cidrs: ['86.105.25.199/32', '54.209.118.12/32'] }));
    assert.deepEqual(after.exceptions?.blockedIpRanges, ['185.220.100.0/22', '203.0.113.9/32', '86.105.25.199/32', '54.209.118.12/32']);
    assert.deepEqual(after.exceptions?.skippedIpRanges, BASE.exceptions!.skippedIpRanges);
    assert.deepEqual(after.compromisedCredentials, BASE.compromisedCredentials);
    const removed = rangesChangedConfiguration(change({ op: 'remove', cidrs: ['203.0.113.9/32'] }));
    assert.deepEqual(removed.exceptions?.blockedIpRanges, ['185.220.100.0/22']);
  });

  it('refuses nothing to send and more than 200 ranges; names overlaps with the always-allow list and a block not enforced', () => {
    assert.match(rangesChangeProblem(change({}))!, /already in the always-block list/);
    const full: RiskConfiguration = { exceptions: { blockedIpRanges: Array.from({ length: 199 }, (_, i) => `10.0.${i}.0/24`), skippedIpRanges: [] } };
    assert.equal(rangesChangeProblem(change({ base: full, cidrs: ['1.1.1.1/32'] })), undefined);
    assert.match(rangesChangeProblem(change({ base: full, cidrs: ['1.1.1.1/32', '2.2.2.2/32'] }))!, /has 199 ranges and 2 more would pass Cognito's limit of 200/);
    assert.deepEqual(rangesChangeNotes(change({ cidrs: ['198.51.100.7/32'], mode: 'OFF' })), [
      'also in the always-allow list: 198.51.100.7/32 (198.51.100.0/24)',
      'threat protection is off: the block is stored but not enforced',
    ]);
    assert.deepEqual(rangesChangeNotes(change({ cidrs: ['1.1.1.1/32'], mode: 'ENFORCED' })), []);
  });
});
