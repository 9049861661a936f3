import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';

describe('command line', () => {
  it('parses every flag', () => {
    const o = parseArgs(['--profile', 'prod', '--region', 'eu-west-1', '--endpoint-url=http://127.0.0.1:9', '--pool', 'eu-west-1_Abc123', '--user', 'bob', '--read-only']);
    assert.deepEqual(
      { p: o.profile, r: o.region, e: o.endpoint, pool: o.pool, u: o.user, ro: o.readOnly, c: o.command },
      { p: 'prod', r: 'eu-west-1', e: 'http://127.0.0.1:9', pool: 'eu-west-1_Abc123', u: 'bob', ro: true, c: 'tui' },
    );
  });
  it('takes the region from the pool id', () => {
    assert.equal(parseArgs(['--pool', 'ap-southeast-2_Xyz9']).region, 'ap-southeast-2');
  });
  it('routes the emulator subcommand with its own arguments', () => {
    const o = parseArgs(['emulator', '--port', '9000']);
    assert.equal(o.command, 'emulator');
    assert.deepEqual(o.emulatorArgs, ['--port', '9000']);
  });
  it('takes --quota-share as a fraction of the quotas, and refuses one outside 0.05..1', () => {
    assert.equal(parseArgs(['--quota-share', '0.25']).quotaShare, 0.25);
    assert.equal(parseArgs(['--quota-share=1']).quotaShare, 1);
    for (const bad of ['0', '1.5', 'half', '-0.5', '0.01']) {
      assert.throws(() => parseArgs(['--quota-share', bad]), (e: unknown) => e instanceof UsageError && /--quota-share takes a fraction from 0.05 to 1/.test(e.message), bad);
    }
  });
  it('takes --journal DIR or --no-journal, not both', () => {
    assert.equal(parseArgs(['--journal', '/tmp/j']).journalDir, '/tmp/j');
    assert.equal(parseArgs(['--journal=/tmp/j']).journalDir, '/tmp/j');
    assert.equal(parseArgs(['--no-journal']).noJournal, true);
    assert.throws(() => parseArgs(['--journal']), /--journal needs a value, e.g. --journal .\/incident-journal/);
    assert.throws(() => parseArgs(['--journal', '/tmp/j', '--no-journal']), /contradict each other/);
  });

  it('knows --help and --version', () => {
    assert.equal(parseArgs(['-h']).command, 'help');
    assert.equal(parseArgs(['--version']).command, 'version');
  });
  const bad: [string[], RegExp][] = [
    [['--bogus'], /Unknown option --bogus/],
    [['--region'], /--region needs a value/],
    [['--region', 'mars-1'], /not an AWS region/],
    [['--pool', 'nope'], /not a user pool id/],
    [['--pool', 'us-east-1_Abc', '--region', 'eu-west-1'], /is in us-east-1/],
    [['--endpoint-url', 'ftp://x'], /not an http\(s\) URL/],
    [['--demo', '--profile', 'p'], /--demo uses the built-in emulator/],
    [['stray'], /Unexpected argument/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')} with a clear message`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
    });
  }
});

describe('keys arriving in one chunk', async () => {
  const { splitKeys, keyName } = await import('../../src/keys/key-name.ts');
  it('split into named keys', () => {
    assert.deepEqual(splitKeys('/ab\t c\r\u007f').map((k) => k.name), ['/', 'a', 'b', 'tab', 'space', 'c', 'enter', 'backspace']);
  });
  it('name ctrl+letter (ctrl+u right after / in one chunk) and drop other control characters', () => {
    assert.deepEqual(splitKeys('/\u0015a\u001c\u009bb').map((k) => k.name), ['/', 'ctrl+u', 'a', 'b']);
  });
  it('name special keys from ink', () => {
    assert.equal(keyName('', { downArrow: true }), 'down');
    assert.equal(keyName('', { return: true }), 'enter');
    assert.equal(keyName('', { delete: true }), 'backspace');
    assert.equal(keyName('f', { ctrl: true }), 'ctrl+f');
    assert.equal(keyName('', { tab: true, shift: true }), 'shift+tab');
    assert.equal(keyName('G', { shift: true }), 'G');
  });
});
