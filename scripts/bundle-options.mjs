import { inkRenderPlugin } from './ink-render-plugin.mjs';
import { lazyBuiltinsPlugin } from './lazy-builtins-plugin.mjs';

/**
 * The esbuild settings the bin is bundled with (ESM chunks for Node 20, Ink's renderer substituted, Node's modules
 * required when first used); the bench builds its floor programs with the same ones.
 */
export function bundleOptions(root, devtoolsStub) {
  return {
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { 'react-devtools-core': devtoolsStub },
    plugins: [inkRenderPlugin(root), lazyBuiltinsPlugin()],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  };
}
