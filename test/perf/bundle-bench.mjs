import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

/** Bundles test/perf/key-frame-bench.tsx as the bin is bundled, into OUTDIR/bench.mjs (usage: node test/perf/bundle-bench.mjs OUTDIR). */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = resolve(process.argv[2] ?? join(tmpdir(), 'cognito-tui-key-frame'));
await mkdir(out, { recursive: true });
const stub = join(out, 'devtools-stub.js');
await writeFile(stub, 'export default { initialize() {}, connectToDevTools() {} };\n');
await build({ ...bundleOptions(root, stub), splitting: false, entryPoints: [join(root, 'test', 'perf', 'key-frame-bench.tsx')], outfile: join(out, 'bench.mjs') });
