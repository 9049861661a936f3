import { parseArgs } from 'node:util';
import { ADVERSARY_MODES, parseAdversaryFlag } from './adversary.ts';
import { activityLogGroupName, startEmulator } from './index.ts';
import type { AdversaryBehaviour, EmulatorOptions, RunningEmulator } from './index.ts';
import { DEFAULT_LARGE_POOL_USERS, DEFAULT_SEED } from './cognito/seed.ts';
import { DEMO_REGION, LARGE_POOL_ID } from './well-known-ids.ts';

const USAGE = `Usage: cognito-tui emulator [options]

Runs a local emulator of Cognito user pools, CloudWatch Logs (with Logs Insights) and CloudWatch metrics, all
on one port, until Ctrl+C.

Options:
  --port N             port on 127.0.0.1 (default 0: any free port)
  --seed S             data seed, an integer (default ${DEFAULT_SEED})
  --users N            users in the large pool (default ${DEFAULT_LARGE_POOL_USERS})
  --hostile            add users whose attributes carry terminal escape sequences
  --throttle-rate X    answer this share of requests (0..1) with TooManyRequestsException
  --error-rate X       answer this share of requests (0..1) with InternalErrorException (HTTP 500)
  --drop-rate X        close the connection without answering for this share of requests (0..1)
  --latency-ms N       wait N ms before every response
  --query-latency-ms N keep each Logs Insights query Scheduled/Running at least N ms (to watch or cancel it)
  --log-events N       bulk user activity for benchmarks: the large pool's log group holds N generated
                       records (from --log-users users over --log-days days) instead of its users' events
  --log-users N        users the bulk records come from (default 1000000)
  --log-days N         days the bulk records span, ending now (default 1)
  --adversary OP=MODE[:ARG]
                       misbehave on operation OP (or * for all), repeatable. MODE is one of:
                       ${ADVERSARY_MODES.join(', ')}.
                       ARG: slowloris ms between bytes (default 3000); wrong-types variant
                       (all, number-for-string, string-date, null-lists, null-page).
                       e.g. --adversary ListUsers=empty-pages --adversary AdminListUserAuthEvents=slowloris:5000
  --help               show this help
`;

class FlagError extends Error {}

function integerFlag(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
    throw new FlagError(`--${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}

function rateFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new FlagError(`--${name} must be a number from 0 to 1 (a share of requests), got "${text}".`);
  }
  return value;
}

/** The emulator options a command line asks for, or 'help'. Throws FlagError with a readable message. */
function parseEmulatorArgs(argv: string[]): EmulatorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        hostile: { type: 'boolean' },
        'throttle-rate': { type: 'string' },
        'error-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        'latency-ms': { type: 'string' },
        'query-latency-ms': { type: 'string' },
        'log-events': { type: 'string' },
        'log-users': { type: 'string' },
        'log-days': { type: 'string' },
        adversary: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(first);
    throw new FlagError(ambiguous === null ? first : `${ambiguous[1]} needs a value; write ${ambiguous[1]}=VALUE when the value starts with "-"`);
  }
  const v = parsed.values;
  if (v.help === true) return 'help';
  const adversary: Record<string, AdversaryBehaviour> = {};
  for (const text of v.adversary ?? []) {
    try {
      const [operation, behaviour] = parseAdversaryFlag(text);
      adversary[operation] = behaviour;
    } catch (error) {
      throw new FlagError(error instanceof Error ? error.message : String(error));
    }
  }
  const logEvents = integerFlag('log-events', v['log-events'], 1, 50_000_000);
  const logUsers = integerFlag('log-users', v['log-users'], 1, 10_000_000);
  const logDays = integerFlag('log-days', v['log-days'], 1, 90);
  if (logEvents === undefined && (logUsers !== undefined || logDays !== undefined)) throw new FlagError('--log-users and --log-days go with --log-events N.');
  return {
    adversary,
    queryLatencyMs: integerFlag('query-latency-ms', v['query-latency-ms'], 0, 600_000),
    syntheticActivity: logEvents === undefined ? undefined : { events: logEvents, users: logUsers ?? 1_000_000, days: logDays ?? 1 },
    port: integerFlag('port', v.port, 0, 65_535),
    seed: integerFlag('seed', v.seed, -2_147_483_648, 4_294_967_295),
    usersInLargePool: integerFlag('users', v.users, 0, 1_000_000),
    hostile: v.hostile === true,
    faults: {
      throttleRate: rateFlag('throttle-rate', v['throttle-rate']),
      errorRate: rateFlag('error-rate', v['error-rate']),
      dropRate: rateFlag('drop-rate', v['drop-rate']),
      latencyMs: integerFlag('latency-ms', v['latency-ms'], 0, 600_000),
    },
  };
}

function banner(emulator: RunningEmulator, adversary: Readonly<Record<string, AdversaryBehaviour>>): string {
  const lines = [
    `Emulator listening on ${emulator.url}`,
    'Serves: Cognito user pools, CloudWatch Logs (Logs Insights queries), CloudWatch (GetMetricData)',
    `Region: ${DEMO_REGION}  (any access key and secret are accepted)`,
    'User pools:',
    ...emulator.pools.map(
      (p) => `  ${p.id}  ${p.name.padEnd(22)} threat protection ${p.mode.padEnd(8)} tier ${p.tier.padEnd(10)} ${p.userCount} users`,
    ),
    ...Object.entries(adversary).map(([op, b]) => `Adversary: ${op} answers ${b.mode}${b.intervalMs === undefined ? '' : ` (${b.intervalMs} ms a byte)`}${b.variant === undefined ? '' : ` (${b.variant})`}`),
    '',
    'Try:',
    `  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws cognito-idp list-users --endpoint-url ${emulator.url} ` +
      `--region ${DEMO_REGION} --user-pool-id ${LARGE_POOL_ID} --limit 5`,
    `  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws logs start-query --endpoint-url ${emulator.url} --region ${DEMO_REGION} ` +
      `--log-group-name ${activityLogGroupName(LARGE_POOL_ID)} --start-time $(($(date +%s)-86400)) --end-time $(date +%s) ` +
      `--query-string 'stats count(*) by message.riskDecision'`,
    `  cognito-tui --endpoint-url ${emulator.url} --region ${DEMO_REGION}`,
    '',
    'Press Ctrl+C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/**
 * `cognito-tui emulator`: starts the emulator in the foreground, prints where it listens and how to use
 * it, and runs until SIGINT/SIGTERM. Resolves with the exit code: 0 after a clean stop, 2 for bad flags,
 * 1 when the server cannot start.
 */
export async function runEmulatorCommand(argv: string[]): Promise<number> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseEmulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`cognito-tui emulator: ${error.message}\nRun "cognito-tui emulator --help" for the options.\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = error instanceof Error ? error.message : String(error);
    const reason = code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port 0 for a free one)` : detail;
    process.stderr.write(`cognito-tui emulator: could not start: ${reason}.\n`);
    return 1;
  }
  const stopped = untilSignal();
  process.stdout.write(banner(emulator, options.adversary ?? {}));
  void emulator.fillLogs();
  await stopped;
  await emulator.close();
  process.stdout.write('Emulator stopped.\n');
  return 0;
}
