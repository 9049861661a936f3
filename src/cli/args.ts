import { isRegion, regionOfPoolId } from '../command/regions.ts';
import { parseSubcommand, type Shell } from './subcommands.ts';

/** What the command line asked for. */
export interface CliOptions {
  command: 'tui' | 'emulator' | 'help' | 'version' | 'help-keys' | 'completion' | 'complete-profiles' | 'config';
  demo: boolean;
  profile?: string;
  region?: string;
  endpoint?: string;
  pool?: string;
  user?: string;
  readOnly: boolean;
  /** `--time`: the zone times are shown in; UTC by default. */
  timeZone?: 'utc' | 'local';
  /** `--quota-share`: the share of Cognito's request quotas a sweep and a paced G may use, in (0, 1]; half by default. */
  quotaShare?: number;
  /** `--journal`: the directory of the journal of writes, instead of the state directory's `journal/`. */
  journalDir?: string;
  /** `--no-journal`: record no write. */
  noJournal?: boolean;
  /** `--no-history`: neither read nor save the search and command history. */
  noHistory?: boolean;
  /** `--config PATH`: the config file, instead of $XDG_CONFIG_HOME/cognito-tui/config.yaml. */
  configPath?: string;
  /** `--theme NAME`: dark, light, high-contrast or none. */
  theme?: string;
  /** `--no-color` (or NO_COLOR): draw no colour. */
  noColor?: boolean;
  /** `--write`: allow writes for this run on a profile the config makes read-only. */
  write?: boolean;
  /** `config path` or `config init`. */
  configAction?: 'path' | 'init';
  /** Arguments after `emulator`, for the emulator's own parser. */
  emulatorArgs: string[];
  /** `completion SHELL`: the shell to write the completion script for. */
  shell?: Shell;
  /** `--log-group`: the CloudWatch Logs group that holds the pools' user activity (instead of GetLogDeliveryConfiguration). */
  logGroup?: string;
}

/** A command line that cannot run, with the sentence that says why. */
export class UsageError extends Error {}

const VALUE_FLAGS: Record<string, keyof CliOptions> = {
  '--profile': 'profile',
  '--region': 'region',
  '--endpoint-url': 'endpoint',
  '--pool': 'pool',
  '--user': 'user',
  '--time': 'timeZone',
  '--quota-share': 'quotaShare',
  '--journal': 'journalDir',
  '--config': 'configPath',
  '--theme': 'theme',
  '--log-group': 'logGroup',
};

/** Parses argv (without node and the script); throws UsageError with an actionable sentence. */
export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { command: 'tui', demo: false, readOnly: false, emulatorArgs: [] };
  if (argv[0] === 'emulator') return { ...opts, command: 'emulator', emulatorArgs: argv.slice(1) };
  if (argv[0] === 'config') return configCommand(argv.slice(1), opts);
  const subcommand = parseSubcommand(argv, (message) => { throw new UsageError(message); });
  if (subcommand) return { ...opts, ...subcommand };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { ...opts, command: 'help' };
    if (flag === '--version' || flag === '-V') return { ...opts, command: 'version' };
    if (flag === '--demo') opts.demo = true;
    else if (flag === '--read-only') opts.readOnly = true;
    else if (flag === '--no-journal') opts.noJournal = true;
    else if (flag === '--no-history') opts.noHistory = true;
    else if (flag === '--no-color') opts.noColor = true;
    else if (flag === '--write') opts.write = true;
    else if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value, e.g. ${flag} ${example(flag)}`);
      }
      (opts as unknown as Record<string, string | number>)[VALUE_FLAGS[flag]] = flag === '--quota-share' ? quotaShare(value) : value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg}. Run cognito-tui --help for the options.`);
    } else {
      throw new UsageError(`Unexpected argument "${arg}". Run cognito-tui --help for usage.`);
    }
  }
  return validate(opts);
}

/** `config path|init [--config PATH]`. */
function configCommand(argv: string[], opts: CliOptions): CliOptions {
  const action = argv[0];
  if (action !== 'path' && action !== 'init') throw new UsageError(`cognito-tui config takes path or init${action ? `, not "${action}"` : ''}: config path prints where the config is read from, config init writes a commented default there.`);
  const rest = parseArgs(argv.slice(1));
  if (rest.command !== 'tui') return rest;
  return { ...opts, command: 'config', configAction: action, configPath: rest.configPath };
}

function example(flag: string): string {
  return { '--config': '~/cognito.yaml', '--theme': 'light', '--profile': 'my-profile', '--region': 'eu-west-1', '--endpoint-url': 'http://127.0.0.1:9229', '--pool': 'eu-west-1_AbCdEf123', '--user': 'alice@example.com', '--time': 'local', '--quota-share': '0.25', '--journal': './incident-journal' }[flag] ?? 'VALUE';
}

function quotaShare(text: string): number {
  const share = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(share >= 0.05 && share <= 1)) {
    throw new UsageError(`--quota-share takes a fraction from 0.05 to 1 (e.g. 0.25 for a quarter of each quota), not "${text}".`);
  }
  return share;
}

/** Checks a command line (or one the config filled in): throws UsageError with what to change. */
export function validate(opts: CliOptions): CliOptions {
  if (opts.region && !isRegion(opts.region)) {
    throw new UsageError(`"${opts.region}" is not an AWS region name. Use one like us-east-1 or eu-west-2.`);
  }
  if (opts.timeZone !== undefined && opts.timeZone !== 'utc' && opts.timeZone !== 'local') {
    throw new UsageError(`--time takes utc or local, not "${opts.timeZone}". UTC is the default; --time local shows local time with its offset.`);
  }
  if (opts.write && opts.readOnly) throw new UsageError('--write and --read-only contradict each other: keep one.');
  if (opts.logGroup !== undefined && !/^[\w\-/.#]{1,512}$/.test(opts.logGroup)) {
    throw new UsageError(`--log-group takes a CloudWatch Logs group name (letters, digits and _ - / . #), not "${opts.logGroup.slice(0, 40)}".`);
  }
  if (opts.noJournal && opts.journalDir) throw new UsageError('--journal DIR and --no-journal contradict each other: keep one.');
  if (opts.pool) {
    const poolRegion = regionOfPoolId(opts.pool);
    if (!poolRegion) throw new UsageError(`"${opts.pool}" is not a user pool id. Pool ids look like eu-west-1_AbCdEf123.`);
    if (opts.region && opts.region !== poolRegion && !opts.demo) {
      throw new UsageError(`Pool ${opts.pool} is in ${poolRegion}, but --region is ${opts.region}. Drop --region or fix it.`);
    }
    if (!opts.region && !opts.demo) opts.region = poolRegion;
  }
  if (opts.endpoint) {
    try {
      const u = new URL(opts.endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new UsageError(`--endpoint-url "${opts.endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:9229`);
    }
  }
  if (opts.demo && (opts.profile || opts.endpoint)) {
    throw new UsageError('--demo uses the built-in emulator: drop --profile and --endpoint-url, or drop --demo.');
  }
  return opts;
}

/** After the config is read: --user needs a pool, from --pool or the config's `pool` (not the demo's: it takes none from the config). */
export function checkUserHasPool(opts: CliOptions): CliOptions {
  if (opts.user && !opts.pool) {
    throw new UsageError(`--user needs --pool: the pool the user is in, e.g. --pool eu-west-1_AbCdEf123 --user alice${opts.demo ? '' : ' (or pool: in the config file)'}`);
  }
  return opts;
}

/**
 * Why a named AWS profile cannot be used, when it is in neither the config nor the credentials file (the SDK
 * itself only says it could not load credentials); undefined when it is there, or when no profile was named.
 */
export function unknownProfileMessage(profile: string | undefined, known: readonly string[], env: Record<string, string | undefined>): string | undefined {
  if (!profile || known.includes(profile)) return undefined;
  const files = [...new Set([env.AWS_CONFIG_FILE || '~/.aws/config', env.AWS_SHARED_CREDENTIALS_FILE || '~/.aws/credentials'])].join(' or ');
  const from = env.AWS_PROFILE === profile ? ' (from AWS_PROFILE)' : '';
  const choices = known.length > 0 ? ` Profiles there: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.` : ' No profiles are defined there.';
  return `AWS profile "${profile}"${from} is not in ${files}.${choices} Run aws configure --profile ${profile} (or aws configure sso), pass another --profile, or try --demo.`;
}
