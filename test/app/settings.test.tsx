import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID, OFF_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { lambdaFunctionName } from '../../src/views/settings.tsx';
import { withApp } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

/** Every row of a frame drawn at `columns` fits in it. */
function assertFits(frame: string, columns: number) {
  for (const line of frame.split('\n')) assert.ok([...line].length <= columns, `wider than ${columns}: ${line}`);
}

describe('pool settings', () => {
  it('at 80×24: t from the users list opens them; every section is reached by scrolling; triggers show function names', async () => {
    const written: string[] = [];
    await withApp({ columns: 80, rows: 24, deepLink: { pool: LARGE_POOL_ID }, deps: { writeToTerminal: (b) => { written.push(b); }, env: {} } }, async (h) => {
      await h.waitForText(/\/\d+\+? users/);
      await h.press('t');
      const top = await h.waitForText('sign-in identifiers');
      assert.ok(top.split('\n').length <= 24, 'fits 24 rows');
      assertFits(top, 80);
      assert.match(top, /acme-prod-customers › settings/);
      assert.match(top, /deletion protection\s+ACTIVE/);
      assert.match(top, /feature plan\s+PLUS/);
      assert.match(top, /threat protection\s+ENFORCED/);
      assert.match(top, /sign-in identifiers\s+username, or an alias: email, preferred_username/);
      assert.match(top, /username case\s+case-insensitive/);
      assert.match(top, /MFA\s+OPTIONAL/);
      assert.match(top, /SMS\s+configured/);
      assert.match(top, /estimated users\s+20,000/);
      assert.match(top, /lines 1–\d+ of \d+/);
      await h.press('pagedown');
      const middle = await h.waitForText('Lambda triggers');
      assertFits(middle, 80);
      assert.match(middle, /PreSignUp\s+acme-prod-customers-pre-sign-up/);
      assert.match(middle, /1 \(tried first\)\s+verified_email/);
      assert.match(middle, /2\s+verified_phone_number/);
      assert.match(middle, /minimum length|requires\s+uppercase, lowercase, numbers, symbols/);
      await h.press('G');
      const bottom = await h.waitForText(/SNS region\s+us-east-1/);
      assert.match(bottom, /sent by\s+DEVELOPER \(Amazon SES\)/);
      assert.match(bottom, /SNS caller role\s+arn:aws:iam::/);
      await h.press('C');
      await waitFor(() => written.length > 0, 5000, 'the copy');
      const copied = [...written.join('').matchAll(/52;c;([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8')).join('');
      assert.match(copied, /"usernameAttributes"/);
      const everything = `${h.frames().join('\n')}\n${copied}`;
      assert.doesNotMatch(h.frames().join('\n'), /arn:aws:lambda/, 'a trigger shows its function name, not its ARN, on screen');
      assert.doesNotMatch(everything, /acme-prod-customers-external/, 'the SMS external id is never shown or copied');
      await h.press('g');
      await h.waitForText('pool id');
    });
  });

  it('wide: every setting on one screen, without a scroll line', async () => {
    await withApp({ columns: 160, rows: 60, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText(/\/\d+\+? users/);
      await h.submit(':', 'settings');
      const frame = await h.waitForText('SNS region');
      assertFits(frame, 160);
      for (const text of ['pool id', 'Password policy', 'Account recovery', 'PreTokenGeneration', 'configuration set', 'auto-verified']) assert.match(frame, new RegExp(text));
      assert.doesNotMatch(frame, /lines \d+–\d+ of/);
    });
  });

  it(':settings <pool id> of a pool with MFA off, no SMS and no triggers says so', async () => {
    await withApp({ columns: 100, rows: 50 }, async (h) => {
      await h.waitForText('acme-prod-customers');
      await h.submit(':', `settings ${OFF_POOL_ID}`);
      const frame = await h.waitForText('Lambda triggers');
      assert.match(frame, /acme-internal-tools › settings/);
      assert.match(frame, /MFA\s+OFF/);
      assert.match(frame, /SMS\s+not configured: SMS MFA cannot be offered/);
      assert.match(frame, /triggers\s+none/);
      assert.match(frame, /deletion protection\s+INACTIVE/);
      assert.match(frame, /threat protection\s+OFF/);
    });
  });

  it(':settings without a pool says which to give', async () => {
    await withApp({ columns: 100, rows: 30 }, async (h) => {
      await h.waitForText('acme-prod-customers');
      await h.submit(':', 'settings');
      await h.waitForText('which pool? :settings <pool id>');
    });
  });
});

describe('lambdaFunctionName', () => {
  it('takes the function name from an ARN, with or without a qualifier; keeps anything else whole', () => {
    assert.equal(lambdaFunctionName('arn:aws:lambda:us-east-1:123:function:pre-auth'), 'pre-auth');
    assert.equal(lambdaFunctionName('arn:aws:lambda:us-east-1:123:function:pre-auth:live'), 'pre-auth');
    assert.equal(lambdaFunctionName('arn:aws-cn:lambda:cn-north-1:123:function:x'), 'x');
    assert.equal(lambdaFunctionName('not an arn'), 'not an arn');
  });
});
