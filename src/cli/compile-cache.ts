import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

type EnableCompileCache = (directory?: string) => unknown;

/** Where compiled code is cached: `$XDG_CACHE_HOME/cognito-tui/compile-cache` (default `~/.cache/...`). */
export function compileCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'cognito-tui', 'compile-cache');
}

/**
 * Turns on Node's on-disk compile cache for every module loaded from here on (Node 22.1 and later; Node 20 has none,
 * and `NODE_DISABLE_COMPILE_CACHE` turns it off). A cache that cannot be written only costs speed.
 */
export function enableCompileCache(directory = compileCacheDirectory()): void {
  const enable = (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (enable === undefined || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  try {
    enable(directory);
  } catch {
    return;
  }
}
