import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createHistoryFiles, HISTORY_CAP } from '../../src/history/history-file.ts';
import { createPromptHistory } from '../../src/store/prompt-history.ts';

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'cognito-tui-history-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('history files', () => {
  it('one file per pool, mode 0600, in a directory of mode 0700', () => {
    const files = createHistoryFiles(join(root, 'history'));
    files.write('us-east-1_Qm7Rk2Tz9', { search: ['maria@example.com', '+34600000000'] });
    const file = join(root, 'history', 'us-east-1_Qm7Rk2Tz9.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(root, 'history')).mode & 0o777, 0o700);
    assert.deepEqual(files.read('us-east-1_Qm7Rk2Tz9'), { search: ['maria@example.com', '+34600000000'] });
    assert.deepEqual(files.read('eu-west-1_Other'), {});
  });
  it('an existing file readable by others is replaced by one of mode 0600', () => {
    mkdirSync(join(root, 'h'));
    writeFileSync(join(root, 'h', 'p.json'), '{"command":["users"]}');
    chmodSync(join(root, 'h', 'p.json'), 0o644);
    const files = createHistoryFiles(join(root, 'h'));
    files.write('p', { command: ['users', 'journal'] });
    assert.equal(statSync(join(root, 'h', 'p.json')).mode & 0o777, 0o600);
  });
  it('a file that is not a history reads as empty; stray values are dropped', () => {
    mkdirSync(join(root, 'h'));
    writeFileSync(join(root, 'h', 'bad.json'), 'not json');
    writeFileSync(join(root, 'h', 'odd.json'), '{"search":["a",3,null,""],"filter":"x","other":["y"]}');
    const files = createHistoryFiles(join(root, 'h'));
    assert.deepEqual(files.read('bad'), {});
    assert.deepEqual(files.read('odd'), { search: ['a'] });
  });
  it('a pool id cannot name a file outside the directory', () => {
    const files = createHistoryFiles(join(root, 'h'));
    files.write('../../escape', { search: ['x'] });
    assert.deepEqual(files.read('../../escape'), { search: ['x'] });
    assert.throws(() => statSync(join(root, 'escape.json')));
  });
});

describe('the history of the input lines', () => {
  it(`keeps the newest ${HISTORY_CAP} per kind, a repeated line moving to the newest, and saves each`, () => {
    const files = createHistoryFiles(join(root, 'h'));
    const history = createPromptHistory(files, () => assert.fail('no failure expected'));
    for (let i = 0; i < HISTORY_CAP + 20; i++) history.add('p', 'search', `user${i}`);
    history.add('p', 'search', 'user50');
    history.add('p', 'command', 'journal');
    const lines = history.lines('p', 'search');
    assert.equal(lines.length, HISTORY_CAP);
    assert.equal(lines[0], 'user20');
    assert.equal(lines.at(-1), 'user50');
    assert.equal(lines.filter((l) => l === 'user50').length, 1);
    const saved = JSON.parse(readFileSync(join(root, 'h', 'p.json'), 'utf8')) as Record<string, string[]>;
    assert.deepEqual(saved.search, lines);
    assert.deepEqual(saved.command, ['journal']);
    assert.deepEqual(createPromptHistory(files, () => {}).lines('p', 'search'), lines);
  });
  it('blank lines are not kept', () => {
    const history = createPromptHistory(undefined, () => {});
    history.add('p', 'filter', '  ');
    assert.deepEqual(history.lines('p', 'filter'), []);
  });
  it('without files (--no-history) nothing is read or written, and the session still recalls', () => {
    mkdirSync(join(root, 'h'));
    writeFileSync(join(root, 'h', 'p.json'), '{"search":["old"]}');
    const history = createPromptHistory(undefined, () => {});
    history.add('p', 'search', 'new');
    assert.deepEqual(history.lines('p', 'search'), ['new']);
    assert.equal(readFileSync(join(root, 'h', 'p.json'), 'utf8'), '{"search":["old"]}');
  });
  it('a history that cannot be saved says so once and is kept in memory', () => {
    writeFileSync(join(root, 'file'), '');
    const failures: string[] = [];
    const history = createPromptHistory(createHistoryFiles(join(root, 'file', 'h')), (m) => failures.push(m));
    history.add('p', 'search', 'a');
    history.add('p', 'search', 'b');
    assert.equal(failures.length, 1);
    assert.match(failures[0], /^Search history not saved in .*file\/h: .*ENOTDIR.*\. It is kept for this session; --no-history turns it off\.$/);
    assert.deepEqual(history.lines('p', 'search'), ['a', 'b']);
  });
});
