import { COGNITO_REGIONS } from '../command/regions.ts';
import { FLAG_GROUPS, type FlagDoc } from './help-text.ts';
import type { Shell } from './subcommands.ts';

/** The words that may follow `cognito-tui` first, and what each of them takes next. */
const SUBCOMMANDS: Record<string, string[]> = {
  emulator: [],
  completion: ['bash', 'zsh', 'fish'],
  help: ['keys'],
  config: ['path', 'init'],
};

const FLAGS: FlagDoc[] = FLAG_GROUPS.flatMap((g) => g.flags);

function words(list: readonly string[]): string {
  return list.join(' ');
}

/** The flag's description cut to its first clause, without the characters the shells' syntax gives a meaning to. */
function summary(f: FlagDoc): string {
  return f.text.split(/ \(|, e\.g\.| \u2014/)[0].replace(/: /g, ' – ').replace(/'/g, '’').replace(/[[\]:"`\\$]/g, '');
}

function valueList(f: FlagDoc): readonly string[] | undefined {
  if (Array.isArray(f.values)) return f.values;
  return f.values === 'region' ? COGNITO_REGIONS : undefined;
}

function bashScript(): string {
  const valueCases = FLAGS.filter((f) => f.value).map((f) => {
    const list = valueList(f);
    const reply = list ? `COMPREPLY=($(compgen -W "${words(list)}" -- "$cur"))`
      : f.values === 'profile' ? 'local IFS=$\'\\n\'; COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete profiles 2>/dev/null)" -- "$cur"))'
        : f.values === 'directory' ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur"))'
          : f.values === 'file' ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
            : ':';
    return `    ${f.flag}) ${reply}; return 0 ;;`;
  });
  const subcases = Object.entries(SUBCOMMANDS).map(([name, next]) =>
    `    ${name}) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "${words(next)}" -- "$cur")); return 0 ;;`);
  const flagWords = FLAGS.flatMap((f) => (f.alias ? [f.alias, f.flag] : [f.flag]));
  return `# cognito-tui completion for bash (plain bash; the bash-completion package is not needed).
# Load it now:    source <(cognito-tui completion bash)
# Or for good:    cognito-tui completion bash > ~/.local/share/bash-completion/completions/cognito-tui
#                 (or add the source line to ~/.bashrc)
_cognito_tui() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev=""
  [[ $COMP_CWORD -gt 0 ]] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" && $COMP_CWORD -gt 1 ]]; then
    prev="\${COMP_WORDS[COMP_CWORD-2]}"
  fi
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 && $cur != -* ]]; then
    COMPREPLY=($(compgen -W "${words(Object.keys(SUBCOMMANDS))}" -- "$cur"))
    return 0
  fi
  case "\${COMP_WORDS[1]}" in
${subcases.join('\n')}
  esac
  case "$prev" in
${valueCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "${words(flagWords)}" -- "$cur"))
}
complete -F _cognito_tui cognito-tui
`;
}

function zshSpec(f: FlagDoc): string {
  const list = valueList(f);
  const action = !f.value ? '' : list ? `:${f.value}:(${words(list)})`
    : f.values === 'profile' ? ':profile:_cognito_tui_profiles'
      : f.values === 'directory' ? ':directory:_files -/'
        : f.values === 'file' ? ':file:_files'
          : `:${f.value}: `;
  const names = f.alias ? `'(${f.alias} ${f.flag})'{${f.alias},${f.flag}}` : `'${f.flag}`;
  return `    ${names}${f.alias ? "'" : ''}[${summary(f)}]${action}'`;
}

function zshScript(): string {
  const subcases = Object.entries(SUBCOMMANDS).map(([name, next]) =>
    `    ${name}) (( CURRENT == 3 )) && compadd -- ${words(next)}; return ;;`);
  return `#compdef cognito-tui
# cognito-tui completion for zsh.
# Load it now:    source <(cognito-tui completion zsh)      (after compinit)
# Or for good:    cognito-tui completion zsh > "\${fpath[1]}/_cognito-tui"   then start a new shell
_cognito_tui_profiles() {
  local -a profiles
  profiles=(\${(f)"$(\${words[1]} __complete profiles 2>/dev/null)"})
  compadd -a profiles
}
_cognito_tui() {
  if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then
    compadd -- ${words(Object.keys(SUBCOMMANDS))}
    return
  fi
  case $words[2] in
${subcases.join('\n')}
  esac
  _arguments -s \\
${FLAGS.map(zshSpec).join(' \\\n')}
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _cognito_tui "$@"
else
  compdef _cognito_tui cognito-tui
fi
`;
}

function fishLine(f: FlagDoc): string {
  const list = valueList(f);
  const short = f.alias ? ` -s ${f.alias.slice(1)}` : '';
  const value = !f.value ? '' : list ? ` -x -a '${words(list)}'`
    : f.values === 'profile' ? " -x -a '(__cognito_tui_profiles)'"
      : f.values === 'directory' ? " -x -a '(__fish_complete_directories (commandline -ct))'"
        : f.values === 'file' ? ' -r -F'
          : ' -x';
  return `complete -c cognito-tui${short} -l ${f.flag.slice(2)}${value} -d '${summary(f)}'`;
}

function fishScript(): string {
  const subs = Object.keys(SUBCOMMANDS);
  const subLines = Object.entries(SUBCOMMANDS).filter(([, next]) => next.length > 0).map(([name, next]) =>
    `complete -c cognito-tui -n '__fish_seen_subcommand_from ${name}' -a '${words(next)}'`);
  return `# cognito-tui completion for fish.
# Load it now:    cognito-tui completion fish | source
# Or for good:    cognito-tui completion fish > ~/.config/fish/completions/cognito-tui.fish
function __cognito_tui_profiles
    set -l cmd (commandline -opc)[1]
    $cmd __complete profiles 2>/dev/null
end
complete -c cognito-tui -f
complete -c cognito-tui -n 'not __fish_seen_subcommand_from ${words(subs)}' -a '${words(subs)}'
${subLines.join('\n')}
${FLAGS.map(fishLine).join('\n')}
`;
}

/** The completion script `cognito-tui completion SHELL` prints: flags, subcommands, and the values of --profile, --region, --theme, --time. */
export function completionScript(shell: Shell): string {
  if (shell === 'bash') return bashScript();
  if (shell === 'zsh') return zshScript();
  return fishScript();
}
