import { builtinModules } from 'node:module';

const NAMESPACE = 'cognito-tui-builtin';
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * An esbuild plugin that turns `import … from 'node:x'` into a require() made when the importing module first
 * runs. Left as ESM imports, every Node module the bundle names anywhere (zlib, https, child_process, …) is loaded
 * before the first line runs, and each import builds an ESM facade that reads all its exports (node:fs's reads
 * load the whole streams stack).
 */
export function lazyBuiltinsPlugin() {
  return {
    name: 'lazy-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/0-9]+$/ }, (args) =>
        args.kind === 'import-statement' && builtins.has(args.path) ? { path: args.path.replace(/^node:/, ''), namespace: NAMESPACE } : undefined);
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
        loader: 'js',
      }));
    },
  };
}
