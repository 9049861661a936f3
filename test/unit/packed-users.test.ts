import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { User } from '../../src/gateway/types.ts';
import { compactUser, compactUsers } from '../../src/store/compact-user.ts';
import { CHUNK_ROWS } from '../../src/store/user-chunk.ts';

const base: User = { username: 'maria.garcia', enabled: true, status: 'CONFIRMED', createdAt: 1_720_000_000_123, attributes: {}, mfaOptions: [] };

/** The list fields of a row, read through the User interface. */
function fields(u: User) {
  return { username: u.username, enabled: u.enabled, status: u.status, createdAt: u.createdAt, attributes: u.attributes };
}

function roundTrip(u: User): void {
  const a = u.attributes;
  const name = (a.name ?? [a.given_name, a.family_name].filter(Boolean).join(' ')) || undefined;
  const expected = { email: a.email, name };
  const row = compactUser(u);
  const got = row.attributes;
  assert.equal(row.username, u.username);
  assert.equal(row.enabled, u.enabled);
  assert.equal(row.status, u.status);
  assert.equal(row.createdAt, u.createdAt);
  assert.equal(got.email, expected.email);
  assert.equal(got.name, expected.name);
  assert.equal('email' in got, expected.email !== undefined, 'a missing email stays missing');
  assert.equal('name' in got, expected.name !== undefined, 'a missing name stays missing');
}

const HOSTILE = [
  '', ' ', 'a', 'ÿ', 'é', 'María García', 'Zoë Ødegård', '李小龙', '김민준', 'Nguyễn Văn An', '😀 grin', 'a😀b',
  '\u001b[31mred\u001b[0m', '\u001b]8;;http://x\u0007link', 'e\u0301\u0301\u0301\u0301'.repeat(200), '\u202eevil', '\u0000nul\u0000',
  '\ud800', 'a\udc00b', '\udbff', '😀\ud800', '\ud83d', 'x'.repeat(70_000), '\r\n\t', '\u00ff\u0100', '\uffff', '\ufeffbom',
];

describe('packed user rows', () => {
  it('give back every field exactly as given, for plain, accented, other scripts, control sequences and lone surrogates', () => {
    for (const text of HOSTILE) {
      roundTrip({ ...base, username: text || 'u', attributes: { email: text, name: text } });
      roundTrip({ ...base, username: text || 'u', attributes: { email: `${text}@example.com`, given_name: text, family_name: 'x' } });
      roundTrip({ ...base, username: text, attributes: { email: `${text}@${text}` } });
      roundTrip({ ...base, username: `${text}z`, attributes: { email: `${text}@d` } });
      roundTrip({ ...base, username: 'u', attributes: { email: 'u@d', name: text } });
      roundTrip({ ...base, username: 'u', attributes: { email: `${text}@${text}`, name: 'n' } });
    }
  });

  it('keep an empty email apart from a missing one (an empty name is none, as before), and a missing creation time undefined', () => {
    roundTrip({ ...base, attributes: { email: '', name: '' } });
    roundTrip({ ...base, createdAt: undefined, attributes: {} });
    assert.deepEqual(compactUser({ ...base, attributes: { email: '' } }).attributes, { email: '' });
    assert.equal(compactUser({ ...base, createdAt: undefined }).createdAt, undefined);
    assert.equal(compactUser({ ...base, createdAt: 0 }).createdAt, 0);
    assert.equal(compactUser({ ...base, createdAt: 1.5 }).createdAt, 1.5);
  });

  it('keep enabled and any status, known or not', () => {
    for (const status of ['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER', 'ARCHIVED', '', 'ünknown\u001b[2J']) {
      for (const enabled of [true, false]) roundTrip({ ...base, enabled, status });
    }
    const rows = compactUsers(Array.from({ length: 600 }, (_, i) => ({ ...base, status: `odd-${i}` })));
    rows.forEach((r, i) => assert.equal(r.status, `odd-${i}`));
  });

  it('an email whose part before the @ is the username keeps that part exactly, not the username after it changes', () => {
    const a = compactUser({ ...base, username: 'ana', attributes: { email: 'ana@example.com' } });
    const b = compactUser({ ...base, username: 'an', attributes: { email: 'ana@example.com' } });
    const c = compactUser({ ...base, username: 'ana@x', attributes: { email: 'ana@x@y' } });
    assert.equal(a.attributes.email, 'ana@example.com');
    assert.equal(b.attributes.email, 'ana@example.com');
    assert.equal(c.attributes.email, 'ana@x@y');
  });

  it('emails on more domains than the domain table holds, and domains too long for it, read back whole', () => {
    const users: User[] = Array.from({ length: 700 }, (_, i) => ({
      ...base, username: i % 2 ? `u${i}` : `v${i}`, attributes: { email: `u${i}@d${i}.${i % 3 ? 'example' : 'x'.repeat(100)}` },
    }));
    const rows = compactUsers(users);
    rows.forEach((r, i) => assert.equal(r.attributes.email, users[i].attributes.email));
    assert.equal(compactUser({ ...base, username: 'a', attributes: { email: 'a@d0.example' } }).attributes.email, 'a@d0.example');
    assert.equal(compactUser({ ...base, username: 'a', attributes: { email: '@d0.example' } }).attributes.email, '@d0.example');
    assert.equal(compactUser({ ...base, username: '', attributes: { email: '@d0.example' } }).attributes.email, '@d0.example');
    assert.equal(compactUser({ ...base, username: 'a', attributes: { email: 'a@' } }).attributes.email, 'a@');
  });

  it('rows packed across many chunks and text grown past its first room all read back', () => {
    const n = CHUNK_ROWS * 2 + 123;
    const users: User[] = Array.from({ length: n }, (_, i) => ({
      ...base, username: `user${i}`, enabled: i % 3 !== 0, createdAt: i % 7 === 0 ? undefined : 1_600_000_000_000 + i,
      attributes: i % 5 === 0 ? ({} as Record<string, string>) : { email: `user${i}@d${i % 9}.example`, name: i % 2 ? `Ünïcode 名前 ${i} ${'long '.repeat(i % 40)}` : `Name ${i}` },
    }));
    const rows = compactUsers(users.slice(0, 1000)).concat(users.slice(1000).map(compactUser));
    rows.forEach((row, i) => assert.deepEqual(fields(row), fields(compactUser(users[i]))));
    rows.forEach((row, i) => {
      assert.equal(row.username, `user${i}`);
      assert.equal(row.attributes.email, users[i].attributes.email);
      assert.equal(row.attributes.name, users[i].attributes.name);
      assert.equal(row.createdAt, users[i].createdAt);
      assert.equal(row.enabled, users[i].enabled);
    });
  });

  it('a row holds no string of its own: its text is in the chunk, decoded when read', () => {
    const row = compactUser({ ...base, attributes: { email: 'maria@example.com', name: 'María' } });
    assert.deepEqual(Object.values(row).filter((v) => typeof v === 'string'), []);
    assert.equal(row.username, 'maria.garcia');
  });

  it('rows read as plain users in JSON', () => {
    const row = compactUser({ ...base, attributes: { email: '😀@x', name: 'é' } });
    assert.deepEqual(JSON.parse(JSON.stringify([row])), [
      { username: 'maria.garcia', enabled: true, status: 'CONFIRMED', createdAt: 1_720_000_000_123, attributes: { email: '😀@x', name: 'é' }, mfaOptions: [], partial: true },
    ]);
  });
});
