import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeCacheName, sourceText } from '../../src/cli/load-tui.ts';

const LOADER = fileURLToPath(new URL('../../src/cli/load-tui.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'load-tui-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'tui.cjs');
writeFileSync(bundle, [
  "const { join } = require('node:path');",
  'function answer(n) { return n * 2 + 1; }',
  'module.exports = { answer: answer(20), here: join(__dirname, "x"), self: exports === module.exports };',
].join('\n'));
const cacheDir = join(dir, 'cache');

/** Runs the bundle through runCached in a fresh node (as a start does) and returns what it exported. */
function start(): { answer: number; here: string; self: boolean } {
  const script = `import(${JSON.stringify(LOADER)}).then((m) => { process.stdout.write(JSON.stringify(m.runCached(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)}))); });`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })) as { answer: number; here: string; self: boolean };
}

describe('the session bundle run with a V8 code cache (Node 20)', () => {
  const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.endsWith('.v8')) : []);
  const cacheFile = () => join(cacheDir, caches()[0] ?? 'none');

  it('runs the CommonJS file as require() would, and writes its code cache on the way out', () => {
    assert.deepEqual(start(), { answer: 41, here: join(dir, 'x'), self: true });
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

  it('runs from the source when the cache is damaged, writes a good one again and drops this Node\'s caches of older bundles', () => {
    const current = cacheFile();
    writeFileSync(current, 'not a code cache');
    const stale = current.replace(/-\d+-\d+\.v8$/, '-1-2.v8');
    const otherNode = join(cacheDir, 'tui-v0.0.0-x64-0-1-2.v8');
    writeFileSync(stale, 'old');
    writeFileSync(otherNode, 'another node');
    assert.equal(start().answer, 41);
    assert.notEqual(readFileSync(current, 'utf8'), 'not a code cache');
    assert.deepEqual(caches().map((n) => join(cacheDir, n)).sort(), [current, otherNode].sort());
  });

  it('names the cache after the bundle, so a new build is not given an old cache', () => {
    const name = codeCacheName(bundle);
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// rebuilt`);
    assert.notEqual(codeCacheName(bundle), name);
    assert.notEqual(codeCacheName(bundle, ['--max-semi-space-size=1']), codeCacheName(bundle, []));
  });
});

describe('the session bundle\'s text', () => {
  it('reads an ASCII bundle as it is, and a bundle with other characters as UTF-8', () => {
    const ascii = 'module.exports = { a: "\\u00e9" };';
    assert.equal(sourceText(Buffer.from(ascii, 'utf8')), ascii);
    const utf8 = 'module.exports = { a: "é — ✓" };';
    assert.equal(sourceText(Buffer.from(utf8, 'utf8')), utf8);
  });
});
