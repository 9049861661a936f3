import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedRequest } from '../../src/emulator/index.ts';
import type { AppState } from '../../src/store/state.ts';
import { emptyList } from '../../src/store/paged-list.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { checkLists, WriteLedger } from './fuzz-invariants.ts';

const write = (eventId: string, status: number): RecordedRequest => ({
  operation: 'AdminUpdateAuthEventFeedback', body: { Username: 'u', EventId: eventId, FeedbackValue: 'Valid' }, status, at: 0,
});

describe('the fuzz invariants can fail', () => {
  it('the ledger flags a write applied twice, and one the app saw succeed that was never applied', async () => {
    const ledger = new WriteLedger();
    const gw = ledger.wrap(new FakeGateway());
    await gw.updateAuthEventFeedback('p', 'u', 'e1', 'Valid');
    await gw.updateAuthEventFeedback('p', 'u', 'e2', 'Valid');
    assert.equal(ledger.pending, 0);
    const audit = ledger.audit([write('e1', 200), write('e1', 200), write('e2', 500)]);
    assert.equal(audit.duplicated.length, 1);
    assert.match(audit.duplicated[0], /e1/);
    assert.equal(audit.lost.length, 1);
    assert.match(audit.lost[0], /e2/);
    assert.deepEqual(ledger.audit([write('e1', 200), write('e2', 429), write('e2', 200)]), { lost: [], duplicated: [], applied: 2 });
  });

  it('a cursor outside its list is a violation', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const state = {
      eventViews: {},
      lists: {
        ok: { ...emptyList(), items, cursor: 7 },
        outside: { ...emptyList(), items, cursor: 10 },
        empty: { ...emptyList(), cursor: 4 },
      },
    } as unknown as AppState;
    const { violations } = checkLists(state);
    assert.equal(violations.filter((p) => p.startsWith('ok ')).length, 0);
    assert.ok(violations.some((p) => p.startsWith('outside') && p.includes('cursor outside')));
    assert.ok(violations.some((p) => p.startsWith('empty') && p.includes('empty list keeps a cursor')));
  });
});
