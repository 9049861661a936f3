import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { compileCacheDirectory, enableCompileCache } from './compile-cache.ts';

/** What the session's module gives: src/cli/run-tui.ts. */
export type TuiModule = typeof import('./run-tui.ts');

/**
 * How long after loading the session's bundle its V8 code cache is written: once the first screens have run, also on a
 * loaded machine (or at the exit, for a session shorter than that).
 */
const CACHE_AFTER_MS = 2500;

/**
 * Loads the full-screen session. Built, it is one CommonJS file (dist/chunks/tui-<hash>.cjs, by scripts/build.mjs):
 * Node 22+ require()s it under the module compile cache; Node 20, which has none, runs it through vm.Script with a V8 code
 * cache kept in the same cache directory (made from the functions compiled by the time the first screens are up,
 * so the next start neither parses nor compiles them). A cache that cannot be read or written only costs speed.
 * From source (no bundle), the module is imported as it is.
 */
export async function loadTui(bundle: string): Promise<TuiModule> {
  enableCompileCache();
  if (!existsSync(bundle)) {
    const source = './run-tui.ts';
    return (await import(source)) as TuiModule;
  }
  return loadSessionPart(bundle) as TuiModule;
}

/**
 * Loads a CommonJS file of the built session (its bundle, or a part loaded on first use: scripts/session-parts.mjs)
 * as the session is loaded: require() under the module compile cache on Node 22+, runCached on Node 20.
 */
export function loadSessionPart(file: string): unknown {
  if ((module as { enableCompileCache?: unknown }).enableCompileCache !== undefined) return createRequire(file)(file);
  return runCached(file, compileCacheDirectory());
}

/**
 * Runs the CommonJS file `file`, written in its wrapper by scripts/build.mjs (its value as a script is the module
 * function), with a V8 code cache in `cacheDir`, writing the cache when there was none to use.
 */
export function runCached(file: string, cacheDir: string): unknown {
  const cacheFile = join(cacheDir, codeCacheName(file));
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${file} is not a session bundle in its wrapper: run npm run build`);
  const loaded = { exports: {} as unknown };
  wrapper.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected === true) {
    const write = () => {
      clearTimeout(timer);
      process.off('exit', write);
      writeCache(cacheFile, buildsPrefix(file), () => script.createCachedData());
    };
    const timer = setTimeout(write, CACHE_AFTER_MS).unref();
    process.on('exit', write);
  }
  return loaded.exports;
}

/**
 * The cache's name: the Node version, architecture and flags (V8 refuses a cache made under others), and the bundle's
 * name (with the hash of its text, when built), size and time.
 */
export function codeCacheName(file: string, execArgv: string[] = process.execArgv): string {
  const { size, mtimeMs } = statSync(file);
  return `${cachePrefix(execArgv)}${basename(file, '.cjs')}-${size}-${Math.trunc(mtimeMs)}.v8`;
}

/** The start of the names of the caches this Node, with these flags, can use (of one bundle or another). */
function cachePrefix(execArgv: string[] = process.execArgv): string {
  return `tui-${process.version}-${process.arch}-${flagsTag(execArgv)}-`;
}

/** The start of the names of this Node's caches of every build of `file`'s bundle or part (its name without the hash). */
function buildsPrefix(file: string): string {
  return `${cachePrefix()}${basename(file, '.cjs').replace(/-[0-9a-f]{16}$/, '')}-`;
}

/** A short tag of the node flags (a cache made under other V8 flags is refused). */
function flagsTag(execArgv: string[]): string {
  let h = 0;
  for (const c of execArgv.join(' ')) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache (whole or not at all), and removes this Node's caches of other builds of the same bundle or part,
 * which no start can use; the caches of the session's other files stay.
 */
function writeCache(path: string, builds: string, make: () => Buffer): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, make());
    renameSync(partial, path);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(builds) && name.endsWith('.v8') && join(dir, name) !== path) rmSync(join(dir, name), { force: true });
    }
  } catch {
    return;
  }
}

/** The bundle's file name, hash included, which scripts/build.mjs defines in the bin; absent when run from source. */
declare const __TUI_BUNDLE__: string | undefined;

/** The bundle of the session beside the bin (`dist/cli.js` → `dist/chunks/tui-<hash>.cjs`). */
export function bundleBeside(binUrl: string): string {
  return join(dirname(fileURLToPath(binUrl)), 'chunks', typeof __TUI_BUNDLE__ === 'string' ? __TUI_BUNDLE__ : 'tui.cjs');
}
