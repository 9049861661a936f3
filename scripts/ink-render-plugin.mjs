import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const NAMESPACE = 'cognito-tui-ink-render';

/**
 * An esbuild plugin that gives Ink's renderer the row-cached Output (src/ui/render/row-cached-output.ts),
 * built on Ink's own Output, and Ink the cached widest-line (src/ui/render/cached-widest-line.ts). Both answer
 * exactly what they replace; test/unit/row-cached-output.test.ts compares them.
 */
export function inkRenderPlugin(root) {
  const inkOutput = join(dirname(require.resolve('ink')), 'output.js');
  const rowCached = join(root, 'src', 'ui', 'render', 'row-cached-output.ts');
  const widestLine = join(root, 'src', 'ui', 'render', 'cached-widest-line.ts');
  return {
    name: 'ink-render',
    setup(build) {
      build.onResolve({ filter: /^\.\/output\.js$/ }, (args) =>
        /[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? { path: 'output', namespace: NAMESPACE } : undefined);
      build.onResolve({ filter: /^widest-line$/ }, () => ({ path: widestLine }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
        contents: [
          `import InkOutput from ${JSON.stringify(inkOutput)};`,
          `import { rowCachedOutput } from ${JSON.stringify(rowCached)};`,
          'export default rowCachedOutput(InkOutput);',
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}
