/** What `cognito-tui config init` writes: every setting, commented out, so the file starts as the defaults. */
export const DEFAULT_CONFIG_TEXT = `# cognito-tui configuration. Every key is optional; command-line flags win over this file.
# Uncomment what you want to change. A key this file does not know, or a value of the wrong type, stops
# cognito-tui at start-up with the line and the key (exit status 2).

# The AWS profile, region and pool to start with (AWS_PROFILE wins over profile, flags win over all three).
# profile: prod
# region: eu-west-1
# pool: eu-west-1_AbCdEf123

# Times in utc (default) or local (with the offset).
# time: utc

# dark (default), light, high-contrast or none; or a base theme with some of its colours replaced. Colours:
# accent, danger, warn, ok, special, muted, badgeText, badgeBack; values are names (red, cyanBright) or #rrggbb.
# theme: dark
# theme:
#   base: light
#   colors:
#     accent: "#005f87"

# Key remaps: per view or global (every view). A value is one key or a list: D, ctrl+d, [J, down].
# The views and the actions of each, with their keys, are listed at the end of this file.
# keys:
#   global:
#     quit: Q
#   users:
#     disable: D

# Command aliases: what the first word after : expands to.
# aliases:
#   u: user
#   prod: profile prod

# Custom commands: run a program on the selection. Each argument of run is filled in on its own (never through a
# shell): {{.Username}} {{.Sub}} {{.Email}} {{.PoolId}} {{.Region}} {{.Profile}} {{.EventId}} {{.IpAddress}}.
# output: suspend (the program gets the terminal, like less) or background (its exit status is flashed).
# commands:
#   - name: whois the sign-in IP
#     key: W
#     command: whois
#     views: [events, event]
#     run: whois {{.IpAddress}}
#     confirm: false
#     output: suspend

# Where the journal of writes goes (--journal wins).
# journalDir: ~/incidents/journal

# Per pool: its CloudWatch Logs group, the users list's columns and order
# (username, email, name, status, enabled, created), the attribute / searches by default.
# pools:
#   eu-west-1_AbCdEf123:
#     logGroup: /aws/cognito/userpools/eu-west-1_AbCdEf123
#     columns: [username, email, status, created]
#     searchAttribute: email

# Per AWS profile: read-only by default (--write allows writes for one run), its region.
# profiles:
#   prod:
#     readOnly: true
#     region: eu-west-1
`;

/** The default config text for `config init`, ending with every action name that `keys:` can remap, by view. */
export async function defaultConfigText(): Promise<string> {
  const [{ actionName }, { GLOBAL_KEYS }, { VIEWS }] = await Promise.all([
    import('../keys/remap.ts'), import('../keys/global-keys.ts'), import('../views/registry.ts'),
  ]);
  const line = (scope: string, bindings: readonly { keys: string[] }[]) =>
    `#   ${scope}: ${bindings.filter((b) => b.keys.length > 0).map((b) => `${actionName(b as never)} (${b.keys.join(' ')})`).join(', ')}`;
  const lines = [line('global', GLOBAL_KEYS.bindings), ...VIEWS.map((v) => line(v.name, v.keys))];
  return `${DEFAULT_CONFIG_TEXT}\n# The actions \`keys:\` can remap, with their keys today:\n${lines.join('\n')}\n`;
}
