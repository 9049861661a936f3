import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { keysText } from '../../src/cli/help-keys.ts';
import { sessionConfig } from '../../src/cli/session-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-help-keys-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = `keys:
  global:
    quit: Q
  users:
    disable: D
    copy: X
commands:
  - name: whois
    key: W
    command: whois
    views: [events]
    run: whois {{.IpAddress}}
`;

async function textFor(yaml: string): Promise<string> {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  const opts = parseArgs(['help', 'keys', '--config', file]);
  return keysText((await sessionConfig(opts, {})).settings.config);
}

const block = (text: string, heading: string) => text.split('\n\n').find((b) => b.startsWith(`${heading}\n`)) ?? '';

describe('help keys with a config', () => {
  it('help keys takes --config PATH and nothing else', () => {
    assert.equal(parseArgs(['help', 'keys', '--config', 'a.yaml']).configPath, 'a.yaml');
    assert.equal(parseArgs(['help', 'keys', '--config=b.yaml']).configPath, 'b.yaml');
    assert.throws(() => parseArgs(['help', 'keys', '--theme', 'x']), (e: unknown) => e instanceof UsageError && /^Unexpected argument "--theme" after help keys/.test(e.message));
    assert.throws(() => parseArgs(['help', 'keys', '--config']), UsageError);
  });
  it('prints the remapped keys: a view\'s own, a global one, and a global one moved in one view', async () => {
    const text = await textFor(CONFIG);
    const users = block(text, 'Users (users)');
    assert.match(users, /\n {2}D +disable/);
    assert.doesNotMatch(users, /\n {2}d +disable/);
    assert.match(users, /\n {2}X +copy the selected row as JSON/);
    const global = block(text, 'Global (every view, unless the view takes the key)');
    assert.match(global, /\n {2}Q +quit/);
    assert.match(global, /\n {2}C +copy the selected row as JSON/);
    assert.match(block(text, 'Authentication events (events)'), /\n {2}W +whois \(custom command: whois\)/);
  });
  it('without a config: the default tables', async () => {
    assert.equal(await textFor(''), keysText());
    assert.match(block(keysText(), 'Users (users)'), /\n {2}d +disable/);
  });
  it('a bad config is refused as the app refuses it', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'keys:\n  users:\n    nosuchaction: Z\n');
    await assert.rejects(sessionConfig(parseArgs(['help', 'keys', '--config', file]), {}), (e: Error) => e.name === 'ConfigError' && e.message.startsWith(`${file}:3:`));
  });
});
