import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const NAMESPACE = 'cognito-tui-ink-render';
const SKIP = Symbol('resolve string-width as usual');

/**
 * An esbuild plugin for the bundled bin's rendering, each piece answering exactly what it replaces (the tests in
 * test/unit/row-cached-output.test.ts and test/unit/fast-string-width.test.ts compare them):
 * - Ink's renderer gets the row-cached Output (src/ui/render/row-cached-output.ts), built on Ink's own Output;
 * - widest-line becomes the cached one (src/ui/render/cached-widest-line.ts);
 * - string-width gets a fast path in front (src/ui/render/fast-string-width.ts), and the real one is loaded
 *   on first need instead of at start-up.
 */
export function inkRenderPlugin(root) {
  const inkOutput = join(dirname(require.resolve('ink')), 'output.js');
  const realStringWidth = require.resolve('string-width');
  const render = (file) => JSON.stringify(join(root, 'src', 'ui', 'render', file));
  const modules = {
    output: [
      `import InkOutput from ${JSON.stringify(inkOutput)};`,
      `import { rowCachedOutput } from ${render('row-cached-output.ts')};`,
      'export default rowCachedOutput(InkOutput);',
    ],
    'string-width': [
      `import { createStringWidth } from ${render('fast-string-width.ts')};`,
      `export default createStringWidth(() => require(${JSON.stringify(realStringWidth)}).default);`,
    ],
  };
  return {
    name: 'ink-render',
    setup(build) {
      build.onResolve({ filter: /^\.\/output\.js$/ }, (args) =>
        /[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? { path: 'output', namespace: NAMESPACE } : undefined);
      build.onResolve({ filter: /^widest-line$/ }, () => ({ path: join(root, 'src', 'ui', 'render', 'cached-widest-line.ts') }));
      build.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData === SKIP) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SKIP });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return resolved.path === realStringWidth ? { path: 'string-width', namespace: NAMESPACE } : { path: resolved.path, namespace: resolved.namespace };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: modules[args.path].join('\n'), resolveDir: root, loader: 'js' }));
    },
  };
}
