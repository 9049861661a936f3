import { build } from 'esbuild';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('../../.bench/floors/', import.meta.url));

/** The floor programs, built as the bin is built and started through the bin's own `#!` line. */
export interface Floors {
  /** Start, the same requests over the SDK's HTTP stack, one frame of plain text: `[app, 'pools'|'events', endpoint, region, pool, user]`. */
  app: string;
  /** A bare Ink app: one Text, a key counter, `q` quits. */
  ink: string;
}

/** The bin's `#!` line, so that the floors run with the node flags the bin runs with. */
export async function binShebang(cli: string): Promise<string> {
  const first = (await readFile(cli, 'utf8')).split('\n', 1)[0];
  if (!first.startsWith('#!')) throw new Error(`${cli} has no #! line`);
  return first;
}

/** Builds both floors into .bench/floors with the bin's bundler settings and `#!` line. */
export async function buildFloors(cli: string): Promise<Floors> {
  const shebang = await binShebang(cli);
  await mkdir(OUT, { recursive: true });
  const entries = { 'app-floor': `${ROOT}scripts/bench/floors/app-floor.ts`, 'ink-floor': `${ROOT}scripts/bench/floors/ink-floor.tsx` };
  await build({
    ...bundleOptions(ROOT, `${ROOT}dist/.stubs/react-devtools-core.js`),
    entryPoints: entries,
    outdir: OUT,
    jsx: 'automatic',
  });
  const out: Record<string, string> = {};
  for (const name of Object.keys(entries)) {
    const file = `${OUT}${name}.js`;
    await writeFile(file, `${shebang}\n${await readFile(file, 'utf8')}`);
    await chmod(file, 0o755);
    out[name] = file;
  }
  return { app: out['app-floor'], ink: out['ink-floor'] };
}
