import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { completionScript } from '../../src/cli/completion.ts';
import { SHELLS } from '../../src/cli/subcommands.ts';
import { BUILT_CLI } from '../helpers/pty-session.ts';

function has(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

const CHECK: Record<string, string[]> = { bash: ['-n'], zsh: ['-n'], fish: ['--no-execute'] };

let dir: string;
let env: NodeJS.ProcessEnv;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-tui-completion-'));
  symlinkSync(BUILT_CLI, join(dir, 'cognito-tui'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile prod]\n[profile staging]\n[sso-session corp]\n');
  writeFileSync(join(dir, 'credentials'), '[ci-bot]\naws_access_key_id = x\n');
  for (const shell of SHELLS) writeFileSync(join(dir, `script.${shell}`), completionScript(shell));
  env = { PATH: `${dir}:${process.env.PATH}`, HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('completion scripts pass their shell\'s syntax check', () => {
  for (const shell of SHELLS) {
    it(`${shell} ${CHECK[shell].join(' ')}`, { skip: has(shell) ? false : `${shell} is not installed on this machine` }, () => {
      const r = spawnSync(shell, [...CHECK[shell], join(dir, `script.${shell}`)], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
  }
});

describe('the bash completion in a plain bash (no bash-completion package)', () => {
  /** COMPREPLY after completing the last of `words` (the word being typed, maybe empty). */
  function complete(...words: string[]): string[] {
    const program = [
      `source ${JSON.stringify(join(dir, 'script.bash'))}`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_cognito_tui',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    return r.stdout.split('\n').filter(Boolean);
  }

  it('completes the flags', () => {
    assert.deepEqual(complete('cognito-tui', '--pro'), ['--profile']);
    assert.deepEqual(complete('cognito-tui', '--no-'), ['--no-journal', '--no-history', '--no-color']);
  });
  it('completes --profile from the AWS config and credentials files', () => {
    assert.deepEqual(complete('cognito-tui', '--profile', ''), ['ci-bot', 'default', 'prod', 'staging']);
    assert.deepEqual(complete('cognito-tui', '--read-only', '--profile', 'st'), ['staging']);
  });
  it('completes --region, --theme and --time, also after =', () => {
    assert.deepEqual(complete('cognito-tui', '--region', 'eu-west-'), ['eu-west-1', 'eu-west-2', 'eu-west-3']);
    assert.deepEqual(complete('cognito-tui', '--theme', ''), ['dark', 'light', 'high-contrast', 'none']);
    assert.deepEqual(complete('cognito-tui', '--theme', '=', 'h'), ['high-contrast']);
    assert.deepEqual(complete('cognito-tui', '--time', '='), ['utc', 'local']);
  });
  it('offers nothing for a free value', () => {
    assert.deepEqual(complete('cognito-tui', '--pool', ''), []);
  });
  it('completes the subcommands and their arguments', () => {
    assert.deepEqual(complete('cognito-tui', 'c'), ['completion', 'config']);
    assert.deepEqual(complete('cognito-tui', 'completion', ''), ['bash', 'zsh', 'fish']);
    assert.deepEqual(complete('cognito-tui', 'help', ''), ['keys']);
  });
});

describe('the fish completion, asked with complete -C', { skip: has('fish') ? false : 'fish is not installed on this machine' }, () => {
  function complete(line: string): string[] {
    const r = spawnSync('fish', ['--no-config', '-c', `source ${join(dir, 'script.fish')}; complete -C '${line}'`], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
  }
  it('completes --profile from the AWS files and --theme from the themes', () => {
    assert.deepEqual(complete('cognito-tui --profile ').sort(), ['ci-bot', 'default', 'prod', 'staging']);
    assert.deepEqual(complete('cognito-tui --theme ').sort(), ['dark', 'high-contrast', 'light', 'none']);
    assert.deepEqual(complete('cognito-tui completion ').sort(), ['bash', 'fish', 'zsh']);
  });
});

describe('the zsh completion, its functions run with compadd and _arguments recording what they get', { skip: has('zsh') ? false : 'zsh is not installed on this machine' }, () => {
  function complete(words: string[], call = '_cognito_tui'): string[] {
    const program = [
      'compdef() { :; }',
      'compadd() { if [[ $1 == -a ]]; then print -l -- ${(P)2}; else [[ $1 == -- ]] && shift; print -l -- "$@"; fi }',
      '_arguments() { print -l -- "$@" }',
      `source ${join(dir, 'script.zsh')}`,
      `words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; PREFIX='${words.at(-1)}'`,
      call,
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter(Boolean);
  }
  it('offers the subcommands, then a subcommand\'s arguments', () => {
    assert.deepEqual(complete(['cognito-tui', '']), ['emulator', 'completion', 'help', 'config']);
    assert.deepEqual(complete(['cognito-tui', 'completion', '']), ['bash', 'zsh', 'fish']);
  });
  it('hands _arguments every flag, --theme with the themes and --profile with the profiles of the AWS files', () => {
    const specs = complete(['cognito-tui', '--']);
    assert.ok(specs.includes('--theme[colour theme – dark, light, high-contrast, none]:NAME:(dark light high-contrast none)'), specs.join('\n'));
    assert.ok(specs.some((s) => s.startsWith('--region[') && s.includes('(us-east-1 us-east-2')));
    assert.ok(specs.includes('--profile[AWS profile]:profile:_cognito_tui_profiles'));
    assert.deepEqual(complete(['cognito-tui', '--profile', ''], '_cognito_tui_profiles'), ['ci-bot', 'default', 'prod', 'staging']);
  });
});
