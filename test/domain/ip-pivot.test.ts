import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalIp, checkIpAddress, pivotOnIp, type UserEvents } from '../../src/domain/ip-pivot.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';

const user = (username: string, partial = false): User => ({ username, enabled: true, status: 'CONFIRMED', attributes: {}, mfaOptions: [], ...(partial ? { partial } : {}) });
const event = (id: string, ip: string, createdAt: number, riskLevel?: string, riskDecision?: string): AuthEvent => ({ id, ip, createdAt, riskLevel, riskDecision, challenges: [] });

const ATTACKER = '185.220.101.34';

describe('pivotOnIp', () => {
  const sources: UserEvents[] = [
    { user: user('alice'), events: [event('a1', ATTACKER, 1_000, 'Low'), event('a2', ATTACKER, 5_000, 'High', 'AccountTakeover'), event('a3', '10.0.0.1', 9_000, 'High')] },
    { user: user('bob'), events: [event('b1', ATTACKER, 7_000, 'Medium'), event('b2', '10.0.0.2', 8_000)] },
    { user: user('carol'), events: [event('c1', '10.0.0.3', 9_500, 'High')] },
  ];

  it('lists each user with events from the address, newest first, with the count and the worst of them', () => {
    const rows = pivotOnIp(ATTACKER, sources);
    assert.deepEqual(rows.map((r) => [r.user.username, r.events, r.worst.id, r.newestAt]), [['bob', 1, 'b1', 7_000], ['alice', 2, 'a2', 5_000]]);
  });

  it('counts an event read twice (a loaded list and a sweep finding) once, and keeps the whole user row over a partial one', () => {
    const finding: UserEvents = { user: user('alice', true), events: [event('a2', ATTACKER, 5_000, 'High', 'AccountTakeover'), event('a4', ATTACKER, 11_000, 'Medium')] };
    const rows = pivotOnIp(ATTACKER, [finding, ...sources]);
    assert.deepEqual(rows.map((r) => [r.user.username, r.events, r.worst.id, r.newestAt]), [['alice', 3, 'a2', 11_000], ['bob', 1, 'b1', 7_000]]);
    assert.equal(rows[0].user.partial, undefined);
  });

  it('matches IPv6 however the event writes it, and an IPv4-mapped IPv6 address as its IPv4', () => {
    const v6: UserEvents[] = [
      { user: user('dave'), events: [event('d1', '2001:0DB8:0000:0000:0000:0000:0000:0007', 2_000, 'High')] },
      { user: user('erin'), events: [event('e1', '2001:db8::7', 3_000), event('e2', `::ffff:${ATTACKER}`, 4_000)] },
    ];
    const address = canonicalIp('2001:db8:0::7')!;
    assert.equal(address, '2001:db8::7');
    assert.deepEqual(pivotOnIp(address, v6).map((r) => [r.user.username, r.events]), [['erin', 1], ['dave', 1]]);
    assert.deepEqual(pivotOnIp(ATTACKER, v6).map((r) => r.user.username), ['erin']);
  });

  it('finds nobody for an address seen nowhere, and skips events without an address', () => {
    assert.deepEqual(pivotOnIp('198.51.100.9', sources), []);
    assert.deepEqual(pivotOnIp('198.51.100.9', [{ user: user('frank'), events: [{ id: 'f1', challenges: [] }] }]), []);
  });

  it('orders users whose events have no time after those that have one', () => {
    const rows = pivotOnIp(ATTACKER, [{ user: user('gina'), events: [{ id: 'g1', ip: ATTACKER, challenges: [] }] }, ...sources]);
    assert.deepEqual(rows.map((r) => r.user.username), ['bob', 'alice', 'gina']);
    assert.equal(rows[2].newestAt, undefined);
  });
});

describe('checkIpAddress', () => {
  it('takes IPv4 and IPv6, canonical', () => {
    assert.deepEqual(checkIpAddress('203.0.113.7'), { ok: true, address: '203.0.113.7' });
    assert.deepEqual(checkIpAddress('2001:DB8:0:0::7'), { ok: true, address: '2001:db8::7' });
  });

  it('refuses what is not one address with a one-line message', () => {
    for (const bad of ['203.0.113', '203.0.113.256', 'maria.garcia', '203.0.113.0/24', '12', '2001:db8:::7']) {
      const check = checkIpAddress(bad);
      assert.equal(check.ok, false, bad);
      if (!check.ok) assert.doesNotMatch(check.error, /\n/);
    }
    const range = checkIpAddress('203.0.113.0/24');
    assert.ok(!range.ok && /is a range/.test(range.error));
  });
});
