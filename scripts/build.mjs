import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.mjs';
import { dynamicBuiltinsPlugin, inkDevAwaitPlugin, yogaPlugin } from './commonjs-plugins.mjs';
import { lazyBuiltinsPlugin } from './lazy-builtins-plugin.mjs';
import { buildSessionParts, sessionPartsPlugin } from './session-parts.mjs';
import { wrapSession } from './session-wrapper.mjs';

/**
 * How the bin runs node: two malloc arenas and two V8 helper threads (instead of an arena per thread and four
 * threads), malloc's mmap threshold fixed at its default of 128 kB (left dynamic, the first large buffer freed, such as
 * the code cache read at start, raises it, and later buffers up to that size stay in arenas that are never given back:
 * 7 MB resident at idle), a young generation of 1 MB and a heap that grows by a quarter at a time (resident memory
 * with 100,000 users loaded), and a first heap limit of 64 MB (no full collection during start-up). `npm run bench`
 * measures them.
 */
const SHEBANG = '#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 node --v8-pool-size=2 --max-semi-space-size=2 --heap-growing-percent=25 --initial-heap-size=64';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'dist', '.stubs', 'react-devtools-core.js');
await rm(join(root, 'dist', 'chunks'), { recursive: true, force: true });
await mkdir(dirname(stub), { recursive: true });
await writeFile(stub, 'export default { initialize() {}, connectToDevTools() {} };\n');

/**
 * The full-screen session as one CommonJS file beside the chunks, ASCII only and already in its wrapper
 * (scripts/session-wrapper.mjs): src/cli/load-tui.ts runs it through vm.Script with a V8 code cache on Node 20 (which
 * has no module compile cache), and require()s it under the compile cache on 22+; the parts most sessions never run are
 * files of their own, loaded on first use (scripts/session-parts.mjs). Without whitespace or comments: V8 keeps the
 * source of a script for as long as it runs (function names stay, so stacks still name them).
 * Its name carries a hash of its text (V8 checks only a cache's length against the source, so a cache must never be
 * found under the name of another bundle), and the bin is told that name.
 */
const esm = bundleOptions(root, stub);
const commonjs = {
  ...esm,
  format: 'cjs',
  splitting: false,
  minifyWhitespace: true,
  banner: {},
  define: { ...esm.define, 'import.meta.url': '__tuiModuleUrl' },
  inject: [join(root, 'scripts', 'tui-module-url.js')],
};
await mkdir(join(root, 'dist', 'chunks'), { recursive: true });
const parts = await buildSessionParts(root, { ...commonjs, plugins: [dynamicBuiltinsPlugin(), lazyBuiltinsPlugin()] }, join(root, 'dist', 'chunks'));
const session = await build({
  ...commonjs,
  plugins: [sessionPartsPlugin(root, parts, join(root, 'src', 'cli', 'load-tui.ts')), yogaPlugin(), inkDevAwaitPlugin(), dynamicBuiltinsPlugin(), ...esm.plugins],
  entryPoints: [join(root, 'src', 'cli', 'run-tui.ts')],
  outfile: join(root, 'dist', 'chunks', 'tui.cjs'),
  write: false,
});
const sessionText = wrapSession(session.outputFiles[0].text);
const tuiName = `tui-${createHash('sha256').update(sessionText).digest('hex').slice(0, 16)}.cjs`;
await writeFile(join(root, 'dist', 'chunks', tuiName), sessionText);

const entry = bundleOptions(root, stub);
await build({
  ...entry,
  define: { ...entry.define, __TUI_BUNDLE__: JSON.stringify(tuiName) },
  entryPoints: [join(root, 'src', 'cli.ts')],
  outdir: join(root, 'dist'),
  entryNames: '[name]',
});

const bin = join(root, 'dist', 'cli.js');
await writeFile(bin, `${SHEBANG}\n${await readFile(bin, 'utf8')}`);
await chmod(bin, 0o755);
