import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sessionJournal } from '../../src/cli/session-journal.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import { NO_JOURNAL, type JournalLine } from '../../src/journal/journal.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-journal-'));
after(() => { rmSync(root, { recursive: true, force: true }); });

const NOON = Date.parse('2026-11-28T12:00:00Z');

function line(label: string, at = '2026-11-28T12:00:00.000Z'): JournalLine {
  return {
    at, who: { arn: 'arn:aws:iam::123456789012:user/oncall', account: '123456789012' }, region: 'us-east-1', poolId: 'us-east-1_Abc',
    action: 'AdminDisableUser', write: 'disable', target: { username: label, label }, parameters: {}, outcome: 'ok',
  };
}

describe('journal: the file journal', () => {
  it('creates a 0700 directory and a 0600 file per UTC day, one JSON line per entry', async () => {
    const dir = join(root, 'state', 'cognito-tui', 'journal');
    const journal = createFileJournal(dir, () => NOON);
    assert.equal(journal.check(), undefined);
    await journal.append([line('maria'), line('ana')]);
    await journal.append([line('li')]);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const file = join(dir, '2026-11-28.jsonl');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, 'utf8');
    assert.equal(text.split('\n').filter(Boolean).length, 3);
    assert.deepEqual(JSON.parse(text.split('\n')[0]!), line('maria'));
    assert.deepEqual(journal.read('2026-11-28').map((l) => l.target.label), ['maria', 'ana', 'li']);
    assert.deepEqual(journal.days(), ['2026-11-28']);
  });

  it('tightens a directory and a file that were too open', async () => {
    const dir = join(root, 'loose');
    const first = createFileJournal(dir, () => NOON);
    await first.append([line('maria')]);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, '2026-11-28.jsonl'), 0o644);
    await first.append([line('ana')]);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, '2026-11-28.jsonl')).mode & 0o777, 0o600);
  });

  it('says why it cannot be written when its directory cannot be made, and append rejects', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const journal = createFileJournal(join(blocker, 'journal'), () => NOON);
    assert.match(journal.check() ?? '', /journal in .*a-file\/journal cannot be written \(a path part is not a directory\)/);
    await assert.rejects(journal.append([line('maria')]));
  });

  it('says so when its directory is made unwritable (as a user without root rights)', { skip: process.getuid?.() === 0 ? 'root writes anywhere' : false }, () => {
    const dir = join(root, 'locked');
    const journal = createFileJournal(dir, () => NOON);
    assert.equal(journal.check(), undefined);
    rmSync(join(dir, '2026-11-28.jsonl'));
    chmodSync(dir, 0o500);
    try {
      assert.match(journal.check() ?? '', /permission denied/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('skips lines that are not its own when reading', () => {
    const dir = join(root, 'mixed');
    const journal = createFileJournal(dir, () => NOON);
    journal.check();
    writeFileSync(join(dir, '2026-11-28.jsonl'), `${JSON.stringify(line('maria'))}\nnot json\n{"at":1}\n${'x'.repeat(20_000)}\n`);
    assert.deepEqual(journal.read('2026-11-28').map((l) => l.target.label), ['maria']);
    assert.deepEqual(journal.read('2026-11-27'), []);
  });
});

describe('journal: where a session keeps it', () => {
  it('is the state directory\'s journal/ by default, --journal DIR moves it, --no-journal turns it off', () => {
    assert.equal(sessionJournal({}, { XDG_STATE_HOME: '/x/state' }, '/home/me').dir, '/x/state/cognito-tui/journal');
    assert.equal(sessionJournal({}, {}, '/home/me').dir, '/home/me/.local/state/cognito-tui/journal');
    assert.equal(sessionJournal({ journalDir: '/tmp/j' }, {}, '/home/me').dir, '/tmp/j');
    assert.equal(sessionJournal({ noJournal: true }, {}, '/home/me'), NO_JOURNAL);
  });
});
