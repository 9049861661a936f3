import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRiskEdit, loweredProtection, parseRiskEdit, riskDiff, riskSettingWords } from '../../src/domain/risk-edit.ts';
import type { RiskConfiguration } from '../../src/gateway/types.ts';

const BASE: RiskConfiguration = {
  poolId: 'us-east-1_X',
  compromisedCredentials: { eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], action: 'BLOCK' },
  accountTakeover: {
    low: { action: 'NO_ACTION', notify: false },
    medium: { action: 'MFA_IF_CONFIGURED', notify: true },
    high: { action: 'BLOCK', notify: true },
    notify: { from: 'a@example.com', sourceArn: 'arn:aws:ses:us-east-1:1:identity/example.com', blockSubject: 'Blocked' },
  },
  exceptions: { blockedIpRanges: ['203.0.113.0/24'], skippedIpRanges: [] },
  modifiedAt: 1,
};

function edited(text: string): RiskConfiguration {
  const parsed = parseRiskEdit(text);
  assert.ok(parsed.ok, text);
  const applied = applyRiskEdit(BASE, parsed.edit);
  assert.ok(applied.ok, text);
  return applied.config;
}

describe('risk-configuration edit', () => {
  it('parses levels, notify for the named levels, and the compromised-credentials settings', () => {
    const parsed = parseRiskEdit('high=mfa-required notify=off cc=no-action cc-events=sign-up,sign-in');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.edit, { actions: { high: 'MFA_REQUIRED' }, notify: { high: false }, credentialsAction: 'NO_ACTION', credentialsEvents: ['SIGN_IN', 'SIGN_UP'] });
    const scoped = parseRiskEdit('pool low=block');
    assert.ok(scoped.ok);
    assert.deepEqual(scoped.edit, { actions: { low: 'BLOCK' }, notify: {}, scope: 'pool' });
    assert.ok(!parseRiskEdit('client').ok);
  });

  it('gives a one-line message for each bad word', () => {
    const bad: Array<[string, RegExp]> = [
      ['', /needs at least one setting/],
      ['high', /not a setting: write key=value/],
      ['high=maybe', /not an action for high: use no-action, mfa-if-configured, mfa-required, block/],
      ['low-notify=yes', /takes on or off/],
      ['cc=mfa-required', /not a compromised-credentials action/],
      ['cc-events=sign-in,logout', /"logout" is not an event/],
      ['severity=high', /Unknown setting "severity"/],
      ['notify=on', /applies to the levels named with it/],
    ];
    for (const [text, message] of bad) {
      const parsed = parseRiskEdit(text);
      assert.ok(!parsed.ok, text);
      assert.match(parsed.error, message);
      assert.ok(!parsed.error.includes('\n'), 'one line');
    }
  });

  it('lists only the changed fields of the whole configuration, old → new', () => {
    assert.deepEqual(riskDiff(BASE, edited('high=no-action medium=mfa-if-configured')), [
      { field: 'accountTakeover.high.action', before: 'BLOCK', after: 'NO_ACTION' },
    ]);
    assert.deepEqual(riskDiff(BASE, edited('cc-events=sign-in low-notify=on')), [
      { field: 'compromisedCredentials.eventFilter', before: 'SIGN_IN,PASSWORD_CHANGE,SIGN_UP', after: 'SIGN_IN' },
      { field: 'accountTakeover.low.notify', before: 'false', after: 'true' },
    ]);
    assert.deepEqual(riskDiff(BASE, { ...BASE, modifiedAt: 99 }), []);
  });

  it('keeps every other section as it was', () => {
    const after = edited('high=mfa-required');
    assert.deepEqual(after.exceptions, BASE.exceptions);
    assert.deepEqual(after.compromisedCredentials, BASE.compromisedCredentials);
    assert.deepEqual(after.accountTakeover?.notify, BASE.accountTakeover?.notify);
    assert.deepEqual(after.accountTakeover?.low, BASE.accountTakeover?.low);
  });

  it('names what lowers protection and nothing when it is raised', () => {
    assert.deepEqual(loweredProtection(BASE, edited('high=no-action cc-events=sign-in')), ['high risk: block → no-action', 'no longer checks password-change, sign-up']);
    assert.deepEqual(loweredProtection(BASE, edited('low=block medium=mfa-required')), []);
    assert.deepEqual(loweredProtection(BASE, edited('cc=no-action')), ['compromised credentials: block → no-action']);
  });

  it('refuses notify without e-mail settings and cc-events without an action when there is no section', () => {
    const bare: RiskConfiguration = { poolId: 'p' };
    const notify = parseRiskEdit('high=block notify=on');
    assert.ok(notify.ok);
    const r1 = applyRiskEdit(bare, notify.edit);
    assert.ok(!r1.ok && /SES source ARN/.test(r1.error));
    const events = parseRiskEdit('cc-events=sign-in');
    assert.ok(events.ok);
    const r2 = applyRiskEdit(bare, events.edit);
    assert.ok(!r2.ok && /give its action too/.test(r2.error));
  });

  it('offers every word it accepts for Tab', () => {
    for (const w of riskSettingWords()) assert.ok(parseRiskEdit(w.startsWith('notify') ? `high=block ${w}` : w === 'pool' || w === 'client' ? `${w} cc=block` : w).ok, w);
  });
});

describe(':risk-set on the command line', () => {
  it('parses several settings separated by spaces, and a bad one is refused with its message', async () => {
    const { parseCommand } = await import('../../src/command/parse-command.ts');
    const good = parseCommand(':risk-set high=mfa-required notify=on');
    assert.ok(good.ok && good.command.kind === 'risk-set');
    assert.deepEqual(good.command.kind === 'risk-set' && good.command.edit, { actions: { high: 'MFA_REQUIRED' }, notify: { high: true } });
    const bad = parseCommand(':risk-set high=sometimes');
    assert.ok(!bad.ok && /not an action for high/.test(bad.error));
  });

  it('Tab completes the last word, leaving out keys already given', async () => {
    const { completeCommand, completionLines } = await import('../../src/command/complete-command.ts');
    assert.deepEqual(completionLines(':risk-set high=block cc=', {}), [':risk-set high=block cc=no-action', ':risk-set high=block cc=block']);
    const c = completeCommand(':risk-set high=block hi', {});
    assert.deepEqual(c.candidates, ['high-notify=on', 'high-notify=off']);
    assert.equal(completionLines(':risk-s', {})[0], ':risk-set ');
  });
});
