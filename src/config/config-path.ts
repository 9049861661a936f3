import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the config file is read from: `--config PATH`, else $XDG_CONFIG_HOME/cognito-tui/config.yaml, else ~/.config/cognito-tui/config.yaml. */
export function configPath(flag: string | undefined, env: Record<string, string | undefined> = process.env, home: () => string = homedir): string {
  if (flag) return flag;
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home(), '.config');
  return join(base, 'cognito-tui', 'config.yaml');
}
