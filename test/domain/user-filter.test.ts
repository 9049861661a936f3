import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  filterSortKey,
  formatUserFilter,
  matchesUserFilter,
  parseUserFilter,
  SEARCHABLE_ATTRIBUTES,
} from '../../src/domain/user-filter.ts';
import type { FilterableUser, UserFilter } from '../../src/domain/user-filter.ts';

function parsed(text: string): UserFilter | null {
  const result = parseUserFilter(text);
  assert.ok(result.ok, `expected "${text}" to parse, got ${JSON.stringify(result)}`);
  return result.filter;
}

function failure(text: string): { message: string; column: number } {
  const result = parseUserFilter(text);
  assert.ok(!result.ok, `expected "${text}" to be rejected`);
  return result;
}

const bob: FilterableUser = {
  username: 'Bob.Smith',
  enabled: true,
  userStatus: 'CONFIRMED',
  attributes: {
    sub: 'a1b2c3d4-0000-4000-8000-000000000001',
    email: 'Bob.Smith@Example.com',
    phone_number: '+15555550100',
    name: 'Bob Smith',
    given_name: 'Bob',
    family_name: 'Smith',
    preferred_username: 'Bobby',
    'custom:tier': 'gold',
  },
};

describe('SEARCHABLE_ATTRIBUTES', () => {
  it('lists exactly the attributes Cognito can search, in its order', () => {
    assert.deepEqual(
      [...SEARCHABLE_ATTRIBUTES],
      ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub'],
    );
  });
});

describe('parseUserFilter: accepted filters', () => {
  it('treats empty and whitespace-only text as "no filter"', () => {
    assert.deepEqual(parseUserFilter(''), { ok: true, filter: null });
    assert.deepEqual(parseUserFilter('   \t '), { ok: true, filter: null });
  });

  for (const attribute of SEARCHABLE_ATTRIBUTES) {
    it(`parses both operators for ${attribute}`, () => {
      assert.deepEqual(parsed(`${attribute} = "x"`), { attribute, operator: '=', value: 'x' });
      assert.deepEqual(parsed(`${attribute} ^= "x"`), { attribute, operator: '^=', value: 'x' });
    });
  }

  it('allows any whitespace, or none, around the operator and at the ends', () => {
    const expected = { attribute: 'email', operator: '^=', value: 'bob' };
    assert.deepEqual(parsed('email^="bob"'), expected);
    assert.deepEqual(parsed('  email   ^=   "bob"  '), expected);
    assert.deepEqual(parsed('\temail\t^=\t"bob"\n'), expected);
    assert.deepEqual(parsed('email= "bob"'), { ...expected, operator: '=' });
  });

  it('unescapes \\" and \\\\ inside the value', () => {
    assert.equal(parsed('name = "say \\"hi\\""')?.value, 'say "hi"');
    assert.equal(parsed('name = "back\\\\slash"')?.value, 'back\\slash');
    assert.equal(parsed('name = "\\\\\\""')?.value, '\\"');
  });

  it('keeps spaces, operators and unicode inside the value as they are', () => {
    assert.equal(parsed('name = "  Mary  Ann = ^= "')?.value, '  Mary  Ann = ^= ');
    assert.equal(parsed('family_name ^= "García"')?.value, 'García');
    assert.equal(parsed('name = "田中 陽翔"')?.value, '田中 陽翔');
  });

  it('accepts an empty value', () => {
    assert.deepEqual(parsed('email ^= ""'), { attribute: 'email', operator: '^=', value: '' });
  });
});

describe('parseUserFilter: rejected filters and their messages', () => {
  it('names the searchable attributes when the attribute is unknown', () => {
    const f = failure('nickname = "x"');
    assert.equal(f.message, `Unknown attribute "nickname": searchable attributes are ${SEARCHABLE_ATTRIBUTES.join(', ')}`);
    assert.equal(f.column, 1);
  });

  it('says custom attributes are not searchable', () => {
    const f = failure('  custom:tier = "gold"');
    assert.match(f.message, /^Unknown attribute "custom:tier": custom attributes are not searchable; searchable attributes are username, email, /);
    assert.equal(f.column, 3);
  });

  it('suggests the right case for a mis-cased attribute name', () => {
    assert.equal(failure('Email = "x"').message, 'Unknown attribute "Email": attribute names are case-sensitive, did you mean "email"?');
    assert.match(failure('COGNITO:USER_STATUS = "x"').message, /did you mean "cognito:user_status"\?/);
  });

  it('asks for an attribute name when the filter starts with something else', () => {
    assert.match(failure('"bob"').message, /^Expected an attribute name but found a quoted value/);
    assert.match(failure('= "bob"').message, /^Expected an attribute name but found "="/);
    assert.match(failure('^= "bob"').message, /^Expected an attribute name but found "\^"/);
  });

  it('asks for = or ^= after the attribute', () => {
    for (const text of ['email', 'email ', 'email "bob"', 'email == "bob"x', 'email ~= "bob"', 'email ^ "bob"', 'email != "bob"']) {
      const f = failure(text);
      if (text === 'email == "bob"x') {
        assert.match(f.message, /^Value must be in double quotes/);
        continue;
      }
      assert.match(f.message, /^Expected = or \^= after "email", e\.g\. email \^= "bob"$/, text);
    }
    assert.equal(failure('email "bob"').column, 7);
  });

  it('asks for a quoted value when the value is missing', () => {
    const f = failure('email ^=');
    assert.equal(f.message, 'Expected a value in double quotes after ^=, e.g. email ^= "bob"');
    assert.equal(f.column, 9);
    assert.equal(failure('name =   ').message, 'Expected a value in double quotes after =, e.g. name = "bob"');
  });

  it('shows the quoted form of a bare value', () => {
    const f = failure('email ^= bob');
    assert.equal(f.message, 'Value must be in double quotes: email ^= "bob"');
    assert.equal(f.column, 10);
    assert.equal(failure("given_name = 'Ann'").message, 'Value must be in double quotes: given_name = "Ann"');
  });

  it('reports an unterminated value at its opening quote', () => {
    const f = failure('email = "bob');
    assert.equal(f.message, 'Unterminated quoted value: add a closing " after the value');
    assert.equal(f.column, 9);
    assert.match(failure('email = "bob\\"').message, /^Unterminated quoted value/);
    assert.match(failure('email = "bob\\').message, /^Unterminated quoted value/);
  });

  it('rejects escapes other than \\" and \\\\', () => {
    const f = failure('email = "a\\nb"');
    assert.equal(f.message, 'Invalid escape "\\n": inside a value only \\" (a quote) and \\\\ (a backslash) can be escaped');
    assert.equal(f.column, 11);
    assert.match(failure('email = "\\u0041"').message, /^Invalid escape "\\u"/);
  });

  it('allows only one condition', () => {
    for (const text of ['email = "a" and name = "b"', 'email = "a" OR name = "b"', 'email = "a", name = "b"', 'email = "a" name = "b"', 'email = "a" && x']) {
      assert.match(failure(text).message, /^Only one condition can be searched at a time: remove "/, text);
    }
    const f = failure('email = "a"  and name = "b"');
    assert.equal(f.message, 'Only one condition can be searched at a time: remove "and name = "b""');
    assert.equal(f.column, 14);
  });

  it('rejects any other trailing text', () => {
    const f = failure('email = "a" junk');
    assert.equal(f.message, 'Unexpected text after the value: "junk"');
    assert.equal(f.column, 13);
    assert.match(failure('email = "a""b"').message, /^Unexpected text after the value: ""b""$/);
  });
});

describe('formatUserFilter', () => {
  it('writes the canonical form', () => {
    assert.equal(formatUserFilter({ attribute: 'email', operator: '^=', value: 'bob' }), 'email ^= "bob"');
    assert.equal(formatUserFilter({ attribute: 'status', operator: '=', value: 'Enabled' }), 'status = "Enabled"');
  });

  it('escapes quotes and backslashes, and round-trips through the parser', () => {
    const filter: UserFilter = { attribute: 'name', operator: '=', value: 'a "quoted" \\ back\\"slash' };
    const text = formatUserFilter(filter);
    assert.equal(text, 'name = "a \\"quoted\\" \\\\ back\\\\\\"slash"');
    assert.deepEqual(parsed(text), filter);
  });
});

describe('matchesUserFilter', () => {
  const match = (text: string, user: FilterableUser = bob): boolean => matchesUserFilter(parsed(text) as UserFilter, user);

  it('matches username exactly and by prefix, case-sensitively', () => {
    assert.ok(match('username = "Bob.Smith"'));
    assert.ok(match('username ^= "Bob."'));
    assert.ok(!match('username = "bob.smith"'));
    assert.ok(!match('username ^= "bob"'));
    assert.ok(!match('username = "Bob"'));
  });

  it('matches sub case-sensitively', () => {
    assert.ok(match('sub = "a1b2c3d4-0000-4000-8000-000000000001"'));
    assert.ok(match('sub ^= "a1b2"'));
    assert.ok(!match('sub ^= "A1B2"'));
  });

  it('matches status against Enabled/Disabled, case-sensitively', () => {
    assert.ok(match('status = "Enabled"'));
    assert.ok(!match('status = "enabled"'));
    assert.ok(!match('status = "Disabled"'));
    assert.ok(match('status = "Disabled"', { ...bob, enabled: false }));
    assert.ok(match('status ^= "Dis"', { ...bob, enabled: false }));
  });

  it('matches cognito:user_status case-insensitively', () => {
    assert.ok(match('cognito:user_status = "CONFIRMED"'));
    assert.ok(match('cognito:user_status = "confirmed"'));
    assert.ok(match('cognito:user_status ^= "conf"'));
    assert.ok(!match('cognito:user_status = "UNCONFIRMED"'));
    assert.ok(match('cognito:user_status = "force_change_password"', { ...bob, userStatus: 'FORCE_CHANGE_PASSWORD' }));
  });

  for (const [attribute, value] of [
    ['email', 'Bob.Smith@Example.com'],
    ['name', 'Bob Smith'],
    ['given_name', 'Bob'],
    ['family_name', 'Smith'],
    ['preferred_username', 'Bobby'],
    ['phone_number', '+15555550100'],
  ] as const) {
    it(`matches ${attribute} exactly and by prefix, case-insensitively`, () => {
      assert.ok(match(`${attribute} = "${value}"`));
      assert.ok(match(`${attribute} = "${value.toUpperCase()}"`));
      assert.ok(match(`${attribute} = "${value.toLowerCase()}"`));
      assert.ok(match(`${attribute} ^= "${value.slice(0, 2).toLowerCase()}"`));
      assert.ok(!match(`${attribute} = "${value.slice(0, 2)}"`));
      assert.ok(!match(`${attribute} ^= "zz"`));
    });
  }

  it('never matches a user without the attribute', () => {
    const bare: FilterableUser = { username: 'x', enabled: true, userStatus: 'CONFIRMED', attributes: { sub: 's' } };
    assert.ok(!match('email ^= ""', bare));
    assert.ok(!match('phone_number = ""', bare));
    assert.ok(match('email ^= ""'));
  });

  it('matches values with escaped quotes', () => {
    const quoted: FilterableUser = { ...bob, attributes: { ...bob.attributes, name: 'The "Real" Bob' } };
    assert.ok(match('name = "the \\"real\\" bob"', quoted));
  });
});

describe('filterSortKey', () => {
  it('gives the attribute value, lower-cased for case-insensitive attributes', () => {
    assert.equal(filterSortKey(parsed('email ^= "b"') as UserFilter, bob), 'bob.smith@example.com');
    assert.equal(filterSortKey(parsed('username ^= "B"') as UserFilter, bob), 'Bob.Smith');
    assert.equal(filterSortKey(parsed('status = "Enabled"') as UserFilter, bob), 'Enabled');
    assert.equal(filterSortKey(parsed('cognito:user_status = "x"') as UserFilter, bob), 'confirmed');
    assert.equal(filterSortKey(parsed('sub ^= "a"') as UserFilter, bob), bob.attributes.sub);
  });

  it('gives an empty key when the user lacks the attribute', () => {
    const bare: FilterableUser = { username: 'x', enabled: true, userStatus: 'CONFIRMED', attributes: { sub: 's' } };
    assert.equal(filterSortKey(parsed('email ^= ""') as UserFilter, bare), '');
  });
});
