import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { needsAttention } from '../../src/domain/event-risk.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import type { JournalLine } from '../../src/journal/journal.ts';
import { listKey, userKey } from '../../src/store/routes.ts';
import type { YesNoDialog } from '../../src/store/state.ts';
import { PLAYBOOK_FINISHED, PLAYBOOK_STARTED } from '../../src/writes/playbook-journal.ts';
import { startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-resume-'));
after(() => { rmSync(root, { recursive: true, force: true }); });

const MARIA_EVENTS = listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME });
const DENIED = 'User: arn:aws:sts::123456789012:assumed-role/OnCall/me is not authorized to perform: cognito-idp:AdminUserGlobalSignOut';

function riskyCount(h: AppHarness): number {
  return (h.store.getState().lists[MARIA_EVENTS]?.items as AuthEvent[]).filter((e) => needsAttention(e) && e.feedback?.value !== 'Invalid').length;
}

function journalFile(dir: string): string {
  const [day] = readdirSync(dir);
  return join(dir, day!);
}

const readLines = (dir: string): JournalLine[] => readFileSync(journalFile(dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalLine);

async function flashStarting(h: AppHarness, prefix: string): Promise<string> {
  return waitFor(() => {
    const text = h.store.getState().flash?.text ?? '';
    return text.startsWith(prefix) ? text : '';
  }, 15_000, `a flash starting "${prefix}"`);
}

/** Runs :contain with the steps checked at first (disable, sign out, mark Invalid) and waits for its summary. */
async function contain(h: AppHarness): Promise<string> {
  await h.submit(':', 'contain');
  await h.waitForText(`Contain ${TAKEOVER_USERNAME}?`);
  await h.press('y');
  return flashStarting(h, 'Contained');
}

describe('app: an interrupted :contain is finished by :contain --resume without repeating a call', () => {
  it('journals the plan and each call with the playbook id; --resume sends only the sign-out that was not done, then the playbook is finished', async () => {
    const dir = join(root, 'resume');
    await withApp(() => startOnEvents({ rows: 40, deps: { feedbackIntervalMs: 5, journal: createFileJournal(dir) } }), async (h) => {
      const risky = riskyCount(h);
      assert.ok(risky > 0);
      h.emulator.setFaults({ operationErrors: { AdminUserGlobalSignOut: { type: 'NotAuthorizedException', message: DENIED } } });
      await contain(h);
      h.emulator.setFaults({});
      const lines = readLines(dir);
      const started = lines.find((l) => l.write === PLAYBOOK_STARTED)!;
      const id = started.parameters.playbook!;
      assert.match(id, /^pb-/);
      const planned = JSON.parse(started.parameters.calls!) as { operation: string }[];
      assert.deepEqual(planned.map((c) => c.operation), ['AdminDisableUser', 'AdminUserGlobalSignOut', ...Array<string>(risky).fill('AdminUpdateAuthEventFeedback')]);
      const calls = lines.filter((l) => l.action.startsWith('Admin'));
      assert.equal(calls.length, 2 + risky);
      assert.ok(calls.every((l) => l.parameters.playbook === id), 'every call line carries the playbook id');
      assert.ok(lines.at(-1)!.write === PLAYBOOK_FINISHED);

      // the app was killed before its last line: the playbook has no "finished" line
      writeFileSync(journalFile(dir), readFileSync(journalFile(dir), 'utf8').split('\n').filter((l) => !l.includes(PLAYBOOK_FINISHED)).join('\n'));
      await h.submit(':', 'contain --resume');
      await h.waitForText(`Finish playbook ${id}? 1 call not yet done`);
      const dialog = h.store.getState().confirm as YesNoDialog;
      assert.match(String(dialog.detail), new RegExp(`${1 + risky} of ${2 + risky} planned calls are journaled ok.*Left: AdminUserGlobalSignOut ${TAKEOVER_USERNAME}\\.$`));
      await h.press('y');
      const summary = await flashStarting(h, 'Contained');
      assert.match(summary, /: 1 call succeeded\./);
      assert.equal(h.count('AdminDisableUser'), 1);
      assert.equal(h.count('AdminUserGlobalSignOut'), 2, 'the failed sign-out, then the resumed one');
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), risky);
      const after = readLines(dir);
      assert.equal(after.filter((l) => l.action === 'AdminUserGlobalSignOut' && l.outcome === 'ok' && l.parameters.playbook === id).length, 1);
      assert.equal(after.at(-1)!.write, PLAYBOOK_FINISHED);

      await h.submit(':', 'contain --resume');
      await flashStarting(h, 'No unfinished playbook in the journal');
      assert.equal(h.count('AdminUserGlobalSignOut'), 2);
    });
  });

  it(':contain with a bad argument says what it takes', async () => {
    await withApp(() => startOnEvents({ deps: { journal: createFileJournal(join(root, 'bad')) } }), async (h) => {
      await h.submit(':', 'contain --now');
      await h.waitForText(':contain takes no argument or --resume');
    });
  });
});

describe('app: :undo reverses the last playbook from the journal', () => {
  it('after :contain, enables maria.garcia again and puts her events back to Valid, listing the sign-out first as not reversible; then nothing is left to undo', async () => {
    const dir = join(root, 'undo');
    await withApp(() => startOnEvents({ rows: 40, deps: { feedbackIntervalMs: 5, journal: createFileJournal(dir) } }), async (h) => {
      const risky = riskyCount(h);
      await contain(h);
      assert.equal(h.emulator.requests.filter((r) => r.operation === 'AdminEnableUser').length, 0);
      await h.submit(':', 'undo');
      await h.waitForText('Undo playbook pb-');
      const dialog = h.store.getState().confirm as YesNoDialog;
      assert.match(String(dialog.title), new RegExp(`\\? ${1 + risky} reverse calls$`));
      assert.match(String(dialog.detail), new RegExp(`^CANNOT be reversed \\(1\\): AdminUserGlobalSignOut ${TAKEOVER_USERNAME} \\(a sign-out`));
      assert.match(String(dialog.detail), new RegExp(`Reverse, each sent once: AdminEnableUser ${TAKEOVER_USERNAME}; AdminUpdateAuthEventFeedback .* Valid \\(the previous feedback cannot be known`));
      await h.press('y');
      const summary = await flashStarting(h, 'Undo of playbook');
      assert.match(summary, new RegExp(`: ${1 + risky} reverse calls succeeded\\. Not reversible: 1\\.$`));
      assert.equal(h.count('AdminEnableUser'), 1);
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), 2 * risky);
      await waitFor(() => h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_USERNAME)]?.enabled === true, 5_000, 'maria.garcia read back enabled');
      const undoLines = readLines(dir).filter((l) => l.parameters.undoOf !== undefined);
      assert.equal(undoLines.length, 1 + risky);
      await h.submit(':', 'undo');
      await flashStarting(h, 'Nothing to undo');
      assert.equal(h.count('AdminEnableUser'), 1);
    });
  });
});
