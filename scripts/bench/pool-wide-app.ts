import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { LARGE_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';

const USAGE = `Usage: node --import tsx scripts/bench/pool-wide-app.ts [--events N] [--users N] [--runs N]

The app's half of the pool-wide figure: the emulator generates N user-activity records from --users users over the
last day, then the app (rendered by ink-testing-library, talking to the emulator through the real SDK) is timed from
the A key on the users list to the ranked "users needing attention" list on screen. Defaults: 5,000,000 events,
1,000,000 users, 3 runs.`;

const { values } = parseArgs({ options: { events: { type: 'string' }, users: { type: 'string' }, runs: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const events = Number(values.events ?? 5_000_000);
const users = Number(values.users ?? 1_000_000);
const runs = Number(values.runs ?? 3);
const mb = (n: number): string => `${(n / 1_048_576).toFixed(0)} MB`;

const emulator = await startEmulator({ port: 0, usersInLargePool: 200, syntheticActivity: { events, users, days: 1 } });
let t = performance.now();
const filled = await emulator.fillLogs();
process.stdout.write(`generated ${filled.events.toLocaleString('en-US')} records from ${users.toLocaleString('en-US')} users in ${((performance.now() - t) / 1000).toFixed(1)} s; rss ${mb(process.memoryUsage().rss)}\n`);

const gateway = createSdkGateway({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const store = createAppStore({ gateway, queryPoll: { firstMs: 50, factor: 1.6, maxMs: 1000 } });
store.getState().actions.openDeepLink(LARGE_POOL_ID);
const app = render(createElement(App, { store, columns: 160, rows: 40 }));
const frame = () => app.lastFrame() ?? '';
const until = async (test: () => boolean, what: string, ms = 120_000) => {
  const deadline = performance.now() + ms;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}\n${frame()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
await until(() => /\d+\+? users/.test(frame()), 'the users list');
const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  t = performance.now();
  app.stdin.write('A');
  await until(() => /users needing attention/.test(frame()) && /Complete · /.test(frame()) && /▶ /.test(frame()), 'the ranked list');
  const ms = performance.now() - t;
  times.push(ms);
  const route = store.getState().stack.at(-1) as { view: string; run?: string };
  const run = route.run ? store.getState().logs.runs[route.run] : undefined;
  process.stdout.write(`run ${i + 1}: ${ms.toFixed(0)} ms keypress → ranked list on screen; ${run?.statistics.recordsScanned?.toLocaleString('en-US')} scanned, `
    + `${run?.returned.toLocaleString('en-US')} rows returned${run?.truncated ? ' (cut at 10,000)' : ''}; rss ${mb(process.memoryUsage().rss)}\n`);
  app.stdin.write('\u001b');
  await until(() => !/users needing attention/.test(frame()), 'the users list again');
}
times.sort((a, b) => a - b);
process.stdout.write(`median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms keypress → ranked list (app and emulator in one process)\n`);
app.unmount();
await emulator.close();
process.exit(0);
