import type { Plugin } from 'esbuild';

/** Substitutes the row-caching renderer into Ink's bundle (see scripts/ink-render-plugin.mjs). */
export function inkRenderPlugin(root: string): Plugin;
