import { build } from 'esbuild';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.mjs';

/**
 * How the bin runs node: two malloc arenas and two V8 helper threads (instead of an arena per thread and four
 * threads), a young generation of 1 MB and a heap that grows by a quarter at a time (resident memory with 100,000
 * users loaded), and a first heap limit of 64 MB (no full collection during start-up). `npm run bench` measures them.
 */
const SHEBANG = '#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --v8-pool-size=2 --max-semi-space-size=2 --heap-growing-percent=25 --initial-heap-size=64';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'dist', '.stubs', 'react-devtools-core.js');
await rm(join(root, 'dist', 'chunks'), { recursive: true, force: true });
await mkdir(dirname(stub), { recursive: true });
await writeFile(stub, 'export default { initialize() {}, connectToDevTools() {} };\n');

await build({
  ...bundleOptions(root, stub),
  entryPoints: [join(root, 'src', 'cli.ts')],
  outdir: join(root, 'dist'),
  entryNames: '[name]',
});

const bin = join(root, 'dist', 'cli.js');
await writeFile(bin, `${SHEBANG}\n${await readFile(bin, 'utf8')}`);
await chmod(bin, 0o755);
