import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTAIN_STEPS, containPlan, dryRunLines, plannedWrites, type ContainStep, type ContainSubject } from '../../src/writes/playbook.ts';

const MARIA: ContainSubject = {
  username: 'maria.garcia',
  devices: ['us-east-1_aaaa-1', 'us-east-1_bbbb-2'],
  riskyEvents: [{ id: 'e1', label: 'SignIn 10:00 (e1)' }, { id: 'e2', label: 'SignIn 11:00 (e2)' }],
};
const BOB: ContainSubject = { username: 'bob', riskyEvents: [] };
const DEFAULTS = CONTAIN_STEPS.filter((s) => s.checked).map((s) => s.id);
const ALL = CONTAIN_STEPS.map((s) => s.id);

describe('containment plan (pure)', () => {
  it('checks disable, sign out and mark Invalid by default', () => {
    assert.deepEqual(DEFAULTS, ['disable', 'sign-out', 'mark-invalid']);
  });

  it('orders the calls user by user, steps in playbook order whatever order they are given in', () => {
    const reversed = [...ALL].reverse() as ContainStep[];
    const plan = containPlan([MARIA, BOB], reversed);
    assert.deepEqual(plan.calls.map((c) => c.line), [
      'AdminDisableUser maria.garcia',
      'AdminUserGlobalSignOut maria.garcia',
      'AdminForgetDevice maria.garcia us-east-1_aaaa-1',
      'AdminForgetDevice maria.garcia us-east-1_bbbb-2',
      'AdminResetUserPassword maria.garcia',
      'AdminUpdateAuthEventFeedback maria.garcia SignIn 10:00 (e1) Invalid',
      'AdminUpdateAuthEventFeedback maria.garcia SignIn 11:00 (e2) Invalid',
      'AdminDisableUser bob',
      'AdminUserGlobalSignOut bob',
      'AdminListDevices bob (a read; then one AdminForgetDevice per device found)',
      'AdminResetUserPassword bob',
    ]);
    assert.deepEqual(plan.devicesListedWhenRun, ['bob']);
    assert.deepEqual(plan.noRiskyEvents, ['bob']);
    assert.equal(plannedWrites(plan).length, 10);
  });

  it('the dry run ends with the count of writes, and says what is listed only when run', () => {
    const lines = dryRunLines(containPlan([MARIA], DEFAULTS));
    assert.deepEqual(lines, [
      'AdminDisableUser maria.garcia',
      'AdminUserGlobalSignOut maria.garcia',
      'AdminUpdateAuthEventFeedback maria.garcia SignIn 10:00 (e1) Invalid',
      'AdminUpdateAuthEventFeedback maria.garcia SignIn 11:00 (e2) Invalid',
      '4 calls',
    ]);
    const withBob = dryRunLines(containPlan([BOB], ['sign-out', 'forget-devices', 'mark-invalid']));
    assert.equal(withBob.at(-1), '1 call, plus one AdminForgetDevice per device found');
    assert.ok(withBob.includes('No loaded risky event to mark Invalid for bob.'));
  });

  it('a step turned off sends nothing; no step, no call', () => {
    const plan = containPlan([MARIA, BOB], ['sign-out']);
    assert.deepEqual(plan.calls.map((c) => c.operation), ['AdminUserGlobalSignOut', 'AdminUserGlobalSignOut']);
    assert.deepEqual(containPlan([MARIA], []).calls, []);
    assert.equal(dryRunLines(containPlan([MARIA], [])).at(-1), '0 calls');
  });
});
