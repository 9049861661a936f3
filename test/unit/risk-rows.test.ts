import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RiskConfiguration } from '../../src/gateway/types.ts';
import { foldSubjects, riskRows } from '../../src/ui/risk-fields.ts';

const pool: RiskConfiguration = {
  poolId: 'p',
  accountTakeover: { low: { action: 'NO_ACTION' }, medium: { action: 'MFA_IF_CONFIGURED', notify: true }, high: { action: 'BLOCK', notify: true }, notify: { from: 'sec@x' } },
  compromisedCredentials: { action: 'BLOCK', eventFilter: ['SIGN_IN'] },
  exceptions: { blockedIpRanges: ['10.0.0.0/8'], skippedIpRanges: [] },
};

const row = (rows: ReturnType<typeof riskRows>, label: string) => rows.find((r) => r.label === label)!;

describe('risk rows: pool beside client', () => {
  it('a client without its own configuration shows the pool values and no override', () => {
    const rows = riskRows(pool, { ...pool });
    assert.ok(rows.every((r) => !r.overrides));
    assert.equal(row(rows, 'takeover: High risk').client, 'BLOCK + notify');
  });

  it('a client with its own configuration marks only the rows that differ', () => {
    const client: RiskConfiguration = { ...pool, clientId: 'c', accountTakeover: { ...pool.accountTakeover, high: { action: 'MFA_REQUIRED', notify: true } }, exceptions: undefined };
    const rows = riskRows(pool, client);
    assert.equal(row(rows, 'takeover: High risk').overrides, true);
    assert.equal(row(rows, 'takeover: High risk').client, 'MFA_REQUIRED + notify');
    assert.equal(row(rows, 'takeover: Low risk').overrides, false);
    assert.equal(row(rows, 'blocked IP ranges').client, 'not set for this client');
    assert.equal(row(rows, 'blocked IP ranges').overrides, true);
    assert.equal(row(rows, 'last modified').overrides, false);
  });

  it('without a client only the pool column is filled', () => {
    const rows = riskRows(pool, undefined);
    assert.ok(rows.every((r) => r.client === undefined));
    assert.equal(row(rows, 'compromised: checked on').pool, 'SIGN_IN');
  });
});

describe('risk rows folded for a short view', () => {
  it('the three e-mail subjects become one row in their place, an override among them still marked', () => {
    const withSubjects: RiskConfiguration = { ...pool, accountTakeover: { ...pool.accountTakeover, notify: { from: 'sec@x', blockSubject: 'Blocked', mfaSubject: 'MFA asked', noActionSubject: 'Nothing done' } } };
    const client: RiskConfiguration = { ...withSubjects, clientId: 'c', accountTakeover: { ...withSubjects.accountTakeover, notify: { ...withSubjects.accountTakeover!.notify, mfaSubject: 'Second factor' } } };
    const rows = riskRows(withSubjects, client);
    const folded = foldSubjects(rows);
    assert.equal(folded.length, rows.length - 2);
    const at = rows.findIndex((r) => r.label === 'block email subject');
    assert.equal(folded[at].label, 'email subjects');
    assert.equal(folded[at].pool, 'Blocked · MFA asked · Nothing done');
    assert.equal(folded[at].client, 'Blocked · Second factor · Nothing done');
    assert.equal(folded[at].overrides, true);
    assert.equal(folded.at(-1)!.label, 'last modified');
    assert.equal(foldSubjects(riskRows(pool, undefined)).find((r) => r.label === 'email subjects')!.pool, 'not set');
  });
});
