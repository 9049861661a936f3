import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EMULATOR_CALLER } from '../../src/emulator/sts.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-report-app-'));
const out = join(root, 'out');
after(() => { rmSync(root, { recursive: true, force: true }); });

describe('app: :report writes the incident report of the journal', () => {
  let h: AppHarness;
  before(async () => {
    mkdirSync(out);
    h = await startOnEvents({ deps: { journal: createFileJournal(join(root, 'journal')), exportDir: out } });
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it('reports two writes against the emulator in a new file and flashes its path', async () => {
    await h.submit(':', 'incident INC-4711');
    await h.waitForText('incident INC-4711');
    await h.press('d');
    await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
    await h.press('y');
    await h.waitForText('Disabled: maria.garcia');
    await h.press('S');
    await h.waitForText('Sign out everywhere maria.garcia? (AdminUserGlobalSignOut)');
    await h.press('y');
    await h.waitForText('Signed out everywhere: maria.garcia');

    await h.submit(':', 'report');
    const flash = (await waitFor(() => /written to (\S+)$/.exec(h.store.getState().flash?.text ?? '')))!;
    await h.waitForText('Report of 2 journal lines written to');
    const [name] = readdirSync(out);
    assert.match(name!, /^incident-INC-4711-\d{8}T\d{6}Z\.md$/);
    assert.equal(flash[1], join(out, name!));
    const report = readFileSync(flash[1]!, 'utf8');
    assert.match(report, /^# Incident report: INC-4711\n/);
    assert.ok(report.includes(`- Acted: ${EMULATOR_CALLER.arn} (account ${EMULATOR_CALLER.account})`));
    assert.match(report, new RegExp(`\\| AdminDisableUser \\(disable\\) \\| ${TAKEOVER_USERNAME} in ${LARGE_POOL_ID} \\| ok \\|`));
    assert.match(report, new RegExp(`\\| AdminUserGlobalSignOut \\([^)]*\\) \\| ${TAKEOVER_USERNAME} in ${LARGE_POOL_ID} \\| ok \\|`));
    assert.match(report, new RegExp(`\\| ${TAKEOVER_USERNAME} \\| ${LARGE_POOL_ID} \\| disable: ok; [^|]+: ok \\|`));
    assert.match(report, /## Calls that failed\n\nNone\./);
    assert.match(report, /access\/ID token validity \(1 hour by default\)/);
    assert.doesNotMatch(report, /\u001b/);
  });

  it('a second report does not overwrite the first', async () => {
    await h.submit(':', 'report');
    await waitFor(() => readdirSync(out).length === 2);
    assert.deepEqual(readdirSync(out).filter((n) => !/^incident-INC-4711-\d{8}T\d{6}Z(-2)?\.md$/.test(n)), []);
  });

  it('gives the token validity of an app client the app has read', async () => {
    await h.submit(':', 'clients');
    await h.waitForText('billing-backend');
    await h.press('enter');
    await h.waitForText(/app clients › \S+/);
    await h.waitForText(/auth flows/);
    assert.equal(h.count('DescribeUserPoolClient'), 1);
    const before = new Set(readdirSync(out));
    await h.submit(':', 'report');
    const written = await waitFor(() => {
      const path = /written to (\S+)$/.exec(h.store.getState().flash?.text ?? '')?.[1];
      return path && !before.has(path.slice(out.length + 1)) ? path : undefined;
    });
    const report = readFileSync(written!, 'utf8');
    const rows = report.slice(report.indexOf('## Residual exposure')).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| App client'));
    assert.equal(rows.length, 1, 'the one client read');
    assert.match(rows[0]!, new RegExp(`^\\| \\S+ \\| \\w+ \\| ${LARGE_POOL_ID} \\| \\d+ (minute|hour|second|day)s? \\| \\d+ (minute|hour|second|day)s? \\|$`));
    assert.doesNotMatch(report, /1 hour by default/);
  });
});
