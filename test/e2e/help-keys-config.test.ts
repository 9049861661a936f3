import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILT_CLI } from '../helpers/pty-session.ts';

const home = mkdtempSync(join(tmpdir(), 'cognito-tui-help-keys-e2e-'));
after(() => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

function helpKeys(config: string | undefined, ...args: string[]) {
  const xdg = join(home, `x${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(xdg, 'cognito-tui'), { recursive: true });
  if (config !== undefined) writeFileSync(join(xdg, 'cognito-tui', 'config.yaml'), config);
  const env = { ...process.env, XDG_CONFIG_HOME: xdg };
  return { ...spawnSync(process.execPath, [BUILT_CLI, 'help', 'keys', ...args], { encoding: 'utf8', input: '', timeout: 20000, env }), file: join(xdg, 'cognito-tui', 'config.yaml') };
}

describe('cognito-tui help keys reads the config the app reads', () => {
  it('a remap in $XDG_CONFIG_HOME/cognito-tui/config.yaml: the remapped key is printed', () => {
    const r = helpKeys('keys:\n  users:\n    disable: D\n  global:\n    quit: Q\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\nUsers \(users\)\n[^]*?\n {2}D +disable the marked users/);
    assert.match(r.stdout, /\nGlobal \(every view, unless the view takes the key\)\n[^]*?\n {2}Q +quit/);
  });
  it('--config PATH names another file', () => {
    const other = join(home, 'other.yaml');
    writeFileSync(other, 'keys:\n  users:\n    disable: ctrl+x\n');
    const r = helpKeys(undefined, '--config', other);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n {2}ctrl\+x +disable the marked users/);
  });
  it('a bad config: exit 2 and one line naming the file, the line and the key, nothing on stdout', () => {
    const r = helpKeys('theme: dark\nkeys:\n  users:\n    disable: s\n');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^cognito-tui: .*config\.yaml:4: keys\.users\.disable: s is bound twice in the users view[^\n]*\n$/);
  });
});
