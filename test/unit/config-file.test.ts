import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs } from '../../src/cli/args.ts';
import { runConfigCommand, sessionConfig } from '../../src/cli/session-config.ts';
import { applyConfig } from '../../src/config/apply-config.ts';
import { configPath } from '../../src/config/config-path.ts';
import { ConfigError } from '../../src/config/config-types.ts';
import { defaultConfigText } from '../../src/config/default-config.ts';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { THEMES } from '../../src/ui/theme.ts';
import { configuredLogGroup } from '../../src/config/pool-settings.ts';

const GOOD = `profile: prod
region: eu-west-1
pool: eu-west-1_AbCdEf123
time: local
theme:
  base: light
  colors:
    accent: "#005f87"
keys:
  global:
    quit: Q
  users:
    disable: [D, ctrl+d]
aliases:
  u: user
  prod: profile prod
commands:
  - name: whois
    key: W
    command: whois
    views: [events]
    run: whois "{{.IpAddress}}"
    output: background
journalDir: /tmp/journal
pools:
  eu-west-1_AbCdEf123:
    logGroup: /aws/cognito/userpools/eu-west-1_AbCdEf123
    columns: [email, username, status]
    searchAttribute: username
profiles:
  prod:
    readOnly: true
    region: eu-central-1
`;

function problem(text: string): string {
  try {
    parseConfig(text, '/home/me/.config/cognito-tui/config.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('the config was accepted');
}

describe('config file', () => {
  it('parses a complete file into typed settings', () => {
    const { config } = parseConfig(GOOD, 'c.yaml');
    assert.equal(config.profile, 'prod');
    assert.equal(config.time, 'local');
    assert.deepEqual(config.keys, { global: { quit: ['Q'] }, users: { disable: ['D', 'ctrl+d'] } });
    assert.deepEqual(config.commands, [{ name: 'whois', key: 'W', command: 'whois', views: ['events'], run: ['whois', '{{.IpAddress}}'], confirm: false, output: 'background' }]);
    assert.equal(config.pools?.['eu-west-1_AbCdEf123']?.logGroup, '/aws/cognito/userpools/eu-west-1_AbCdEf123');
    assert.deepEqual(config.pools?.['eu-west-1_AbCdEf123']?.columns, ['email', 'username', 'status']);
    assert.deepEqual(config.profiles, { prod: { readOnly: true, region: 'eu-central-1' } });
  });
  it('takes an empty file, and the commented default, as the defaults', async () => {
    assert.deepEqual(parseConfig('', 'c.yaml').config, {});
    const text = await defaultConfigText();
    assert.deepEqual(parseConfig(text, 'c.yaml').config, {});
    assert.match(text, /^# {3}users: open \(enter right l\), search \(\/\), .*disable \(d\)/m);
    const { VIEWS } = await import('../../src/views/registry.ts');
    for (const view of VIEWS) assert.match(text, new RegExp(`^# {3}${view.name}: `, 'm'), `the default config names the ${view.name} view`);
  });
  it('names the file, the line and the key of an unknown key', () => {
    assert.equal(problem('profile: prod\ncolour: red\n'), '/home/me/.config/cognito-tui/config.yaml:2: colour: unknown key');
    assert.equal(problem('pools:\n  eu-west-1_AbCdEf123:\n    columns: [email]\n    logroup: x\n'), '/home/me/.config/cognito-tui/config.yaml:4: pools.eu-west-1_AbCdEf123.logroup: unknown key');
  });
  it('names the line and the key of a value of the wrong type', () => {
    assert.equal(problem('region: eu-west-1\nprofiles:\n  prod:\n    readOnly: "yes"\n'), '/home/me/.config/cognito-tui/config.yaml:4: profiles.prod.readOnly: expected true or false, got text "yes"');
    assert.equal(problem('time: maybe\n'), '/home/me/.config/cognito-tui/config.yaml:1: time: must be one of utc, local');
    assert.equal(problem('region: [1]\n'), '/home/me/.config/cognito-tui/config.yaml:1: region: expected text, got a list');
    assert.equal(problem('pools:\n  eu-west-1_AbCdEf123:\n    columns: [username, colour]\n'), '/home/me/.config/cognito-tui/config.yaml:3: pools.eu-west-1_AbCdEf123.columns.1: must be one of username, email, name, status, enabled, created');
    assert.equal(problem('\n\nregion: mars-1\n'), '/home/me/.config/cognito-tui/config.yaml:3: region: is not an AWS region name (e.g. eu-west-1)');
    assert.equal(problem('pools:\n  notapool:\n    logGroup: x\n'), '/home/me/.config/cognito-tui/config.yaml:2: pools.notapool: is not a user pool id (e.g. eu-west-1_AbCdEf123)');
  });
  it('refuses a bad key name, theme, colour and a command with neither key nor : name', () => {
    assert.equal(problem('keys:\n  users:\n    disable: ctrl+shift+x\n'), '/home/me/.config/cognito-tui/config.yaml:3: keys.users.disable: is not a key name: use one character (D, /), ctrl+LETTER, or one of enter, escape, tab, space, up, down, left, right, pageup, pagedown, home, end');
    assert.equal(problem('theme: neon\n'), '/home/me/.config/cognito-tui/config.yaml:1: theme: is not a theme: use dark, light, high-contrast, none');
    assert.equal(problem('theme:\n  colors:\n    danger: blurple\n'), '/home/me/.config/cognito-tui/config.yaml:3: theme.colors.danger: is not a colour: use a name (red, cyanBright…) or #rrggbb');
    assert.equal(problem('commands:\n  - name: x\n    run: echo\n'), '/home/me/.config/cognito-tui/config.yaml:2: commands.0: needs a key, a command (its : name), or both');
  });
  it('names a key given twice and YAML it cannot read', () => {
    assert.equal(problem('region: eu-west-1\nregion: eu-west-2\n'), '/home/me/.config/cognito-tui/config.yaml:2: region: the key is given twice');
    assert.match(problem('profile: prod\nregion: [eu-west-1\n'), /^\/home\/me\/\.config\/cognito-tui\/config\.yaml:\d: not valid YAML \(/);
  });
  it('reads no file as the defaults; a file that cannot be read is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    assert.equal(loadConfig(join(dir, 'absent.yaml')), undefined);
    assert.throws(() => loadConfig(dir), /cannot be read \(EISDIR\)/);
  });
});

describe('the README\'s example config', () => {
  it('is a config the app takes whole', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /A complete example:\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has a complete example');
    const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.yaml');
    writeFileSync(file, example);
    const { opts, settings } = await sessionConfig(parseArgs(['--config', file]), {});
    assert.equal(opts.profile, 'dev');
    assert.equal(settings.config.commands.length, 2);
    assert.equal(settings.theme.accent, '#5fafff');
  });
});

describe('config location and subcommands', () => {
  it('is --config, else XDG_CONFIG_HOME, else ~/.config', () => {
    assert.equal(configPath('/x/c.yaml', {}), '/x/c.yaml');
    assert.equal(configPath(undefined, { XDG_CONFIG_HOME: '/xdg' }), '/xdg/cognito-tui/config.yaml');
    assert.equal(configPath(undefined, {}, () => '/home/me'), '/home/me/.config/cognito-tui/config.yaml');
  });
  it('config path prints it; config init writes the commented default once and never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const env = { XDG_CONFIG_HOME: dir };
    const out: string[] = [];
    await runConfigCommand(parseArgs(['config', 'path']), (t) => out.push(t), env);
    assert.equal(out.pop(), `${dir}/cognito-tui/config.yaml (not there yet: the defaults apply; cognito-tui config init writes one)\n`);
    await runConfigCommand(parseArgs(['config', 'init']), (t) => out.push(t), env);
    assert.equal(out.pop(), `Wrote a commented default config to ${dir}/cognito-tui/config.yaml\n`);
    const file = `${dir}/cognito-tui/config.yaml`;
    writeFileSync(file, 'profile: mine\n');
    await assert.rejects(runConfigCommand(parseArgs(['config', 'init']), (t) => out.push(t), env), /already exists; nothing was written/);
    assert.equal(readFileSync(file, 'utf8'), 'profile: mine\n');
    await runConfigCommand(parseArgs(['config', 'path']), (t) => out.push(t), env);
    assert.equal(out.pop(), `${file}\n`);
  });
  it('refuses an unknown config action and a --config file that is not there', async () => {
    assert.throws(() => parseArgs(['config', 'edit']), /cognito-tui config takes path or init, not "edit"/);
    await assert.rejects(sessionConfig(parseArgs(['--config', '/nonexistent/c.yaml']), {}), /\/nonexistent\/c\.yaml: no such file \(given by --config\)/);
  });
});

describe('config and flags together', () => {
  const config = parseConfig(GOOD, 'c.yaml').config;
  it('fills in what the flags leave out; flags win', () => {
    const { opts, settings } = applyConfig(parseArgs([]), config, {});
    assert.deepEqual({ p: opts.profile, r: opts.region, pool: opts.pool, t: opts.timeZone, j: opts.journalDir }, { p: 'prod', r: 'eu-central-1', pool: 'eu-west-1_AbCdEf123', t: 'local', j: '/tmp/journal' });
    assert.equal(settings.theme.accent, '#005f87');
    assert.equal(configuredLogGroup(settings.config, 'eu-west-1_AbCdEf123'), '/aws/cognito/userpools/eu-west-1_AbCdEf123');
    assert.equal(configuredLogGroup(settings.config, 'eu-west-1_Other1'), undefined);
    assert.equal(settings.theme.danger, THEMES.light.danger);
    const flagged = applyConfig(parseArgs(['--profile', 'dev', '--time', 'utc', '--journal', '/j', '--theme', 'high-contrast']), config, {});
    assert.deepEqual({ p: flagged.opts.profile, r: flagged.opts.region, t: flagged.opts.timeZone, j: flagged.opts.journalDir, ro: flagged.opts.readOnly }, { p: 'dev', r: 'eu-west-1', t: 'utc', j: '/j', ro: false });
    assert.deepEqual(flagged.settings.theme, THEMES['high-contrast']);
  });
  it('makes a read-only profile read-only, says so, and --write lifts it for the run', () => {
    const ro = applyConfig(parseArgs([]), config, {});
    assert.equal(ro.opts.readOnly, true);
    assert.equal(ro.settings.config.modeNote, 'read-only: profile prod (config); --write allows writes');
    const rw = applyConfig(parseArgs(['--write']), config, {});
    assert.equal(rw.opts.readOnly, false);
    assert.equal(rw.settings.config.modeNote, 'writes on: --write (profile prod is read-only in the config)');
    assert.equal(applyConfig(parseArgs([]), config, { AWS_PROFILE: 'dev' }).opts.readOnly, false);
    assert.throws(() => parseArgs(['--write', '--read-only']), /--write and --read-only contradict each other/);
  });
  it('draws no colour under --no-color or NO_COLOR, whatever the config says', async () => {
    assert.deepEqual(applyConfig(parseArgs(['--no-color']), config, {}).settings.theme, THEMES.none);
    assert.deepEqual(applyConfig(parseArgs(['--theme', 'dark']), config, { NO_COLOR: '1' }).settings.theme, THEMES.none);
    await assert.rejects(sessionConfig(parseArgs(['--theme', 'neon']), {}), /--theme takes dark, light, high-contrast, none, not "neon"/);
  });
  it('takes nothing of the account from the config in the demo', () => {
    const { opts } = applyConfig(parseArgs(['--demo']), config, {});
    assert.deepEqual({ p: opts.profile, r: opts.region, pool: opts.pool, ro: opts.readOnly }, { p: undefined, r: undefined, pool: undefined, ro: false });
  });
});
