import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSearch, lookupFilters, lookupPrecedence, nextSearchAttribute, PLAIN_SEARCH_ATTRIBUTES, searchTarget } from '../../src/store/search.ts';

describe('search line', () => {
  it('plain text searches the chosen attribute by prefix', () => {
    assert.deepEqual(buildSearch('maria', 'email'), { ok: true, filter: 'email ^= "maria"', description: 'email ^= "maria"' });
    assert.equal((buildSearch('Garc', 'family_name') as { filter: string }).filter, 'family_name ^= "Garc"');
  });
  it('a uuid searches sub exactly, a +number the phone', () => {
    assert.equal((buildSearch('5b0e8f3a-2c41-4d7e-9a6b-81f4c2d9e370', 'email') as { filter: string }).filter, 'sub = "5b0e8f3a-2c41-4d7e-9a6b-81f4c2d9e370"');
    assert.equal((buildSearch('+4930', 'email') as { filter: string }).filter, 'phone_number ^= "+4930"');
  });
  it('quotes in plain text are escaped', () => {
    assert.equal((buildSearch('a"b', 'name') as { filter: string }).filter, 'name ^= "a\\"b"');
  });
  it('a full expression is taken as written', () => {
    assert.equal((buildSearch('cognito:user_status = "UNCONFIRMED"', 'email') as { filter: string }).filter, 'cognito:user_status = "UNCONFIRMED"');
    assert.equal((buildSearch('status="Disabled"', 'email') as { filter: string }).filter, 'status = "Disabled"');
  });
  it('bad syntax is refused with a message', () => {
    for (const bad of ['custom:tier = "gold"', 'email = bob', 'email ^= "unterminated', 'email = "a" and name = "b"']) {
      const r = buildSearch(bad, 'email');
      assert.equal(r.ok, false, bad);
      assert.ok(!r.ok && r.message.length > 10);
    }
  });
  it('empty text means all users', () => {
    assert.deepEqual(buildSearch('   ', 'email'), { ok: true, filter: '', description: 'all users' });
  });
  it('tab cycles through every attribute', () => {
    let a = 'email';
    const seen = new Set<string>();
    for (let i = 0; i < PLAIN_SEARCH_ATTRIBUTES.length; i++) { seen.add(a); a = nextSearchAttribute(a); }
    assert.equal(seen.size, PLAIN_SEARCH_ATTRIBUTES.length);
    assert.equal(a, 'email');
  });
  it('looks a user up with the likeliest filter first (email for an @, phone for a +number, sub for a uuid), then the username', () => {
    assert.deepEqual(lookupFilters('bob'), ['username = "bob"']);
    assert.deepEqual(lookupFilters('bob@example.com'), ['email = "bob@example.com"', 'username = "bob@example.com"']);
    assert.deepEqual(lookupFilters('+34612345678'), ['phone_number = "+34612345678"', 'username = "+34612345678"']);
    const sub = '6F1C2D3E-0000-4000-8000-00000000ABCD';
    assert.deepEqual(lookupFilters(sub), [`sub = "${sub.toLowerCase()}"`, `username = "${sub}"`]);
  });
  it('takes a username match before the likelier filters\' answers', () => {
    assert.deepEqual(lookupPrecedence(lookupFilters('bob@example.com')), [1, 0]);
    assert.deepEqual(lookupPrecedence(lookupFilters('bob')), [0]);
  });
});

describe('the search hint names the attribute really searched', () => {
  it('agrees with the filter that enter sends, for every attribute tab can choose', () => {
    for (const attribute of PLAIN_SEARCH_ATTRIBUTES) {
      for (const text of ['+34612345678', '+3', 'maria', 'maria.garcia+test@example.com', '6f1c2d3e-0000-4000-8000-00000000abcd']) {
        const built = buildSearch(text, attribute);
        assert.ok(built.ok);
        const searched = built.ok ? built.filter.split(' ')[0] : '';
        const hint = searchTarget(text, attribute);
        assert.match(hint, new RegExp(`^text: ${searched} (starts with|is) `), `${attribute} / ${text}: ${hint} vs ${built.ok && built.filter}`);
      }
    }
    assert.match(searchTarget('+34612345678', 'email'), /^text: phone_number starts with/);
    assert.match(searchTarget('email ^= "bob"', 'email'), /filter, sent as written/);
  });
});
