import { homedir } from 'node:os';
import type { CliOptions } from '../cli/args.ts';
import { buildTheme, DEFAULT_THEME, THEMES, type Theme, type ThemeRole } from '../ui/theme.ts';
import { writeMode, type AppConfig, type ConfigState } from './config-types.ts';

/** What the session runs with besides the command line: the config's settings, after the flags that win over them. */
export interface SessionSettings {
  theme: Theme;
  /** Remaps, aliases, custom commands, per-pool settings (`pools.<id>.logGroup` among them) and why writes are off. */
  config: ConfigState;
}

/** The theme a session draws with: none under --no-color or NO_COLOR, else --theme, else the config's, else dark. */
function chooseTheme(opts: CliOptions, config: AppConfig, env: Record<string, string | undefined>): Theme {
  if (opts.noColor || env.NO_COLOR) return THEMES.none;
  if (opts.theme) return buildTheme(opts.theme) ?? DEFAULT_THEME;
  const t = config.theme;
  if (typeof t === 'string') return buildTheme(t) ?? DEFAULT_THEME;
  return buildTheme(t?.base ?? 'dark', t?.colors as Partial<Record<ThemeRole, string>>) ?? DEFAULT_THEME;
}

/**
 * Fills in what the command line left out from the config (flags win; AWS_PROFILE wins over the config's profile,
 * as it does over the AWS CLI's config), and makes writes off on a profile the config marks read-only unless
 * --write. The demo takes no profile, region or pool from the config: they name an account the emulator is not.
 */
export function applyConfig(opts: CliOptions, config: AppConfig, env: Record<string, string | undefined> = process.env): { opts: CliOptions; settings: SessionSettings } {
  const next: CliOptions = { ...opts };
  let modeNote: string | undefined;
  if (!opts.demo) {
    const profile = opts.profile ?? (env.AWS_PROFILE || undefined) ?? config.profile;
    if (!opts.profile && !env.AWS_PROFILE && config.profile) next.profile = config.profile;
    const perProfile = profile ? config.profiles?.[profile] : undefined;
    next.region = opts.region ?? perProfile?.region ?? config.region;
    next.pool = opts.pool ?? config.pool;
    const mode = writeMode(config.profiles, profile, { readOnly: opts.readOnly, write: opts.write });
    next.readOnly = mode.readOnly;
    modeNote = mode.modeNote;
  }
  next.timeZone = opts.timeZone ?? config.time;
  if (!opts.noJournal) next.journalDir = opts.journalDir ?? (config.journalDir?.startsWith('~/') ? homedir() + config.journalDir.slice(1) : config.journalDir);
  return {
    opts: next,
    settings: {
      theme: chooseTheme(opts, config, env),
      config: {
        keys: config.keys ?? {}, aliases: config.aliases ?? {}, commands: config.commands ?? [], pools: config.pools ?? {},
        ...(modeNote ? { modeNote } : {}),
        ...(config.profiles && !opts.demo ? { profiles: config.profiles, flags: { readOnly: opts.readOnly, write: opts.write } } : {}),
      },
    },
  };
}
