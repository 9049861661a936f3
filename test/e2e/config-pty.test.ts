import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-config-pty-'));
const SGR_COLOR = /\u001b\[(?:[\d;]*;)?(?:3[0-7]|9[0-7]|38;[25])[;m]/;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('built CLI: a bad config', () => {
  it('exits 2 with one line naming the file, the line and the key, before anything is drawn', async () => {
    const bad = file('bad.yaml', 'time: utc\ncolour: red\n');
    const s = new PtySession([BUILT_CLI, '--demo', '--config', bad], { cols: 120, rows: 20 });
    assert.equal(await s.exited(), 2);
    assert.equal(s.raw.trim(), `cognito-tui: ${bad}:2: colour: unknown key`);
  });
  it('exits 2 on a remap to an action that does not exist', async () => {
    const bad = file('remap.yaml', 'keys:\n  users:\n    frobnicate: Z\n');
    const s = new PtySession([BUILT_CLI, '--demo', '--config', bad], { cols: 120, rows: 20 });
    assert.equal(await s.exited(), 2);
    assert.equal(s.raw.trim().split('\n').length, 1);
    assert.match(s.raw, new RegExp(`^cognito-tui: ${bad}:3: keys\\.users\\.frobnicate: no action "frobnicate" in the users view; its actions: `));
  });
  it('an unknown --theme exits 2 with one line', () => {
    const r = spawnSync(process.execPath, [BUILT_CLI, '--demo', '--theme', 'neon'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cognito-tui: --theme takes dark, light, high-contrast, none, not "neon".\n');
  });
  it('config path says where it is read from', () => {
    const r = spawnSync(process.execPath, [BUILT_CLI, 'config', 'path'], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: dir } });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${dir}/cognito-tui/config.yaml (not there yet: the defaults apply; cognito-tui config init writes one)\n`);
  });
});

describe('built CLI: a config with a pool, a theme and a custom command that takes the terminal', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    const config = file('good.yaml', [
      `pool: ${LARGE_POOL_ID}`,
      'theme: none',
      'commands:',
      '  - name: show-argv',
      '    key: Z',
      '    views: [users]',
      `    run: ["${process.execPath}", "-e", "console.log('argv=' + JSON.stringify(process.argv.slice(1)))", "{{.Username}}", "{{.PoolId}}"]`,
      '  - name: wait',
      '    key: K',
      `    run: ["${process.execPath}", "-e", "console.log('waiting'); setTimeout(() => {}, 60000)"]`,
      '',
    ].join('\n'));
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--config', config], { cols: 180, rows: 30, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('opens the pool the config names, drawn without colour (theme: none)', async () => {
    await s.waitForText(/1\/60\+ users/);
    await s.waitForText(/Z show-argv/);
    assert.doesNotMatch(s.raw, SGR_COLOR);
  });
  it('Z gives the program the terminal, its output stays until Enter, then the app is back', async () => {
    const before = await s.screen();
    const username = /▶ (\S+)/.exec(before)?.[1];
    assert.ok(username, before);
    s.press('Z');
    await s.waitForText(`argv=${JSON.stringify([username, LARGE_POOL_ID])}`);
    await s.waitForText('exit status 0] Press Enter to go back to cognito-tui.');
    s.press('enter');
    await s.waitForText(/1\/60\+ users/);
    await s.waitForText('show-argv: exit status 0');
    s.press('j');
    await s.waitForText(/2\/60\+ users/);
  });
  it('Ctrl-C while the program has the terminal ends the program, not the app', async () => {
    s.press('K');
    await s.waitForText('waiting');
    s.press('ctrl+c');
    await s.waitForText('ended by SIGINT] Press Enter to go back to cognito-tui.');
    assert.equal(s.exitCode, undefined);
    s.press('enter');
    await s.waitForText(/2\/60\+ users/);
    await s.waitForText('wait: ended by SIGINT');
  });
});

describe('built CLI: --no-color', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0 }); });
  after(async () => { await emu.close(); });

  for (const [flags, coloured] of [[[], true], [['--no-color'], false], [['--theme', 'light'], true]] as const) {
    it(`${flags.join(' ') || 'no flag'}: ${coloured ? 'draws in colour' : 'draws no colour at all'}`, async () => {
      const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, ...flags], { cols: 130, rows: 30, env: { ...AWS_ENV, NO_COLOR: undefined, FORCE_COLOR: undefined } });
      try {
        await s.waitForText(/1\/60\+ users/);
        await s.waitForText('ENFORCED');
        assert.equal(SGR_COLOR.test(s.raw), coloured);
      } finally {
        await s.stop();
      }
    });
  }
});
