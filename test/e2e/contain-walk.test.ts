import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { JournalLine } from '../../src/journal/journal.ts';
import { BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

const work = mkdtempSync(join(tmpdir(), 'cognito-tui-e2e-contain-'));
after(() => { rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }); });

const SECTIONS = ['Timeline (UTC)', 'Users touched', 'IP ranges blocked or skipped', 'Risk-configuration changes', 'Events tagged', 'Calls that failed', 'Residual exposure'];

describe('built CLI at 80×24 on --demo: contain, undo, report', () => {
  it(':contain with the block step (dry run scrolled to its end, then y), :undo, then :report written in the current directory', async () => {
    const state = join(work, 'state');
    const cwd = join(work, 'cwd');
    mkdirSync(cwd);
    const s = new PtySession([BUILT_CLI, '--demo', '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], {
      cols: 80, rows: 24, cwd, env: { XDG_STATE_HOME: state, AWS_PROFILE: undefined },
    });
    const journal = (): JournalLine[] => {
      const dir = join(state, 'cognito-tui', 'journal');
      return readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalLine);
    };
    try {
      await s.waitForText(/\d+\/\d+\+? events/);
      s.type(':incident INC-e2e');
      s.press('enter');
      await s.waitForText('Incident "INC-e2e"');

      s.type(':contain');
      s.press('enter');
      await s.waitForText(`Contain ${TAKEOVER_USERNAME}?`);
      s.press('j', 'j', 'j', 'j', 'j', 'space');
      await s.waitForText("[x] Block those events' IPs");
      s.press('d');
      const first = await s.waitForText(/lines 1–8 of \d+/);
      const total = Number(/lines 1–8 of (\d+)/.exec(first)![1]);
      assert.match(first, /AdminDisableUser maria\.garcia/);
      s.press('pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown');
      const last = await s.waitForText(`lines ${total - 7}–${total} of ${total}`);
      assert.match(last, /SetRiskConfiguration pool us-east-1_Qm7Rk2Tz9: add to BlockedIPRangeList/);
      assert.match(last, /\d+ calls/);
      s.press('y');
      await s.waitForText(/Contained maria\.garcia: \d+ calls succeeded/, 30_000);
      const done = journal();
      const block = done.find((l) => l.action === 'SetRiskConfiguration')!;
      assert.equal(block.outcome, 'ok');
      assert.equal(block.parameters.op, 'add');
      const blocked = block.parameters.ranges!.split(' ');
      assert.ok(blocked.length > 1 && blocked.every((r) => r.endsWith('/32')), block.parameters.ranges);
      assert.equal(done.filter((l) => l.action === 'AdminDisableUser' && l.outcome === 'ok').length, 1);

      s.type(':undo');
      s.press('enter');
      await s.waitForText('Undo playbook pb-');
      await s.waitForText('CANNOT be reversed: AdminUserGlobalSignOut maria.garcia');
      s.press('pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown');
      const end = await s.waitForText(/lines \d+–(\d+) of \1 /);
      assert.match(end, new RegExp(`SetRiskConfiguration: unblock ${blocked[0]!.replaceAll('.', '\\.')}`), 'the unblock is listed, its ranges readable');
      s.press('y');
      await s.waitForText(/Undo of playbook pb-\S+: \d+ reverse ca/, 30_000);
      const undone = journal().filter((l) => l.parameters.undoOf !== undefined);
      assert.equal(undone.filter((l) => l.action === 'AdminEnableUser' && l.outcome === 'ok').length, 1);
      const unblock = undone.find((l) => l.action === 'SetRiskConfiguration')!;
      assert.deepEqual([unblock.outcome, unblock.parameters.op, unblock.parameters.ranges], ['ok', 'remove', block.parameters.ranges]);

      s.type(':report');
      s.press('enter');
      await s.waitForText('written to');
      const [name] = readdirSync(cwd);
      assert.match(name!, /^incident-INC-e2e-\d{8}T\d{6}Z\.md$/);
      const report = readFileSync(join(cwd, name!), 'utf8');
      assert.match(report, /^# Incident report: INC-e2e\n/);
      for (const section of SECTIONS) assert.ok(report.includes(`\n## ${section}\n`), `section ${section}`);
      const ranges = report.slice(report.indexOf('## IP ranges blocked or skipped'), report.indexOf('## Risk-configuration changes'));
      assert.match(ranges, new RegExp(`\\| ${blocked.join(', ').replaceAll('.', '\\.').replaceAll('/', '\\/')} \\| always block \\(BlockedIPRangeList\\) \\| added \\|`));
      assert.match(ranges, /\| removed \|/);
      assert.match(report, /\| Playbook \(playbook started\) \|/);
    } finally {
      await s.stop();
    }
  });
});
