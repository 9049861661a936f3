import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmulatorProcess } from './emulator-process.ts';
import { BUILT_CLI, nodeFloor, poolListFirstFrame, spawnToExit } from './scenarios.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 11;

function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): string {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...inherited, npm_config_update_notifier: 'false', ...env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Medians of `times` runs of each measure, taken in turn (so a machine getting busier weighs on every one alike). */
async function mediansOf<K extends string>(times: number, measures: Record<K, () => Promise<number>>): Promise<Record<K, number>> {
  const values = Object.fromEntries(Object.keys(measures).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < times; i++) for (const k of Object.keys(measures) as K[]) values[k].push(await measures[k]());
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, median(v as number[])])) as Record<K, number>;
}

/**
 * `npm run bench:package`: packs the bin (prepack builds it), installs the tarball with `npm install -g
 * --offline` and an empty cache into a temporary prefix, and prints the tarball's size and the installed bin's
 * start-up beside the repository's dist/cli.js (medians of 11, the figures of a row measured in turn).
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-bench-pack-'));
  const emulator = await EmulatorProcess.start(2000);
  try {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT)) as { filename: string; unpackedSize: number; entryCount: number }[];
    const tarball = join(dir, packed[0].filename);
    run('npm', ['install', '-g', '--offline', '--prefix', join(dir, 'prefix'), tarball], dir, { npm_config_cache: join(dir, 'cache') });
    const installed = join(dir, 'prefix', 'bin', 'cognito-tui');
    const version = await mediansOf(RUNS, {
      floor: nodeFloor, dist: () => spawnToExit(BUILT_CLI, ['--version']), installed: () => spawnToExit(installed, ['--version']),
    });
    const frame = await mediansOf(RUNS, {
      dist: async () => (await poolListFirstFrame({ cli: BUILT_CLI, emulator })).ms, installed: async () => (await poolListFirstFrame({ cli: installed, emulator })).ms,
    });
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const kb = (v: number) => `${(v / 1000).toFixed(1)} kB`;
    process.stdout.write([
      '| figure | installed from the tarball | dist/cli.js in the repository | `node -e 0` |',
      '| --- | --- | --- | --- |',
      `| tarball (${packed[0].entryCount} files, no dependencies) | ${kb(statSync(tarball).size)} packed, ${kb(packed[0].unpackedSize)} unpacked | – | – |`,
      `| spawn → exit of \`cognito-tui --version\` | ${ms(version.installed)} | ${ms(version.dist)} | ${ms(version.floor)} |`,
      `| spawn → first frame of the pool list | ${ms(frame.installed)} | ${ms(frame.dist)} | – |`,
      '',
      `Medians of ${RUNS}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    ].join('\n') + '\n');
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
