import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extendOrder, positionsOf, reverseOrder, riskDecisionRank, riskLevelRank, sortOrder, type SortValue } from '../../src/domain/sort-order.ts';
import { nextSort, reversedSort, sortColumnsOf } from '../../src/store/sort-columns.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';

const sorted = <T>(rows: T[], keys: SortValue[], descending = false) => [...sortOrder(keys, descending)].map((i) => rows[i]);
const keyOf = (kind: Parameters<typeof sortColumnsOf>[0], header: string) => sortColumnsOf(kind).find((c) => c.header === header)!.key;

describe('sort order (pure)', () => {
  it('text: by code point of the lower-cased cell, A to Z or Z to A, blanks last either way, ties in loaded order', () => {
    const users = ['bob', 'Alice', '', 'carol', 'alice'].map((username, i) => ({ username, i }) as unknown as User);
    const key = (u: User) => (u.username ? u.username.toLowerCase() : '');
    assert.deepEqual(sorted(users, users.map(key)).map((u) => u.username), ['Alice', 'alice', 'bob', 'carol', '']);
    assert.deepEqual(sorted(users, users.map(key), true).map((u) => u.username), ['carol', 'bob', 'Alice', 'alice', '']);
  });

  it('dates: by time, not by the text shown; a row without a time goes last', () => {
    const col = keyOf('users', 'CREATED');
    const users = [{ createdAt: Date.UTC(2024, 0, 2) }, { createdAt: undefined }, { createdAt: Date.UTC(2023, 11, 31) }, { createdAt: Date.UTC(2025, 5, 1) }]
      .map((u, i) => ({ username: `u${i}`, enabled: true, status: 'CONFIRMED', attributes: {}, mfaOptions: [], ...u }) as User);
    assert.deepEqual(sorted(users, users.map(col)).map((u) => u.username), ['u2', 'u0', 'u3', 'u1']);
    assert.deepEqual(sorted(users, users.map(col), true).map((u) => u.username), ['u3', 'u0', 'u2', 'u1']);
  });

  it('risk levels in risk order (Low < Medium < High, any case), decisions NoRisk < Block < AccountTakeover', () => {
    const risk = keyOf('events', 'RISK');
    const events = ['Medium', 'HIGH', undefined, 'low', 'High'].map((riskLevel, i) => ({ id: `e${i}`, riskLevel, challenges: [] }) as AuthEvent);
    assert.deepEqual(sorted(events, events.map(risk), true).map((e) => e.id), ['e1', 'e4', 'e0', 'e3', 'e2']);
    assert.deepEqual(sorted(events, events.map(risk)).map((e) => e.id), ['e3', 'e0', 'e1', 'e4', 'e2']);
    assert.deepEqual([riskLevelRank('low'), riskLevelRank('Medium'), riskLevelRank('HIGH'), riskLevelRank('odd')], [1, 2, 3, undefined]);
    assert.deepEqual([riskDecisionRank('NoRisk'), riskDecisionRank('block'), riskDecisionRank('AccountTakeover')], [0, 1, 2]);
  });

  it('a page appended is merged into the order: the same order as sorting everything again', () => {
    const keys: SortValue[] = Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    for (const descending of [false, true]) {
      const first = sortOrder(keys.slice(0, 300), descending);
      assert.deepEqual([...extendOrder(first, keys, 300, descending)], [...sortOrder(keys, descending)]);
    }
  });

  it('reversing an order is the order sorted the other way: blanks still last, ties still in loaded order', () => {
    const keys: SortValue[] = Array.from({ length: 400 }, (_, i) => (i % 13 === 0 ? undefined : i % 7 === 0 ? '' : (i * 31) % 17));
    for (const descending of [false, true]) {
      assert.deepEqual([...reverseOrder(sortOrder(keys, descending), keys)], [...sortOrder(keys, !descending)]);
    }
    const text: SortValue[] = ['b', 'a', 'b', undefined, 'c', 'a'];
    assert.deepEqual([...reverseOrder(sortOrder(text, false), text)], [...sortOrder(text, true)]);
  });

  it('positions invert an order', () => {
    const order = sortOrder([30, 10, 20], false);
    assert.deepEqual([...order], [1, 2, 0]);
    assert.deepEqual([...positionsOf(order)], [2, 0, 1]);
  });

  it('> walks the columns (times newest first, text A to Z) and ends as loaded; < reverses, or sorts an unsorted list by its first column', () => {
    const headers = sortColumnsOf('users').map((c) => c.header);
    assert.deepEqual(headers, ['USERNAME', 'EMAIL', 'NAME', 'STATUS', 'ENABLED', 'CREATED']);
    let sort = nextSort('users', undefined);
    assert.deepEqual(sort, { column: 'USERNAME', descending: false });
    for (let i = 0; i < 5; i++) sort = nextSort('users', sort);
    assert.deepEqual(sort, { column: 'CREATED', descending: true });
    assert.equal(nextSort('users', sort), undefined);
    assert.deepEqual(reversedSort('users', sort), { column: 'CREATED', descending: false });
    assert.deepEqual(reversedSort('users', undefined), { column: 'USERNAME', descending: true });
  });

  it('every list kind has its columns to sort by', () => {
    for (const kind of ['pools', 'users', 'group-users', 'clients', 'appClients', 'groups', 'groups-of-pool', 'devices', 'events', 'findings', 'log', 'ip', 'journal'] as const) {
      assert.ok(sortColumnsOf(kind).length >= 2, kind);
    }
  });
});
