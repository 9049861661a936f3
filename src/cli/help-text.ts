import { EXIT } from './exit-status.ts';
import { THEMES as APP_THEMES } from '../ui/theme.ts';

/** What a shell completes after a flag that takes a value. */
export type FlagValues = 'profile' | 'region' | 'directory' | 'file' | readonly string[];

/** One command-line flag as `--help` lists it and the completion scripts offer it. */
export interface FlagDoc {
  flag: string;
  /** The name of its value (`P`, `DIR`), when it takes one. */
  value?: string;
  /** What a shell completes for its value; nothing when the value is free text. */
  values?: FlagValues;
  /** Another spelling (`-h`). */
  alias?: string;
  text: string;
}

/** A titled group of flags in `--help`. */
export interface FlagGroup {
  title: string;
  flags: FlagDoc[];
}

/** The themes `--theme` and the config file's `theme` take (none draws no colour), as the app knows them. */
export const THEMES: readonly string[] = Object.keys(APP_THEMES);

/** Every flag, grouped as `--help` shows them; the completion scripts are generated from the same list. */
export const FLAG_GROUPS: FlagGroup[] = [
  {
    title: 'AWS',
    flags: [
      { flag: '--profile', value: 'P', values: 'profile', text: 'AWS profile (default: AWS_PROFILE, else the default credential chain)' },
      { flag: '--region', value: 'R', values: 'region', text: 'AWS region (default: AWS_REGION, the profile\'s region, or the prefix of --pool)' },
      { flag: '--endpoint-url', value: 'URL', text: 'send Cognito calls to this endpoint, e.g. a running `cognito-tui emulator`' },
      { flag: '--demo', text: 'run against the built-in Cognito emulator (no AWS account needed)' },
    ],
  },
  {
    title: 'Where to start',
    flags: [
      { flag: '--pool', value: 'ID', text: 'open this user pool\'s users directly, e.g. eu-west-1_AbCdEf123' },
      { flag: '--user', value: 'NAME', text: 'with --pool (or the config\'s pool): open this user\'s authentication events (username, email, phone number or sub)' },
    ],
  },
  {
    title: 'Safety and records',
    flags: [
      { flag: '--read-only', text: 'never send a write (feedback, disable, sign-out, …)' },
      { flag: '--quota-share', value: 'S', text: 'share of the account\'s Cognito quotas a sweep and G may use, 0.05 to 1 (default 0.5)' },
      { flag: '--journal', value: 'DIR', values: 'directory', text: 'record every write in DIR (default: the state directory\'s journal/)' },
      { flag: '--no-journal', text: 'record no write (the header says so)' },
      { flag: '--no-history', text: 'keep the / f : history for this session only (nothing read or saved)' },
    ],
  },
  {
    title: 'Display and configuration',
    flags: [
      { flag: '--time', value: 'ZONE', values: ['utc', 'local'], text: 'show times in utc (default, 2026-11-28 14:03:27Z) or local (with the offset)' },
      { flag: '--theme', value: 'NAME', values: THEMES, text: `colour theme: ${THEMES.join(', ')} (default dark)` },
      { flag: '--no-color', text: 'no colour at all (as NO_COLOR does)' },
      { flag: '--config', value: 'PATH', values: 'file', text: 'read this config file instead of the default one' },
    ],
  },
  {
    title: 'Information',
    flags: [
      { flag: '--help', alias: '-h', text: 'show this help' },
      { flag: '--version', alias: '-V', text: 'show the version' },
    ],
  },
];

/** The subcommands, as `--help` lists them. */
export const SUBCOMMANDS: { usage: string; text: string }[] = [
  { usage: 'emulator [--port N] [--seed S] …', text: 'run the Cognito emulator on its own (cognito-tui emulator --help)' },
  { usage: 'completion bash|zsh|fish', text: 'print a shell completion script (see "Shell completion" in the README)' },
  { usage: 'help keys [--config PATH]', text: 'print the keys of every view with the config\'s remaps, as ? shows them in the app' },
  { usage: 'config path', text: 'print where the config file is read from' },
  { usage: 'config init', text: 'write a commented default config file' },
];

const FILES: [string, string][] = [
  ['~/.aws/config, ~/.aws/credentials', 'profiles, regions and credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE move them)'],
  ['$XDG_CONFIG_HOME/cognito-tui/config.yaml', 'the config file (default ~/.config/cognito-tui/config.yaml; --config overrides)'],
  ['$XDG_STATE_HOME/cognito-tui/journal/', 'the journal of writes, one JSON Lines file per UTC day (default ~/.local/state/…)'],
  ['$XDG_STATE_HOME/cognito-tui/history/', 'the history of the / search, f filter and : command lines, one file per pool, mode 0600'],
  ['$XDG_STATE_HOME/cognito-tui/unknown-writes.json', 'writes still in flight when a session ended, shown at the next start'],
];

const ENVIRONMENT: [string, string][] = [
  ['AWS_PROFILE', 'the profile when --profile is not given'],
  ['AWS_REGION, AWS_DEFAULT_REGION', 'the region when --region is not given'],
  ['AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', 'an endpoint for Cognito calls when --endpoint-url is not given'],
  ['AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN', 'static credentials (the SDK\'s default chain)'],
  ['AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE', 'where the AWS config and credentials files are'],
  ['NO_COLOR', 'no colour at all when set to anything'],
  ['XDG_CONFIG_HOME, XDG_STATE_HOME', 'where the config file and the state directory are (absolute paths only)'],
  ['TMUX, STY', 'inside tmux or screen, a copy goes through the multiplexer'],
  ['TZ', 'the zone of --time local'],
];

const EXITS: [number, string][] = [
  [EXIT.ok, 'quit normally (q), or --help, --version, help keys, completion'],
  [EXIT.usage, 'bad command line (unknown flag, bad value, unknown shell), unknown profile, or no terminal'],
  [EXIT.internal, 'internal error (one line on stderr, details in a crash log)'],
  [EXIT.hangup, 'hang-up: the terminal closed or the SSH connection dropped'],
  [EXIT.interrupted, 'SIGINT sent from outside (Ctrl-C in the app quits with 0)'],
  [EXIT.terminated, 'SIGTERM'],
];

function flagLabel(f: FlagDoc): string {
  return `${f.alias ? `${f.alias}, ` : ''}${f.flag}${f.value ? ` ${f.value}` : ''}`;
}

function table(rows: [string, string][], indent: string, width = Math.max(...rows.map(([left]) => left.length))): string[] {
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`);
}

function stacked(rows: [string, string][]): string[] {
  return rows.flatMap(([left, right]) => [`  ${left}`, `      ${right}`]);
}

/** The text of `cognito-tui --help`. */
export function helpText(): string {
  const lines = [
    'cognito-tui — browse Amazon Cognito user pools, users and authentication events',
    '',
    'Usage:',
    '  cognito-tui [flags]',
    '  cognito-tui <command> [arguments]',
    '',
    'Flags:',
  ];
  const width = Math.max(...FLAG_GROUPS.flatMap((g) => g.flags.map((f) => flagLabel(f).length)));
  for (const group of FLAG_GROUPS) {
    lines.push(`  ${group.title}:`, ...table(group.flags.map((f) => [flagLabel(f), f.text]), '    ', width));
  }
  lines.push('', 'Commands:', ...table(SUBCOMMANDS.map((c) => [c.usage, c.text]), '  '));
  lines.push('', 'Files:', ...stacked(FILES));
  lines.push('', 'Environment:', ...stacked(ENVIRONMENT));
  lines.push('', 'Exit status:', ...table(EXITS.map(([code, text]) => [String(code), text]), '  '));
  lines.push('', 'Keys: arrows or j/k move, enter opens, esc goes back, ? shows every key, q quits. cognito-tui help keys lists them all.');
  return lines.join('\n');
}
