import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultInjector } from '../../src/emulator/faults.ts';

describe('per-operation errors in the fault settings', () => {
  it('answer only the named operation, with defaults for the message and status', () => {
    const faults = new FaultInjector(1, { operationErrors: { AdminListUserAuthEvents: { type: 'NotAuthorizedException' } } });
    assert.deepEqual(faults.operationError('AdminListUserAuthEvents'), {
      type: 'NotAuthorizedException', message: 'Not authorized to perform AdminListUserAuthEvents.', status: 400,
    });
    assert.equal(faults.operationError('ListUsers'), undefined);
  });

  it('are replaced, like the rates, by the next settings', () => {
    const faults = new FaultInjector(1, { operationErrors: { ListUsers: { type: 'AccessDeniedException', message: 'no', status: 403 } } });
    assert.equal(faults.operationError('ListUsers')?.status, 403);
    faults.set({ throttleRate: 0 });
    assert.equal(faults.operationError('ListUsers'), undefined);
  });

  it('leave the random faults as they were', () => {
    const a = new FaultInjector(7, { errorRate: 0.5 });
    const b = new FaultInjector(7, { errorRate: 0.5, operationErrors: { ListUsers: { type: 'NotAuthorizedException' } } });
    const decide = (f: FaultInjector) => Array.from({ length: 50 }, () => f.decide());
    assert.deepEqual(decide(a), decide(b));
  });
});
