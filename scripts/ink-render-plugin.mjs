import { existsSync } from 'node:fs';
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
  const inkOutput = checkInkLayout(dirname(require.resolve('ink')));
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
      const replaced = new Set();
      build.onStart(() => replaced.clear());
      build.onResolve({ filter: /^\.\/output\.js$/ }, (args) => {
        if (!/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer)) return undefined;
        replaced.add('output');
        return { path: 'output', namespace: NAMESPACE };
      });
      build.onResolve({ filter: /^widest-line$/ }, () => {
        replaced.add('widest-line');
        return { path: join(root, 'src', 'ui', 'render', 'cached-widest-line.ts') };
      });
      build.onEnd((result) => {
        const missing = missingSubstitutions(replaced);
        if (missing.length === 0 || result.errors.length > 0) return undefined;
        return { errors: [{ text: `the render patch did not apply: ${missing.join('; ')}. Ink ${inkVersion()} has moved them; update scripts/ink-render-plugin.mjs and src/ui/render/ to its layout.` }] };
      });
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

/** The files of Ink the patch replaces or builds on, by what each is. */
const INK_FILES = { 'the renderer (build/renderer.js, which imports ./output.js)': 'renderer.js', 'the Output (build/output.js)': 'output.js' };

/** Ink's output.js, after checking that every file the patch needs is where it expects; throws naming the one that is not. */
export function checkInkLayout(inkBuildDir) {
  for (const [what, file] of Object.entries(INK_FILES)) {
    const path = join(inkBuildDir, file);
    if (!existsSync(path)) throw new Error(`The render patch needs ${what} at ${path}, and it is not there: Ink's layout changed. Update scripts/ink-render-plugin.mjs.`);
  }
  return join(inkBuildDir, 'output.js');
}

/** What the patch should have replaced in a build and did not: Ink's renderer importing ./output.js, and widest-line. */
export function missingSubstitutions(replaced) {
  const wanted = { output: "ink/build/renderer.js no longer imports './output.js'", 'widest-line': 'nothing imports widest-line any more' };
  return Object.entries(wanted).filter(([key]) => !replaced.has(key)).map(([, why]) => why);
}

function inkVersion() {
  try {
    return require('ink/package.json').version;
  } catch {
    return '(unknown version)';
  }
}
