import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LARGE_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import { percentile } from './stats.ts';

const USAGE = `Usage: node --import tsx scripts/bench/emulator-fill.ts [--users N] [--pages N] [--metrics-only | --fill-only]

What the emulator's background log/metric fill costs: starts an emulator in this process with N users in the large
pool (default 200,000), has its users generated, then
  1. times one GetMetricData for the large pool (the app's first pulse: the pool's risk metrics are worked out),
  2. on a fresh emulator, times fillLogs() alone (CPU, wall, and the most CPU one turn of the event loop took), and
  3. on a fresh emulator, times ListUsers pages (one keep-alive connection, one after another) while the fill runs,
     beside --pages pages (default 500) on the idle emulator.
Run it under --cpu-prof to see where the time goes.`;

function post(agent: Agent, url: URL, body: unknown): Promise<{ PaginationToken?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { PaginationToken?: string }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Generates every user of the large pool now (a filtered ListUsers needs them all). */
async function generated(url: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  await post(agent, new URL(url), { UserPoolId: LARGE_POOL_ID, Filter: 'username = "nobody"' });
  agent.destroy();
}

/** One GetMetricData for the large pool's risk metrics, as the app's pulse sends it first. */
async function metricData(url: string): Promise<void> {
  const now = Date.UTC(2026, 0, 15);
  const query = { Id: 'q', MetricStat: { Metric: { Namespace: 'AWS/Cognito', MetricName: 'Risk', Dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: LARGE_POOL_ID }] }, Period: 300, Stat: 'Sum' } };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData' },
    body: JSON.stringify({ StartTime: (now - 86_400_000) / 1000, EndTime: now / 1000, MetricDataQueries: [query] }),
  });
  await res.json();
}

/** ListUsers page latencies (ms) until `stop()` says so or `max` pages were read. */
async function pages(url: string, stop: () => boolean, max: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const times: number[] = [];
  let token: string | undefined;
  try {
    while (!stop() && times.length < max) {
      const started = performance.now();
      const page = await post(agent, target, { UserPoolId: LARGE_POOL_ID, Limit: 60, PaginationToken: token });
      times.push(performance.now() - started);
      token = page.PaginationToken;
    }
  } finally {
    agent.destroy();
  }
  return times;
}

const line = (name: string, t: number[]): string =>
  `${name.padEnd(22)} ${String(t.length).padStart(6)} pages · p50 ${percentile(t, 50).toFixed(1)} · p99 ${percentile(t, 99).toFixed(1)} · worst ${Math.max(...t).toFixed(1)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string' }, pages: { type: 'string' }, 'fill-only': { type: 'boolean' }, 'metrics-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const users = Number(values.users ?? 200_000);
  const idlePages = Number(values.pages ?? 500);

  const metricsOnly = await startEmulator({ port: 0, usersInLargePool: users, now: Date.UTC(2026, 0, 15) });
  await generated(metricsOnly.url);
  const before = process.cpuUsage();
  const asked = performance.now();
  await metricData(metricsOnly.url);
  const spent = process.cpuUsage(before);
  process.stdout.write(`metrics alone (GetMetricData for the large pool): ${((spent.user + spent.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - asked).toFixed(0)} ms wall\n`);
  await metricsOnly.close();
  if (values['metrics-only']) return;

  const alone = await startEmulator({ port: 0, usersInLargePool: users, now: Date.UTC(2026, 0, 15) });
  await generated(alone.url);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const turns: number[] = [];
  let turn = process.cpuUsage();
  const tick = setInterval(() => {
    const t = process.cpuUsage(turn);
    turns.push((t.user + t.system) / 1000);
    turn = process.cpuUsage();
  }, 1);
  const filled = await alone.fillLogs();
  clearInterval(tick);
  const used = process.cpuUsage(cpu);
  process.stdout.write(`fill alone: ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - wall).toFixed(0)} ms wall, ${filled.events} log events\n`);
  process.stdout.write(`  CPU per turn of the event loop: p50 ${percentile(turns, 50).toFixed(1)} · p99 ${percentile(turns, 99).toFixed(1)} · worst ${Math.max(...turns).toFixed(0)} ms; ${turns.filter((t) => t > 50).length} of ${turns.length} turns over 50 ms\n`);
  await alone.close();
  if (values['fill-only']) return;

  const busy = await startEmulator({ port: 0, usersInLargePool: users, now: Date.UTC(2026, 0, 15) });
  await generated(busy.url);
  process.stdout.write(`${line('ListUsers, idle', await pages(busy.url, () => false, idlePages))}\n`);
  let done = false;
  const fill = busy.fillLogs().then(() => { done = true; });
  const during = await pages(busy.url, () => done, Number.MAX_SAFE_INTEGER);
  await fill;
  process.stdout.write(`${line('ListUsers, during fill', during)}\n`);
  await busy.close();
}

await main();
