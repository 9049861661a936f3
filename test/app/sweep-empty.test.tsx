import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { createAppStore } from '../../src/store/app-store.ts';
import { emptyList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import type { SweepState } from '../../src/store/state.ts';
import type { SweepProgress } from '../../src/sweep/types.ts';
import { StoreContext } from '../../src/ui/store-context.ts';
import { sweepView } from '../../src/views/sweep.tsx';
import { FakeGateway } from '../helpers/fake-gateway.ts';

const POOL = 'us-test-1_Pool1';

const progress = (fields: Partial<SweepProgress>): SweepProgress => ({
  phase: 'done', usersListed: 0, usersScanned: 0, usersEstimated: 20_000, eventsRead: 0, riskyEvents: 0, riskyUsers: 0,
  calls: 10, throttled: 0, serverErrors: 0, networkErrors: 0, errors: 0, elapsedMs: 5000, ...fields,
});

function sweepFrame(sweep: SweepState): string {
  const store = createAppStore({ gateway: new FakeGateway() });
  const findings = { ...emptyList(), complete: true, pagesLoaded: 1 };
  store.setState((s) => ({ sweeps: { ...s.sweeps, [POOL]: sweep }, lists: { ...s.lists, [listKey({ kind: 'findings', poolId: POOL })]: findings } }));
  const app = render(
    <StoreContext.Provider value={store}>
      <sweepView.Render route={{ view: 'sweep', poolId: POOL }} width={120} height={16} now={0} />
    </StoreContext.Provider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

describe('an empty sweep says how it ended', () => {
  it('a sweep that failed before checking any user does not say "No risky events found."', () => {
    const frame = sweepFrame({
      filter: '', running: false, error: 'AccessDeniedException: not authorized to ListUsers',
      progress: progress({ phase: 'failed', errors: 0, usersScanned: 0 }),
    });
    assert.match(frame, /The sweep failed: it found no risky events in the 0 users checked/, frame);
    assert.doesNotMatch(frame, /^\s*No risky events found\.\s*$/m);
  });

  it('a stopped sweep counts only the users whose events were read', () => {
    const frame = sweepFrame({ filter: '', running: false, progress: progress({ phase: 'cancelled', usersScanned: 1250, errors: 50 }) });
    assert.match(frame, /The sweep was stopped: it found no risky events in the 1,200 users checked/, frame);
  });

  it('a finished sweep names how many users it checked', () => {
    const frame = sweepFrame({ filter: '', running: false, progress: progress({ phase: 'done', usersScanned: 3, usersEstimated: 3 }) });
    assert.match(frame, /No risky events found in the 3 users checked\./, frame);
  });
});
