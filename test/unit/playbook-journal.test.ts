import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JournalLine } from '../../src/journal/journal.ts';
import { PLAYBOOK_ACTION, PLAYBOOK_FINISHED, PLAYBOOK_STARTED, unfinishedPlaybook, type JournaledCall } from '../../src/writes/playbook-journal.ts';

const POOL = 'us-east-1_Qm7Rk2Tz9';

function line(action: string, write: string, username: string, parameters: Record<string, string>, outcome = 'ok', eventId?: string): JournalLine {
  return {
    at: '2026-11-29T09:00:00.000Z', who: { unknown: 'test' }, poolId: POOL, action, write,
    target: { username, ...(eventId ? { eventId } : {}), label: eventId ?? username }, parameters, outcome,
  } as JournalLine;
}

const started = (id: string, calls: JournaledCall[]) => line(PLAYBOOK_ACTION, PLAYBOOK_STARTED, 'maria', { playbook: id, calls: JSON.stringify(calls) });
const finished = (id: string) => line(PLAYBOOK_ACTION, PLAYBOOK_FINISHED, 'maria', { playbook: id });

const PLAN: JournaledCall[] = [
  { operation: 'AdminDisableUser', username: 'maria' },
  { operation: 'AdminUserGlobalSignOut', username: 'maria' },
  { operation: 'AdminUpdateAuthEventFeedback', username: 'maria', target: 'e1', value: 'Invalid' },
  { operation: 'AdminUpdateAuthEventFeedback', username: 'maria', target: 'e2', value: 'Invalid' },
];

describe('unfinishedPlaybook: what is left of an interrupted playbook', () => {
  it('leaves out the calls journaled ok for the same playbook, keeps the failed and the missing ones', () => {
    const lines = [
      started('pb-1', PLAN),
      line('AdminDisableUser', 'disable', 'maria', { playbook: 'pb-1' }),
      line('AdminUserGlobalSignOut', 'sign-out', 'maria', { playbook: 'pb-1' }, 'failed'),
      line('AdminUpdateAuthEventFeedback', 'feedback Invalid', 'maria', { value: 'Invalid', playbook: 'pb-1' }, 'ok', 'e1'),
    ];
    const found = unfinishedPlaybook(lines);
    assert.equal(found?.id, 'pb-1');
    assert.equal(found?.poolId, POOL);
    assert.deepEqual(found?.planned, PLAN);
    assert.deepEqual(found?.left, [PLAN[1], PLAN[3]]);
  });

  it('an ok line of another playbook or of no playbook does not count; an unknown outcome read back as applied does', () => {
    const applied = { ...line('AdminUserGlobalSignOut', 'sign-out', 'maria', { playbook: 'pb-2' }, 'unknown'), readBack: 'applied' };
    const lines = [
      started('pb-2', PLAN),
      line('AdminDisableUser', 'disable', 'maria', {}),
      line('AdminUpdateAuthEventFeedback', 'feedback Invalid', 'maria', { playbook: 'pb-other' }, 'ok', 'e1'),
      applied,
    ];
    assert.deepEqual(unfinishedPlaybook(lines)?.left, [PLAN[0], PLAN[2], PLAN[3]]);
  });

  it('the latest unfinished playbook is found; a finished one is not offered; none at all gives undefined', () => {
    assert.equal(unfinishedPlaybook([started('a', PLAN), started('b', PLAN), finished('b')])?.id, 'a');
    assert.equal(unfinishedPlaybook([started('a', PLAN), finished('a')]), undefined);
    assert.equal(unfinishedPlaybook([]), undefined);
  });

  it('the device listing is always left (a read: the devices it finds are those not forgotten yet)', () => {
    const plan = [{ operation: 'AdminListDevices', username: 'maria' }];
    assert.deepEqual(unfinishedPlaybook([started('d', plan), line('AdminForgetDevice', 'forget-device', 'maria', { playbook: 'd' })])?.left, plan);
  });

  it('a started line whose calls cannot be read has nothing left to offer but is still found', () => {
    const broken = line(PLAYBOOK_ACTION, PLAYBOOK_STARTED, 'maria', { playbook: 'x', calls: '{not json' });
    assert.deepEqual(unfinishedPlaybook([broken])?.left, []);
  });
});
