import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
/** The text with its comments removed; string and template literals are kept whole. */
const code = (text: string) => text.replace(
  /('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
  (_match, literal: string | undefined) => literal ?? '',
);
const importsOf = (text: string) => [
  ...[...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]),
  ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]),
];

describe('architecture', () => {
  it('only src/gateway/sdk-*.ts import the AWS SDK', () => {
    const offenders = files
      .filter((f) => importsOf(f.text).some((i) => i.startsWith('@aws-sdk/')))
      .map((f) => f.path)
      .filter((p) => !/^gateway\/sdk-[\w-]+\.ts$/.test(p));
    assert.deepEqual(offenders, []);
  });

  it('views and key tables never reach the gateway implementation or the emulator', () => {
    const offenders = files
      .filter((f) => f.path.startsWith('ui/') || f.path.startsWith('keys/') || f.path.startsWith('store/'))
      .filter((f) => importsOf(f.text).some((i) => /sdk-gateway|emulator\//.test(i)))
      .map((f) => f.path);
    assert.deepEqual(offenders, []);
  });

  it('the emulator uses only node built-ins and its own modules', () => {
    const offenders = files
      .filter((f) => f.path.startsWith('emulator/'))
      .flatMap((f) => importsOf(f.text).filter((i) => !i.startsWith('.') && !i.startsWith('node:')).map((i) => `${f.path}: ${i}`));
    assert.deepEqual(offenders, []);
  });

  it('nothing outside the emulator names AdminGetUser (billed per user): a user is read from its ListUsers row', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith('emulator/'))
      .filter((f) => /\bAdminGetUser(Command\w*)?\b/.test(code(f.text)))
      .map((f) => f.path);
    assert.deepEqual(offenders, []);
  });

  it('no source file is longer than a sitting (400 lines)', () => {
    const long = files.filter((f) => f.text.split('\n').length > 420).map((f) => `${f.path}: ${f.text.split('\n').length}`);
    assert.deepEqual(long, []);
  });
});
