import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { codeCacheName } from '../../src/cli/load-tui.ts';
import { wrapSession } from '../../scripts/session-wrapper.mjs';

const LOADER = fileURLToPath(new URL('../../src/cli/load-tui.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'load-tui-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'tui.cjs');
writeFileSync(bundle, wrapSession([
  "const { join } = require('node:path');",
  'function answer(n) { return n * 2 + 1; }',
  'module.exports = { answer: answer(20), here: join(__dirname, "x"), self: exports === module.exports, folded: /[øß—]/.test("—") };',
].join('\n')));
const cacheDir = join(dir, 'cache');

/** Runs the bundle through runCached in a fresh node (as a start does) and returns what it exported. */
function start(file = bundle): { answer: number; here: string; self: boolean; folded: boolean } {
  const script = `import(${JSON.stringify(LOADER)}).then((m) => { process.stdout.write(JSON.stringify(m.runCached(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}))); });`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as ReturnType<typeof start>;
}

describe('the session bundle run with a V8 code cache (Node 20)', () => {
  const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.endsWith('.v8')) : []);
  const cacheFile = () => join(cacheDir, caches()[0] ?? 'none');

  it('runs the CommonJS file as require() would, and writes its code cache on the way out', () => {
    assert.deepEqual(start(), { answer: 41, here: join(dir, 'x'), self: true, folded: true });
    assert.equal(caches().length, 1, 'the cache was written');
    assert.ok(statSync(cacheFile()).size > 0);
  });

  it('uses the cache at the next start and leaves it as it is', () => {
    const before = readFileSync(cacheFile());
    const mtime = statSync(cacheFile()).mtimeMs;
    assert.equal(start().answer, 41);
    assert.equal(statSync(cacheFile()).mtimeMs, mtime);
    assert.deepEqual(readFileSync(cacheFile()), before);
  });

  it('runs from the source when the cache is damaged, writes a good one again and drops this Node\'s caches of older builds of the bundle, not of its parts', () => {
    const current = cacheFile();
    writeFileSync(current, 'not a code cache');
    const stale = current.replace(/-\d+-\d+\.v8$/, '-1-2.v8');
    const otherNode = join(cacheDir, 'tui-v0.0.0-x64-0-1-2.v8');
    const olderBuild = current.replace(/-tui-\d+-\d+\.v8$/, '-tui-0123456789abcdef-1-2.v8');
    const part = current.replace(/-tui-\d+-\d+\.v8$/, '-logs-0123456789abcdef-1-2.v8');
    for (const file of [stale, otherNode, olderBuild, part]) writeFileSync(file, 'old');
    assert.equal(start().answer, 41);
    assert.notEqual(readFileSync(current, 'utf8'), 'not a code cache');
    assert.deepEqual(caches().map((n) => join(cacheDir, n)).sort(), [current, otherNode, part].sort(), 'the caches of another Node and of a part stay');
  });

  it('names the cache after the bundle, so a new build is not given an old cache', () => {
    const name = codeCacheName(bundle);
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// rebuilt`);
    assert.notEqual(codeCacheName(bundle), name);
    assert.notEqual(codeCacheName(bundle, ['--max-semi-space-size=1']), codeCacheName(bundle, []));
  });

  it('is ASCII only, the characters beyond it escaped, so V8 holds it with one byte a character', () => {
    assert.match(readFileSync(bundle, 'latin1'), /^[\x00-\x7f]*$/);
    assert.match(readFileSync(bundle, 'utf8'), /\[\\u00f8\\u00df\\u2014\]/);
  });

  it('require() runs the same wrapped file as a module (Node 22+ loads it so)', () => {
    const required = createRequire(bundle)(bundle) as { answer: number; here: string; self: boolean; folded: boolean };
    assert.deepEqual({ ...required }, { answer: 41, here: join(dir, 'x'), self: true, folded: true });
  });

  it('refuses a file that is not in its wrapper with a line that says to rebuild', () => {
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, 'module.exports = { answer: 1 };');
    assert.throws(() => start(plain), /plain\.cjs is not a session bundle in its wrapper: run npm run build/);
  });
});
