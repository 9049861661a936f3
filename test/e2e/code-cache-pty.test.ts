import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

const ON_NODE_20 = Number(process.versions.node.split('.')[0]) < 22;

describe('built CLI: the session bundle', () => {
  const chunks = join(dirname(BUILT_CLI), 'chunks');
  const [name] = readdirSync(chunks).filter((n) => /^tui-[0-9a-f]+\.cjs$/.test(n));
  const text = readFileSync(join(chunks, name!), 'latin1');

  it('is ASCII only (V8 keeps its source with one byte a character, not two)', () => {
    const beyond = /[^\x00-\x7f]/.exec(text);
    assert.equal(beyond, null, `a character beyond ASCII at offset ${beyond?.index}`);
  });

  it('is written in its CommonJS wrapper (no wrapped copy is made when it runs)', () => {
    assert.match(text.slice(0, 200), /^\(\(f\) => .*\(function \(exports, require, module, __filename, __dirname\) \{ "use strict";/);
    assert.match(text.slice(-20), /\n\}\);\n$/);
  });

  it('is started by a bin whose #! line fixes malloc\'s mmap threshold (a dynamic one keeps freed buffers resident)', () => {
    const shebang = readFileSync(BUILT_CLI, 'utf8').split('\n', 1)[0]!;
    assert.match(shebang, /^#!\/usr\/bin\/env -S (?:\w+=\S+ )*MALLOC_MMAP_THRESHOLD_=131072 (?:\w+=\S+ )*node /);
  });
});

describe('built CLI: the session bundle\'s code cache (Node 20)', { skip: ON_NODE_20 ? false : 'Node 22+ uses its module compile cache' }, () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'cognito-tui-e2e-code-cache-'));
  const cacheDir = join(cacheHome, 'cognito-tui', 'compile-cache');
  const caches = () => {
    try {
      return readdirSync(cacheDir).filter((n) => n.startsWith('tui-') && n.endsWith('.v8'));
    } catch {
      return [];
    }
  };
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  before(async () => { emu = await startEmulator({ port: 0 }); });
  after(async () => {
    await emu.close();
    rmSync(cacheHome, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  async function session(): Promise<void> {
    const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url], { cols: 120, rows: 30, env: { ...AWS_ENV, XDG_CACHE_HOME: cacheHome } });
    try {
      await s.waitForText(LARGE_POOL_ID);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  }

  it('a first start draws the pool list without a cache and leaves one on its way out', async () => {
    assert.deepEqual(caches(), []);
    await session();
    assert.equal(caches().length, 1);
    assert.ok(statSync(join(cacheDir, caches()[0]!)).size > 100_000);
  });

  it('the next start draws the pool list from it and keeps it', async () => {
    const [name] = caches();
    const { mtimeMs } = statSync(join(cacheDir, name!));
    await session();
    assert.deepEqual(caches(), [name]);
    assert.equal(statSync(join(cacheDir, name!)).mtimeMs, mtimeMs);
  });
});
