import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { PtyScreen } from './pty-screen.ts';
import { BUILT_CLI } from './scenarios.ts';

const USAGE = `Usage: node --import tsx scripts/bench/demo-first-query.ts [--after-ms N]

Starts the built CLI with --demo on the demo pool in a pseudo-terminal, waits N ms after the users list is drawn
(default 3000), then times A → the ranked list of users needing attention: the demo's first query, which waits for
the emulator to export the pool's user activity unless that was done in the background. Also reports how long the
pool's risk pulse took to draw after start.`;

const { values } = parseArgs({ options: { 'after-ms': { type: 'string' }, help: { type: 'boolean' } } });
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const afterMs = Number(values['after-ms'] ?? 3000);
const screen = new PtyScreen([BUILT_CLI, '--demo', '--pool', LARGE_POOL_ID], { cols: 120, rows: 32 });
try {
  const listed = await screen.until((s) => /\d+\/\d+\+? users/.test(s), 'the users list', 60_000);
  const pulsed = await screen.until((s) => /ATO [▁▂▃▄▅▆▇█]/.test(s), 'the risk pulse', 120_000);
  const wait = Math.max(0, afterMs - (performance.now() - listed));
  await new Promise((resolve) => setTimeout(resolve, wait));
  const ms = await screen.pressUntil('A', (s) => /users needing attention/.test(s) && /Complete · /.test(s), 'the ranked list', 120_000);
  process.stdout.write(`users list drawn ${((listed - screen.spawnedAt) / 1000).toFixed(2)} s after spawn; pulse drawn ${((pulsed - screen.spawnedAt) / 1000).toFixed(2)} s after spawn; `
    + `A pressed ${(afterMs / 1000).toFixed(1)} s after the list → ranked list in ${(ms / 1000).toFixed(2)} s\n`);
} finally {
  await screen.quit();
}
