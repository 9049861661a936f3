/** How times are shown: UTC (the default) or the local zone with its offset. */
export type TimeSetting = 'utc' | 'local';

/** Key names per action name, in one view or in every view ('global'). */
export type KeyRemap = Record<string, Record<string, string[]>>;

/** What a custom command does with the terminal while its program runs. */
export type CustomOutput = 'suspend' | 'background';

/** A program the user runs on the selection, k9s-plugin style; `run` holds templates such as {{.Username}}. */
export interface CustomCommand {
  name: string;
  /** The key that runs it in its views. */
  key?: string;
  /** The `:` name that runs it. */
  command?: string;
  /** The views it applies to; every view when empty. */
  views: string[];
  /** The program and its arguments, one template per argument. */
  run: string[];
  confirm: boolean;
  output: CustomOutput;
}

/** Settings of one user pool. */
export interface PoolConfig {
  /** The CloudWatch Logs group of the pool's logs (read by the Logs Insights view). */
  logGroup?: string;
  /** The users list's columns, in order (header names in lower case: username, email, name, status, enabled, created). */
  columns?: string[];
  /** The attribute a plain `/` search matches by default. */
  searchAttribute?: string;
}

/** Settings of one AWS profile. */
export interface ProfileConfig {
  readOnly?: boolean;
  region?: string;
}

/** The config file, validated; every key is optional, and an absent file is the empty config. */
export interface AppConfig {
  profile?: string;
  region?: string;
  pool?: string;
  time?: TimeSetting;
  /** A theme name, or a base theme with some of its named colours replaced. */
  theme?: string | { base?: string; colors?: Record<string, string> };
  keys?: KeyRemap;
  /** Command alias → what it expands to (`u` → `user`, `prod` → `profile prod`). */
  aliases?: Record<string, string>;
  commands?: CustomCommand[];
  journalDir?: string;
  pools?: Record<string, PoolConfig>;
  profiles?: Record<string, ProfileConfig>;
}

/**
 * Whether writes are off for a profile, and why when the config had a say: --read-only turns them off, a profile the
 * config marks read-only does too unless --write.
 */
export function writeMode(profiles: Record<string, ProfileConfig> | undefined, profile: string | undefined, flags: { readOnly?: boolean; write?: boolean } = {}): { readOnly: boolean; modeNote?: string } {
  if (flags.readOnly) return { readOnly: true };
  if (!profile || !profiles?.[profile]?.readOnly) return { readOnly: false };
  if (flags.write) return { readOnly: false, modeNote: `writes on: --write (profile ${profile} is read-only in the config)` };
  return { readOnly: true, modeNote: `read-only: profile ${profile} (config); --write allows writes` };
}

/** A config file that cannot be used, with the one line that says where and why. */
export class ConfigError extends Error {}

/** Finds the line (1-based) of a key path in the file, when it is there. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/** A loaded config and where each of its keys is in the file. */
export interface LoadedConfig {
  file: string;
  config: AppConfig;
  lineOf: LineOf;
}

/** The one-line message for a problem at a key path: `file:line: key: problem`. */
export function configProblem(file: string, lineOf: LineOf, path: readonly (string | number)[], problem: string): string {
  const line = lineOf(path);
  const key = path.length > 0 ? path.map(String).join('.') : '(top level)';
  return `${file}${line ? `:${line}` : ''}: ${key}: ${problem}`;
}

/** What the store keeps of the config: remaps, aliases, custom commands, per-pool settings, why writes are off. */
export interface ConfigState {
  keys: KeyRemap;
  aliases: Record<string, string>;
  commands: CustomCommand[];
  pools: Record<string, PoolConfig>;
  /** Why writes are off or on, when the config had a say. */
  modeNote?: string;
  /** Per AWS profile: read-only by default, its region (a `:profile` switch applies its readOnly). */
  profiles?: Record<string, ProfileConfig>;
  /** The flags that decide writes beside the profile: --read-only (always off), --write (on whatever the profile says). */
  flags?: { readOnly?: boolean; write?: boolean };
}

/** The config state of a store built without one (tests, no config file). */
export const NO_CONFIG: ConfigState = { keys: {}, aliases: {}, commands: [], pools: {} };
