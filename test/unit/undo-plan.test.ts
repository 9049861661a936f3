import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JournalLine } from '../../src/journal/journal.ts';
import { PLAYBOOK_ACTION, PLAYBOOK_STARTED } from '../../src/writes/playbook-journal.ts';
import { undoCallText, undoPlan } from '../../src/writes/undo-plan.ts';

const POOL = 'us-east-1_Qm7Rk2Tz9';

function line(at: string, action: string, username: string, parameters: Record<string, string>, outcome = 'ok', eventId?: string): JournalLine {
  return {
    at, who: { unknown: 'test' }, poolId: POOL, action, write: action.toLowerCase(),
    target: { username, ...(eventId ? { eventId } : {}), label: eventId ?? username }, parameters, outcome,
  } as JournalLine;
}
const T1 = '2026-11-29T09:00:00.000Z';
const T2 = '2026-11-29T09:05:00.000Z';

describe('undoPlan: the reverse of the last playbook or batch from the journal', () => {
  it('a playbook: enable for the disable that succeeded, Valid for Invalid (saying the previous feedback is unknown), the sign-out and reset listed as irreversible', () => {
    const pb = { playbook: 'pb-1' };
    const lines = [
      line(T1, 'AdminDisableUser', 'old', {}),
      line(T2, PLAYBOOK_ACTION, 'maria', { ...pb, calls: '[]' }),
      line(T2, 'AdminDisableUser', 'maria', pb),
      line(T2, 'AdminDisableUser', 'ana', pb, 'failed'),
      line(T2, 'AdminUserGlobalSignOut', 'maria', pb),
      line(T2, 'AdminResetUserPassword', 'maria', pb),
      line(T2, 'AdminUpdateAuthEventFeedback', 'maria', { ...pb, value: 'Invalid' }, 'ok', 'e1'),
    ];
    lines[1].write = PLAYBOOK_STARTED;
    const plan = undoPlan(lines)!;
    assert.equal(plan.key, 'playbook:pb-1');
    assert.deepEqual(plan.calls.map(undoCallText), [
      'AdminEnableUser maria',
      'AdminUpdateAuthEventFeedback maria e1 Valid (the previous feedback cannot be known: the journal did not record it)',
    ]);
    assert.equal(plan.irreversible.length, 2);
    assert.match(plan.irreversible[0], /^AdminUserGlobalSignOut maria \(a sign-out/);
    assert.match(plan.irreversible[1], /^AdminResetUserPassword maria \(a reset password/);
  });

  it('a batch without a playbook: the lines journaled together; a block is reversed by an unblock, a deletion is not', () => {
    const lines = [
      line(T1, 'AdminDeleteUser', 'gone', {}),
      line(T2, 'SetRiskConfiguration', '', { list: 'blocked', op: 'add', range: '203.0.113.0/24' }),
    ];
    assert.deepEqual(undoPlan(lines)?.calls, [{ kind: 'unblock', poolId: POOL, ranges: ['203.0.113.0/24'] }]);
    const deletion = undoPlan(lines.slice(0, 1))!;
    assert.deepEqual(deletion.calls, []);
    assert.match(deletion.irreversible[0], /AdminDeleteUser gone \(a deletion/);
  });

  it('an action already undone is skipped (the one before it is offered); a recorded previous feedback is put back', () => {
    const lines = [
      line(T1, 'AdminUpdateAuthEventFeedback', 'maria', { value: 'Valid', previous: 'Invalid' }, 'ok', 'e9'),
      line(T2, 'AdminDisableUser', 'maria', {}),
      line(T2, 'AdminEnableUser', 'maria', { undoOf: `batch:${T2}|AdminDisableUser|admindisableuser` }),
    ];
    const plan = undoPlan(lines)!;
    assert.equal(plan.calls.length, 1);
    assert.deepEqual(plan.calls[0], { kind: 'feedback', poolId: POOL, username: 'maria', eventId: 'e9', value: 'Invalid', label: 'e9', previousUnknown: false });
    assert.equal(undoPlan(lines.slice(0, 0)), undefined);
  });
});
