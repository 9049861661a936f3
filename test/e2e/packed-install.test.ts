import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { bareEnv, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment without what an enclosing `npm test` passes down (its project, its prefix, its cache). */
function ownEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** npm with no registry reachable, an empty cache of its own, and no update check. */
function npm(args: string[], cwd: string, cache: string): SpawnSyncReturns<string> {
  const env = { ...ownEnv(), npm_config_update_notifier: 'false', npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: cache };
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120000 });
}

function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(r.status, 0, `${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

describe('the packed tarball, installed with no registry and an empty cache', () => {
  let dir: string;
  let tarball: string;
  let prefix: string;
  let installOutput: string;

  before(() => {
    assert.ok(existsSync(BUILT_CLI), 'dist/cli.js is missing: run npm run build first');
    dir = mkdtempSync(join(tmpdir(), 'cognito-tui-pack-'));
    prefix = join(dir, 'prefix');
    const packed = ok(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT, join(dir, 'pack-cache')), 'npm pack');
    tarball = join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
    const installed = ok(npm(['install', '-g', '--offline', '--prefix', prefix, tarball], dir, join(dir, 'empty-cache')), 'npm install -g --offline');
    installOutput = `${installed.stdout}${installed.stderr}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only the bin, its chunks, the manifest, README and LICENSE', () => {
    const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n');
    const unexpected = files.filter((f) => !/^package\/(package\.json|README\.md|LICENSE|dist\/cli\.js|dist\/chunks\/([\w-]+\.js|[a-z]+-[0-9a-f]{16}\.cjs))$/.test(f));
    assert.deepEqual(unexpected, []);
    assert.ok(files.includes('package/dist/cli.js'));
  });

  it('declares no runtime dependency and no script that runs when it is installed', () => {
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
    assert.equal(manifest.peerDependencies, undefined);
    const scripts = Object.keys((manifest.scripts ?? {}) as Record<string, string>);
    assert.deepEqual(scripts.filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s)), []);
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.deepEqual(manifest.files, ['dist/cli.js', 'dist/chunks/']);
  });

  it('installs without a warning', () => {
    assert.doesNotMatch(installOutput, /warn/i);
  });

  it('cognito-tui --version runs from the prefix', () => {
    const r = spawnSync(join(prefix, 'bin', 'cognito-tui'), ['--version'], { encoding: 'utf8', cwd: dir, env: bareEnv() as NodeJS.ProcessEnv });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `cognito-tui ${VERSION}\n`);
  });

  it('npx runs it from the tarball too', () => {
    const cwd = join(dir, 'elsewhere');
    mkdirSync(cwd);
    const r = ok(npm(['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'cognito-tui', '--version'], cwd, join(dir, 'npx-cache')), 'npx');
    assert.equal(r.stdout, `cognito-tui ${VERSION}\n`);
    assert.doesNotMatch(r.stderr, /warn/i);
  });

  it('the installed bin draws the demo\'s first frame in a terminal', async () => {
    const s = new PtySession(['--demo'], { file: join(prefix, 'bin', 'cognito-tui'), cols: 120, rows: 30, env: bareEnv() });
    try {
      const screen = await s.waitForText(LARGE_POOL_ID);
      assert.match(screen, /1\/5 pools/);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });
});
