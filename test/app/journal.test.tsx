import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EMULATOR_CALLER } from '../../src/emulator/sts.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import { NO_JOURNAL, type Journal, type JournalLine } from '../../src/journal/journal.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-journal-app-'));
after(() => { rmSync(root, { recursive: true, force: true }); });

/** A journal whose appends are held until released: what "on disk" means to the app. */
function heldJournal() {
  const lines: JournalLine[] = [];
  const waiting: (() => void)[] = [];
  const journal: Journal = {
    dir: '/held',
    check: () => undefined,
    append: (more) => new Promise<void>((resolve) => { waiting.push(() => { lines.push(...more); resolve(); }); }),
    read: () => [],
    days: () => [],
  };
  return { journal, lines, waiting, release: () => { for (const done of waiting.splice(0)) done(); } };
}

describe('app: the journal records a write before the app says it is done', () => {
  let h: AppHarness;
  const held = heldJournal();
  before(async () => {
    h = await startOnEvents({ deps: { journal: held.journal } });
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it(':incident names the incident in the header and in every line from then on', async () => {
    await h.submit(':', 'incident INC-4711');
    await h.waitForText('incident INC-4711');
    assert.equal(h.store.getState().incident, 'INC-4711');
  });

  it('the success flash waits for the journal line to be on disk', async () => {
    await h.press('d');
    await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
    await h.press('y');
    await waitFor(() => held.waiting.length === 1);
    assert.equal(h.count('AdminDisableUser'), 1);
    assert.doesNotMatch(h.frame(), /Disabled: maria\.garcia/);
    assert.equal(held.lines.length, 0);
    held.release();
    await h.waitForText('Disabled: maria.garcia');
    assert.equal(held.lines.length, 1);
    const [entry] = held.lines;
    assert.equal(entry!.incident, 'INC-4711');
    assert.deepEqual(entry!.who, { arn: EMULATOR_CALLER.arn, account: EMULATOR_CALLER.account });
    assert.equal(entry!.region, 'us-east-1');
    assert.equal(entry!.poolId, LARGE_POOL_ID);
    assert.equal(entry!.action, 'AdminDisableUser');
    assert.equal(entry!.target.username, TAKEOVER_USERNAME);
    assert.equal(entry!.outcome, 'ok');
    assert.match(entry!.requestId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-/, 'the AWS request id of the call');
    assert.match(entry!.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('app: a journal that cannot be written', () => {
  let h: AppHarness;
  before(async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a directory');
    h = await startOnEvents({ deps: { journal: createFileJournal(join(blocker, 'journal')) } });
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it('is named before anything is sent, and n sends nothing', async () => {
    await h.press('d');
    await h.waitForText('The journal cannot be written: go on without it?');
    assert.match(String(h.store.getState().confirm?.detail), /Nothing has been sent: the journal in .*a-file\/journal cannot be written \(a path part is not a directory\)/);
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(h.count('AdminDisableUser'), 0);
    assert.equal(h.store.getState().journalOff, undefined);
  });

  it('y goes on without it: the write is confirmed as usual and the header says the journal is off', async () => {
    await h.press('d');
    await h.waitForText('The journal cannot be written: go on without it?');
    await h.press('y');
    await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
    assert.equal(h.count('AdminDisableUser'), 0);
    await h.press('y');
    await h.waitForText('Disabled: maria.garcia');
    await h.waitForText('journal off (could not');
    assert.equal(h.store.getState().journalOff, 'journal off (could not be written)');
    assert.equal(h.count('AdminDisableUser'), 1);
  });
});

describe('app: :journal', () => {
  let h: AppHarness;
  const dir = join(root, 'journal');
  before(async () => {
    h = await startOnEvents({ deps: { journal: createFileJournal(dir) } });
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it('lists today\'s lines newest first', async () => {
    await h.press('d', 'y');
    await h.waitForText('Disabled: maria.garcia');
    await h.press('d', 'y');
    await h.waitForText('Enabled: maria.garcia');
    await h.submit(':', 'journal');
    await h.waitForText('today (UTC)');
    const frame = await h.waitForText('AdminDisableUser');
    const enable = frame.indexOf('AdminEnableUser');
    const disable = frame.indexOf('AdminDisableUser');
    assert.ok(enable >= 0 && enable < disable, `the enable is listed above the disable:\n${frame}`);
    assert.match(frame, /2 journal lines|2 of 2/);
  });

  it('/ narrows it to the lines that contain a text; esc goes back to every line', async () => {
    await h.press('/');
    await waitFor(() => h.store.getState().prompt?.text === 'journal ');
    await h.type('enable');
    await h.press('enter');
    const frame = await h.waitForText('lines with "enable"');
    assert.match(frame, /AdminEnableUser/);
    assert.doesNotMatch(frame, /AdminDisableUser/);
    await h.press('escape');
    await h.waitForText('AdminDisableUser');
  });

  it('with an incident named, lists only its lines', async () => {
    await h.press('escape');
    await h.submit(':', 'incident INC-9');
    await h.press('S', 'y');
    await h.waitForText('Signed out everywhere: maria.garcia');
    await h.submit(':', 'journal');
    await h.waitForText('incident INC-9, every day');
    const frame = await h.waitForText('AdminUserGlobalSignOut');
    assert.doesNotMatch(frame, /AdminDisableUser|AdminEnableUser/);
  });
});

describe('app: --no-journal', () => {
  let h: AppHarness;
  before(async () => {
    h = await startOnEvents({ deps: { journal: NO_JOURNAL } });
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it('says the journal is off, and a write is sent without asking about it nor writing a file', async () => {
    await h.waitForText('journal off (--no-journal)');
    const before = readdirSync(root).sort();
    await h.press('d', 'y');
    await h.waitForText('Disabled: maria.garcia');
    assert.equal(h.count('AdminDisableUser'), 1);
    assert.deepEqual(readdirSync(root).sort(), before);
  });
});
