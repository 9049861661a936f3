import { build } from 'esbuild';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkRenderPlugin } from './ink-render-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'dist', '.stubs', 'react-devtools-core.js');
await mkdir(dirname(stub), { recursive: true });
await writeFile(stub, 'export default { initialize() {}, connectToDevTools() {} };\n');

await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(root, 'dist', 'cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: false,
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'react-devtools-core': stub },
  plugins: [inkRenderPlugin(root)],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env -S node --max-semi-space-size=1\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
await chmod(join(root, 'dist', 'cli.js'), 0o755);
