import { performance } from 'node:perf_hooks';
import { LARGE_POOL_ID, startEmulator, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import type { SyntheticActivity } from '../../src/emulator/logs/synthetic-activity.ts';
import type { AdversarySettings } from '../../src/emulator/types.ts';

/** A message the bench sends to this child. */
export type EmulatorRequest =
  | { type: 'counts' } | { type: 'log'; since: number } | { type: 'stop' } | { type: 'adversary'; plan: AdversarySettings } | { type: 'memory' }
  | { type: 'settle' } | { type: 'cpu' };

/** One request the emulator answered: its operation, when it arrived and when it was answered (epoch ms). */
export interface LoggedCall {
  operation: string;
  receivedAt: number;
  answeredAt: number;
  /** The ListUsers filter, if any. */
  filter?: string;
}

/** A message this child sends to the bench. */
export type EmulatorReport =
  | { type: 'ready'; url: string; users: number }
  | { type: 'counts'; counts: Record<string, number>; total: number }
  | { type: 'log'; calls: LoggedCall[] }
  | { type: 'adversary-set' }
  | { type: 'memory'; rss: number; peakRss: number; logEvents: number; logBytes: number }
  /** The emulator's event loop has been idle (under 5 % busy) for 300 ms; its CPU time so far (user + system, ms). */
  | { type: 'settled'; cpuMs: number; waitedMs: number }
  | { type: 'cpu'; cpuMs: number };

const users = Number(process.argv[2] ?? '20000');
const activity = process.argv[3] === undefined ? undefined : (JSON.parse(process.argv[3]) as SyntheticActivity);
const emulator = await startEmulator({ port: 0, usersInLargePool: users, syntheticActivity: activity });
const logs = activity === undefined ? { events: 0, bytes: 0 } : await emulator.fillLogs();

async function call(operation: string, body: unknown, service = 'AWSCognitoIdentityProviderService', contentType = 'application/x-amz-json-1.1'): Promise<unknown> {
  const res = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-amz-target': `${service}.${operation}` },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function warmUp(): Promise<void> {
  await call('ListUserPools', { MaxResults: 60 });
  let token: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = (await call('ListUsers', { UserPoolId: LARGE_POOL_ID, Limit: 60, PaginationToken: token })) as { PaginationToken?: string };
    token = page.PaginationToken;
  }
  await call('ListUsers', { UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME}"` });
  await call('AdminListUserAuthEvents', { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, MaxResults: 60 });
  await call('DescribeUserPool', { UserPoolId: LARGE_POOL_ID });
  await call('GetMetricData', RISK_PULSE, 'GraniteServiceVersion20100801', 'application/x-amz-json-1.0');
}

/** A GetMetricData for the large pool's risk metrics, as the app's pulse sends one on opening a pool: the emulator works them out once. */
const RISK_PULSE = {
  StartTime: Math.floor(Date.now() / 1000) - 86_400,
  EndTime: Math.floor(Date.now() / 1000),
  MetricDataQueries: [{
    Id: 'risk',
    MetricStat: { Metric: { Namespace: 'AWS/Cognito', MetricName: 'Risk', Dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: LARGE_POOL_ID }] }, Period: 300, Stat: 'Sum' },
  }],
};

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

async function untilIdle(): Promise<void> {
  let quiet = 0;
  let last = performance.eventLoopUtilization();
  while (quiet < 3) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = performance.eventLoopUtilization();
    quiet = performance.eventLoopUtilization(now, last).utilization < 0.05 ? quiet + 1 : 0;
    last = now;
  }
}

function counts(): EmulatorReport {
  const byOperation: Record<string, number> = {};
  for (const r of emulator.requests) byOperation[r.operation] = (byOperation[r.operation] ?? 0) + 1;
  return { type: 'counts', counts: byOperation, total: emulator.requests.length };
}

function log(since: number): EmulatorReport {
  const calls = emulator.requests.slice(since).map((r): LoggedCall => {
    const body = r.body as { Filter?: unknown } | undefined;
    const filter = typeof body?.Filter === 'string' ? body.Filter : undefined;
    return { operation: r.operation, receivedAt: r.receivedAt ?? r.at, answeredAt: r.at, ...(filter === undefined ? {} : { filter }) };
  });
  return { type: 'log', calls };
}

await warmUp();
await untilIdle();
process.on('message', (msg: EmulatorRequest) => {
  if (msg.type === 'counts') process.send!(counts());
  else if (msg.type === 'log') process.send!(log(msg.since));
  else if (msg.type === 'memory') {
    const memory: EmulatorReport = { type: 'memory', rss: process.memoryUsage().rss, peakRss: process.resourceUsage().maxRSS * 1024, logEvents: logs.events, logBytes: logs.bytes };
    process.send!(memory);
  }
  else if (msg.type === 'settle') {
    const asked = performance.now();
    void untilIdle().then(() => process.send!({ type: 'settled', cpuMs: cpuMs(), waitedMs: performance.now() - asked } satisfies EmulatorReport));
  } else if (msg.type === 'cpu') process.send!({ type: 'cpu', cpuMs: cpuMs() } satisfies EmulatorReport);
  else if (msg.type === 'adversary') {
    emulator.setAdversary(msg.plan);
    process.send!({ type: 'adversary-set' } satisfies EmulatorReport);
  } else void emulator.close().then(() => process.exit(0));
});
process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
process.send!({ type: 'ready', url: emulator.url, users } satisfies EmulatorReport);
