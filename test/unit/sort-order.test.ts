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

  it('pages merged in one after another give the order of a full sort at every length, and compare few rows per page', () => {
    const values: SortValue[] = ['b', 'a', '', undefined, 3, 1, 'c', Number.NaN, 2, 'a', 3, 'B'];
    const keys: SortValue[] = Array.from({ length: 700 }, (_, i) => values[(i * 7 + (i >> 3)) % values.length]);
    for (const descending of [false, true]) {
      let order = sortOrder([], descending);
      for (let length = 0; length < keys.length;) {
        const next = Math.min(keys.length, length + 1 + (length % 5));
        order = extendOrder(order, keys.slice(0, next), length, descending);
        assert.deepEqual([...order], [...sortOrder(keys.slice(0, next), descending)], `${next} rows, ${descending ? 'descending' : 'ascending'}`);
        length = next;
      }
    }
    const many: SortValue[] = Array.from({ length: 100_060 }, (_, i) => `u${String((i * 7919) % 100_003).padStart(6, '0')}`);
    const first = sortOrder(many.slice(0, 100_000), false);
    let compared = 0;
    const counted = new Proxy(many, { get: (target, prop, receiver) => { if (typeof prop === 'string' && /^\d+$/.test(prop)) compared++; return Reflect.get(target, prop, receiver); } });
    assert.deepEqual([...extendOrder(first, counted, 100_000, false)], [...sortOrder(many, false)]);
    assert.ok(compared < 10_000, `${compared} keys read to merge 60 rows into 100,000`);
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
