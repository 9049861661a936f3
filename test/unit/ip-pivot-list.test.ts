import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { describeIpPivotScope, ipPivotRows, ipPivotScope, knownOnlyByName, loadedIpAddresses } from '../../src/store/ip-pivot-list.ts';
import { emptyList } from '../../src/store/paged-list.ts';
import { listKey, userKey } from '../../src/store/routes.ts';
import type { AppState } from '../../src/store/state.ts';

const POOL = 'us-east-1_Qm7Rk2Tz9';
const IP = '203.0.113.7';
const user = (username: string): User => ({ username, enabled: true, status: 'CONFIRMED', attributes: { email: `${username}@example.com` }, mfaOptions: [] });
const event = (id: string, ip: string, createdAt: number): AuthEvent => ({ id, ip, createdAt, riskLevel: 'High', challenges: [] });
const list = (items: unknown[]) => ({ ...emptyList(), items, complete: true, pagesLoaded: 1 });

function state(sweep?: { usersScanned: number; errors: number; running: boolean }): AppState {
  return {
    lists: {
      [listKey({ kind: 'events', poolId: POOL, username: 'alice' })]: list([event('a1', IP, 1_000), event('a2', '10.0.0.1', 2_000)]),
      [listKey({ kind: 'events', poolId: POOL, username: 'ghost' })]: list([event('g1', IP, 3_000)]),
      [listKey({ kind: 'events', poolId: 'eu-west-1_Other0001', username: 'zed' })]: list([event('z1', IP, 9_000)]),
      [listKey({ kind: 'findings', poolId: POOL })]: list([{ user: user('bob'), events: [event('b1', IP, 5_000)], eventsRead: 60 }]),
    },
    users: { [userKey(POOL, 'alice')]: user('alice') },
    sweeps: sweep ? { [POOL]: { running: sweep.running, filter: '', progress: { usersScanned: sweep.usersScanned, errors: sweep.errors } } } : {},
  } as unknown as AppState;
}

describe('the IP pivot over what the app has read', () => {
  it('takes the pool\'s loaded events lists and its sweep findings, not another pool\'s', () => {
    const rows = ipPivotRows(state(), POOL, IP);
    assert.deepEqual(rows.map((r) => r.user.username), ['bob', 'ghost', 'alice']);
    assert.equal(rows[2].user.attributes.email, 'alice@example.com');
    assert.equal(knownOnlyByName(rows[1].user), true);
    assert.equal(knownOnlyByName(rows[0].user), false);
  });

  it('says what it searched', () => {
    assert.equal(describeIpPivotScope(ipPivotScope(state({ usersScanned: 1_210, errors: 6, running: false }), POOL)),
      'from the events of 2 users loaded and the 1,204 users swept; not the whole pool');
    assert.equal(describeIpPivotScope(ipPivotScope(state({ usersScanned: 1, errors: 0, running: true }), POOL)),
      'from the events of 2 users loaded and the 1 user swept so far; not the whole pool');
    assert.match(describeIpPivotScope(ipPivotScope(state(), POOL)), /^from the events of 2 users loaded \(no sweep has run/);
  });

  it('completes :ip from the addresses of the loaded events, each once, bounded', () => {
    assert.deepEqual(loadedIpAddresses(state().lists, POOL, 10), [IP, '10.0.0.1']);
    assert.deepEqual(loadedIpAddresses(state().lists, POOL, 1), [IP]);
  });
});
