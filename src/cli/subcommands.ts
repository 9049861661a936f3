/** The shells `cognito-tui completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** A shell `cognito-tui completion` writes a script for. */
export type Shell = (typeof SHELLS)[number];

/** What `help …`, `completion …` and the completion scripts' own `__complete …` ask for. */
export type Subcommand =
  | { command: 'help' }
  | { command: 'help-keys'; configPath?: string }
  | { command: 'completion'; shell: Shell }
  | { command: 'complete-profiles' };

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

function shellList(): string {
  return `${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`;
}

function noMore(rest: string[], usage: string, fail: (message: string) => never): void {
  if (rest.length > 0) fail(`Unexpected argument "${rest[0]}" after ${usage}.`);
}

/** `help keys` takes `--config PATH` (or `--config=PATH`), the file whose remaps and custom commands it shows. */
function configFlag(rest: string[], fail: (message: string) => never): { configPath?: string } {
  if (rest.length === 0) return {};
  const [flag, value, ...more] = rest;
  if (flag.startsWith('--config=') && value === undefined && flag.length > '--config='.length) return { configPath: flag.slice('--config='.length) };
  if (flag === '--config') {
    if (value === undefined || value === '') return fail('--config needs a value, e.g. cognito-tui help keys --config ~/cognito.yaml');
    noMore(more, `help keys --config ${value}`, fail);
    return { configPath: value };
  }
  return fail(`Unexpected argument "${flag}" after help keys (it takes --config PATH).`);
}

/**
 * The subcommand `argv` starts with (`help`, `help keys`, `completion SHELL`), or undefined when it starts with
 * none; `fail` throws the usage error for a line that cannot run.
 */
export function parseSubcommand(argv: string[], fail: (message: string) => never): Subcommand | undefined {
  const [first, second, ...rest] = argv;
  if (first === 'help') {
    if (second === undefined) return { command: 'help' };
    if (second !== 'keys') return fail(`Unknown help topic "${second}". Try cognito-tui help keys, or cognito-tui --help.`);
    return { command: 'help-keys', ...configFlag(rest, fail) };
  }
  if (first === 'completion') {
    if (second === undefined) return fail(`completion needs a shell: ${shellList()}, e.g. cognito-tui completion bash.`);
    if (!isShell(second)) return fail(`completion takes ${shellList()}, not "${second}", e.g. cognito-tui completion zsh.`);
    noMore(rest, `completion ${second}`, fail);
    return { command: 'completion', shell: second };
  }
  if (first === '__complete' && second === 'profiles') return { command: 'complete-profiles' };
  return undefined;
}
