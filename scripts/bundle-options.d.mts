import type { BuildOptions } from 'esbuild';

/** The esbuild settings the bin is bundled with (see scripts/bundle-options.mjs). */
export function bundleOptions(root: string, devtoolsStub: string): BuildOptions;
