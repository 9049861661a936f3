import type { Plugin } from 'esbuild';

/** Makes Node's built-in modules load when first used (see scripts/lazy-builtins-plugin.mjs). */
export function lazyBuiltinsPlugin(): Plugin;
