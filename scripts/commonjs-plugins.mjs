import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const NAMESPACE = 'cognito-tui-yoga';

/**
 * An esbuild plugin for the CommonJS bundle of the session: yoga-layout's entry compiles its WebAssembly with a
 * top-level await, which CommonJS cannot have. The substitute starts the same compilation when it first runs and
 * leaves its promise where src/cli/yoga-ready.ts finds it; `Yoga` is a live binding, set once it resolves (Ink reads
 * it only when it lays out, after the session has awaited that promise).
 */
export function yogaPlugin() {
  const src = join(dirname(require.resolve('yoga-layout/load')));
  const contents = [
    `import { loadYoga } from ${JSON.stringify(join(src, 'load.js'))};`,
    'let Yoga;',
    "globalThis[Symbol.for('cognito-tui.yoga-ready')] = loadYoga().then((yoga) => { Yoga = yoga; });",
    'export { Yoga as default };',
    `export * from ${JSON.stringify(join(src, 'generated', 'YGEnums.js'))};`,
  ].join('\n');
  return {
    name: 'yoga-commonjs',
    setup(build) {
      build.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents, resolveDir: src, loader: 'js' }));
    },
  };
}

/** Ink's top-level awaits, all behind DEV=true (React DevTools, which the bin stubs out), and what each becomes. */
const INK_DEV_AWAITS = [
  ["await import('./devtools.js');", 'Promise.resolve();'],
  ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
];

/**
 * An esbuild plugin for the CommonJS bundle: Ink's reconciler awaits at its top level, only when DEV=true, to connect
 * React DevTools; in the bundle DEV=true connects nothing (as the stubbed devtools already do). Fails the build
 * when Ink's file no longer has those lines.
 */
export function inkDevAwaitPlugin() {
  return {
    name: 'ink-dev-await',
    setup(build) {
      build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        for (const [from, to] of INK_DEV_AWAITS) {
          if (!contents.includes(from)) return { errors: [{ text: `${args.path} no longer has "${from}": update scripts/commonjs-plugins.mjs to Ink's reconciler.` }] };
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * An esbuild plugin for the CommonJS bundle: `import('node:x')` becomes a require() of it (a script run by vm.Script
 * has no loader for import()).
 */
export function dynamicBuiltinsPlugin() {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: 'dynamic-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/0-9]+$/ }, (args) =>
        args.kind === 'dynamic-import' && builtins.has(args.path) ? { path: args.path.replace(/^node:/, ''), namespace: 'cognito-tui-dynamic-builtin' } : undefined);
      build.onLoad({ filter: /.*/, namespace: 'cognito-tui-dynamic-builtin' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
        loader: 'js',
      }));
    },
  };
}
