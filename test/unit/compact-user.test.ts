import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { User } from '../../src/gateway/types.ts';
import { compactUser, userWith } from '../../src/store/compact-user.ts';

const whole: User = {
  username: 'maria.garcia',
  enabled: true,
  status: 'CONFIRMED',
  createdAt: 1_720_000_000_000,
  modifiedAt: 1_720_000_100_000,
  attributes: { email: 'maria.garcia@example.com', given_name: 'María', family_name: 'García', sub: 'a-b-c', phone_number: '+34600000000' },
  mfaOptions: ['SMS'],
};

describe('compact user list rows', () => {
  it('keep what the list draws, compose the name, and say they are partial', () => {
    const row = compactUser(whole);
    assert.equal(row.username, 'maria.garcia');
    assert.equal(row.enabled, true);
    assert.equal(row.status, 'CONFIRMED');
    assert.equal(row.createdAt, 1_720_000_000_000);
    assert.equal(row.modifiedAt, undefined);
    assert.deepEqual(row.attributes, { email: 'maria.garcia@example.com', name: 'María García' });
    assert.deepEqual(row.mfaOptions, []);
    assert.equal(row.partial, true);
  });

  it('keep a given name as it is, and leave out attributes the user does not have', () => {
    assert.deepEqual(compactUser({ ...whole, attributes: { name: 'M. García' } }).attributes, { name: 'M. García' });
    assert.deepEqual(compactUser({ ...whole, attributes: {} }).attributes, {});
  });

  it('copy as JSON with the shape of a User', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(compactUser(whole))), {
      username: 'maria.garcia', enabled: true, status: 'CONFIRMED', createdAt: 1_720_000_000_000,
      attributes: { email: 'maria.garcia@example.com', name: 'María García' }, mfaOptions: [], partial: true,
    });
  });
});

describe('userWith', () => {
  it('copies a compact row with its derived fields, which a spread would drop', () => {
    const copy = userWith(compactUser(whole), { enabled: false });
    assert.equal(copy.enabled, false);
    assert.deepEqual(copy.attributes, { email: 'maria.garcia@example.com', name: 'María García' });
    assert.equal(copy.partial, true);
    assert.equal({ ...compactUser(whole) }.attributes, undefined, 'why userWith exists');
  });
});
