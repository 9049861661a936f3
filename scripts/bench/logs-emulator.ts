import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { activityLogGroupName, LARGE_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import { readFileSync } from 'node:fs';
import { ATTENTION_QUERY } from '../../src/domain/canned-queries.ts';

const USAGE = `Usage: node --import tsx scripts/bench/logs-emulator.ts [--events N] [--users N] [--runs N] [--query-file FILE]

The emulator's half of the pool-wide figure: generates N user-activity records from --users users over the last
day inside the emulator, then times "users needing attention in the last 24 h" (StartQuery → Complete through the
SDK) as the app asks it (:ask attention), or the query in FILE, and reports the process's memory. Defaults: 5,000,000
events, 1,000,000 users, 5 runs.`;

const { values } = parseArgs({ options: { events: { type: 'string' }, users: { type: 'string' }, runs: { type: 'string' }, 'query-file': { type: 'string' }, help: { type: 'boolean' } } });
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const events = Number(values.events ?? 5_000_000);
const users = Number(values.users ?? 1_000_000);
const runs = Number(values.runs ?? 5);
const queryString = values['query-file'] === undefined ? ATTENTION_QUERY : readFileSync(values['query-file'], 'utf8');
const mb = (n: number): string => `${(n / 1_048_576).toFixed(0)} MB`;

const emulator = await startEmulator({ port: 0, usersInLargePool: 200, syntheticActivity: { events, users, days: 1 } });
let t = performance.now();
const filled = await emulator.fillLogs();
process.stdout.write(
  `generated ${filled.events.toLocaleString('en-US')} records from ${users.toLocaleString('en-US')} users in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
    `columns allocated ${mb(filled.bytes)}; rss ${mb(process.memoryUsage().rss)}\n`,
);
const logs = new CloudWatchLogsClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const end = Math.floor(Date.now() / 1000);
  const cpu = process.cpuUsage();
  t = performance.now();
  const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: activityLogGroupName(LARGE_POOL_ID), startTime: end - 86_400, endTime: end, queryString }));
  let r;
  do {
    await new Promise((resolve) => setTimeout(resolve, 10));
    r = await logs.send(new GetQueryResultsCommand({ queryId }));
  } while (r.status === 'Scheduled' || r.status === 'Running');
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  times.push(ms);
  cpuTimes.push((used.user + used.system) / 1000);
  process.stdout.write(
    `run ${i + 1}: ${ms.toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms), ${r.status}, ${r.statistics?.recordsScanned?.toLocaleString('en-US')} scanned, ` +
      `${r.statistics?.recordsMatched?.toLocaleString('en-US')} matched, ${r.results?.length} rows; rss ${mb(process.memoryUsage().rss)}\n`,
  );
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const median = (list: number[]): string => list[Math.floor(list.length / 2)].toFixed(0);
process.stdout.write(`median query ${median(times)} ms (cpu ${median(cpuTimes)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores); peak rss ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
logs.destroy();
await emulator.close();
