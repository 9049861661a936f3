import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyConfig } from '../../src/config/apply-config.ts';
import { checkConfig } from '../../src/config/check-config.ts';
import { ConfigError } from '../../src/config/config-types.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { parseArgs } from '../../src/cli/args.ts';
import { expandAlias } from '../../src/command/aliases.ts';
import { completionLines } from '../../src/command/complete-command.ts';

const FILE = '/etc/c.yaml';

function problem(text: string): string {
  const loaded = parseConfig(text, FILE);
  try {
    checkConfig(loaded, applyConfig(parseArgs([]), loaded.config, {}).settings.config);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('the config was accepted');
}

function accepted(text: string): void {
  const loaded = parseConfig(text, FILE);
  checkConfig(loaded, applyConfig(parseArgs([]), loaded.config, {}).settings.config);
}

describe('config checked against the key tables and commands', () => {
  it('takes remaps of actions that exist, per view and global', () => {
    accepted('keys:\n  global:\n    quit: Q\n    down: [J, down]\n  users:\n    disable: D\n  events:\n    next-attention: [n]\n');
    accepted('keys:\n  global:\n    back: [escape, h]\n');
  });
  it('refuses a remap to an action that does not exist, naming the line and the key', () => {
    assert.match(problem('region: eu-west-1\nkeys:\n  users:\n    frobnicate: Z\n'), /^\/etc\/c\.yaml:4: keys\.users\.frobnicate: no action "frobnicate" in the users view; its actions: .*\bdisable\b.*\bsweep\b/);
    assert.match(problem('keys:\n  global:\n    frobnicate: Z\n'), /^\/etc\/c\.yaml:3: keys\.global\.frobnicate: no action "frobnicate" in any view; its actions: /);
    assert.equal(problem('keys:\n  userz:\n    disable: D\n').split(';')[0], '/etc/c.yaml:2: keys.userz: no view called userz');
  });
  it('refuses a key bound twice, naming the remap that did it', () => {
    assert.equal(problem('keys:\n  users:\n    disable: s\n'), '/etc/c.yaml:3: keys.users.disable: s is bound twice in the users view: also to sweep');
    assert.equal(problem('time: utc\nkeys:\n  global:\n    quit: d\n'), '/etc/c.yaml:4: keys.global.quit: d is bound twice in the users view: also to disable');
    assert.equal(
      problem('commands:\n  - name: whois\n    key: v\n    views: [events]\n    run: whois {{.IpAddress}}\n'),
      '/etc/c.yaml:3: commands.0.key: v is bound twice in the events view: also to valid',
    );
  });
  it('refuses custom commands that name a view or template that is not there, or a : name taken', () => {
    assert.equal(problem('commands:\n  - name: a\n    key: W\n    views: [users, evnts]\n    run: echo\n').split(';')[0], '/etc/c.yaml:4: commands.0.views.1: no view called evnts');
    assert.equal(problem('commands:\n  - name: a\n    key: W\n    run: echo {{.Password}}\n').split(';')[0], '/etc/c.yaml:4: commands.0.run: {{.Password}} is not a template');
    assert.equal(problem('commands:\n  - name: a\n    command: pools\n    run: echo\n'), '/etc/c.yaml:3: commands.0.command: :pools is a command of the app already');
  });
  it('refuses an alias that shadows a command or expands to no command', () => {
    assert.equal(problem('aliases:\n  user: pools\n'), '/etc/c.yaml:2: aliases.user: :user is a command of the app already');
    assert.equal(problem('aliases:\n  x: frob 1\n').split(';')[0], '/etc/c.yaml:2: aliases.x: "frob" is not a command');
  });
});

describe('aliases', () => {
  const aliases = { u: 'user', prod: 'profile prod', ':w': 'x' };
  it('expand the first word once, keeping the rest as typed', () => {
    assert.equal(expandAlias('u alice', aliases), 'user alice');
    assert.equal(expandAlias(':u  alice ', aliases), 'user  alice ');
    assert.equal(expandAlias('prod', aliases), 'profile prod');
    assert.equal(expandAlias('user u', aliases), 'user u');
    assert.equal(expandAlias('toString', aliases), 'toString');
  });
  it('complete among the commands, and their arguments complete as the command\'s', () => {
    assert.deepEqual(completionLines('pr', {}, { aliases }), ['profile ', 'prod']);
    assert.deepEqual(completionLines('u al', { usernames: ['alice', 'bob'] }, { aliases }), ['u alice']);
    assert.deepEqual(completionLines('who', {}, { custom: ['whois'] }), ['whois']);
  });
});
