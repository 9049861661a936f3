import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { EXIT } from '../../src/cli/exit-status.ts';
import { keysText } from '../../src/cli/help-keys.ts';
import { FLAG_GROUPS, helpText } from '../../src/cli/help-text.ts';
import { GLOBAL_KEYS } from '../../src/keys/global-keys.ts';
import { THEMES as APP_THEMES } from '../../src/ui/theme.ts';
import { MODE_TABLES } from '../../src/keys/mode-keys.ts';
import { VIEWS } from '../../src/views/registry.ts';

describe('--help', () => {
  const text = helpText();
  it('has usage, flags by group, commands, files, environment and exit statuses, in that order', () => {
    const at = ['Usage:', 'Flags:', '  AWS:', '  Where to start:', '  Safety and records:', '  Display and configuration:', 'Commands:', 'Files:', 'Environment:', 'Exit status:']
      .map((heading) => text.indexOf(`\n${heading}`));
    assert.ok(at.every((i) => i > 0), `a heading is missing: ${at}`);
    assert.deepEqual([...at].sort((a, b) => a - b), at);
  });
  it('lists every subcommand', () => {
    for (const sub of ['emulator', 'completion bash|zsh|fish', 'help keys', 'config path', 'config init']) assert.match(text, new RegExp(`\\n  ${sub.replace(/[|]/g, '\\|')}`));
  });
  it('names the files it reads and the environment it honours', () => {
    for (const item of ['~/.aws/config', '~/.aws/credentials', 'config.yaml', 'cognito-tui/journal/', 'cognito-tui/history/', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'NO_COLOR', 'XDG_CONFIG_HOME', 'XDG_STATE_HOME']) {
      assert.ok(text.includes(item), item);
    }
  });
  it('offers every theme the app takes, none included', () => {
    assert.deepEqual(FLAG_GROUPS.flatMap((g) => g.flags).find((f) => f.flag === '--theme')?.values, Object.keys(APP_THEMES));
    assert.match(text, /--theme NAME +colour theme: dark, light, high-contrast, none/);
  });
  it('gives every exit status the app uses', () => {
    for (const code of Object.values(EXIT)) assert.match(text, new RegExp(`\\n  ${code} +\\S`), String(code));
  });
  it('lists only flags the parser takes, each changing what it parses to', () => {
    const values: Record<string, string> = { '--quota-share': '0.5', '--time': 'utc', '--region': 'eu-west-1', '--pool': 'eu-west-1_Abc', '--endpoint-url': 'http://127.0.0.1:1', '--theme': 'light' };
    const plain = JSON.stringify(parseArgs([]));
    for (const f of FLAG_GROUPS.flatMap((g) => g.flags)) {
      const argv = f.value ? [f.flag, values[f.flag] ?? 'x'] : [f.flag];
      let parsed = '';
      assert.doesNotThrow(() => { parsed = JSON.stringify(parseArgs(argv)); }, `${argv.join(' ')}`);
      assert.notEqual(parsed, plain, `${argv.join(' ')} parses to nothing`);
    }
  });
});

describe('help keys and completion on the command line', () => {
  it('help keys, help, completion SHELL parse to their commands', () => {
    assert.equal(parseArgs(['help', 'keys']).command, 'help-keys');
    assert.equal(parseArgs(['help']).command, 'help');
    const o = parseArgs(['completion', 'fish']);
    assert.deepEqual([o.command, o.shell], ['completion', 'fish']);
  });
  const bad: [string[], RegExp][] = [
    [['completion'], /^completion needs a shell: bash, zsh or fish, e\.g\. cognito-tui completion bash\.$/],
    [['completion', 'tcsh'], /^completion takes bash, zsh or fish, not "tcsh", e\.g\. cognito-tui completion zsh\.$/],
    [['completion', 'bash', 'extra'], /^Unexpected argument "extra" after completion bash\.$/],
    [['help', 'flags'], /^Unknown help topic "flags"\. Try cognito-tui help keys, or cognito-tui --help\.$/],
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${argv.join(' ')} with one usage message`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
    });
  }
});

describe('help keys', () => {
  const text = keysText();
  it('prints every view\'s key table, each binding with its label and description', () => {
    for (const view of VIEWS) {
      const block = text.split('\n\n').find((b) => b.split('\n')[0] === `${view.title} (${view.name})`);
      assert.ok(block, `no block for ${view.name}`);
      const lines = block.split('\n').slice(1);
      assert.equal(lines.length, view.keys.length, view.name);
      view.keys.forEach((b, i) => assert.match(lines[i], new RegExp(`^  ${b.label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} +${b.description.slice(0, 20).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)));
    }
  });
  it('then the global keys and the keys of every mode', () => {
    for (const table of [GLOBAL_KEYS, ...MODE_TABLES]) {
      for (const b of table.bindings) assert.ok(text.includes(`  ${b.label}`) && text.includes(b.description), `${table.title}: ${b.label}`);
    }
  });
});
