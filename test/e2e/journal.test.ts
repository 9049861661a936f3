import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EMULATOR_CALLER } from '../../src/emulator/sts.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { startEmulator } from '../../src/emulator/index.ts';

const stateHome = mkdtempSync(join(tmpdir(), 'cognito-tui-e2e-journal-'));
after(() => { rmSync(stateHome, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }); });

describe('built CLI: the journal of writes', () => {
  it('records a disable under the incident, with who acted from the emulator\'s STS, in the state directory', async () => {
    const emu = await startEmulator({ port: 0 });
    const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], {
      cols: 140, rows: 36, env: { ...AWS_ENV, XDG_STATE_HOME: stateHome },
    });
    try {
      await s.waitForText(/\d+\/\d+\+? events/);
      s.press('escape');
      await s.waitForText('remembered devices');
      s.type(':incident INC-42');
      s.press('enter');
      await s.waitForText('incident INC-42');
      s.press('d');
      await s.waitForText('Disable maria.garcia?');
      s.press('y');
      await s.waitForText('Disabled: maria.garcia');
      const dir = join(stateHome, 'cognito-tui', 'journal');
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const [file] = readdirSync(dir);
      assert.match(file!, /^\d{4}-\d\d-\d\d\.jsonl$/);
      assert.equal(statSync(join(dir, file!)).mode & 0o777, 0o600);
      const line = JSON.parse(readFileSync(join(dir, file!), 'utf8').trim()) as Record<string, unknown>;
      assert.equal(line.incident, 'INC-42');
      assert.deepEqual(line.who, { arn: EMULATOR_CALLER.arn, account: EMULATOR_CALLER.account });
      assert.equal(line.action, 'AdminDisableUser');
      assert.equal(line.outcome, 'ok');
      assert.doesNotMatch(JSON.stringify(line), /AWS_SECRET|secretAccessKey|"test"/);
      s.type(':journal');
      s.press('enter');
      await s.waitForText('AdminDisableUser');
    } finally {
      await s.stop();
      await emu.close();
    }
  });
});
