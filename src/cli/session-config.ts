import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyConfig, type SessionSettings } from '../config/apply-config.ts';
import { configPath } from '../config/config-path.ts';
import { ConfigError, type LoadedConfig } from '../config/config-types.ts';
import type { CliOptions } from './args.ts';
import { checkUserHasPool, UsageError, validate } from './args.ts';
import { THEMES } from '../ui/theme.ts';
import { withoutFetch } from './without-fetch.ts';

/**
 * The command line with the config file's settings filled in, and the session's settings. The YAML and schema
 * libraries are loaded only when there is a file to read: a start without one costs an existsSync.
 * Throws ConfigError (one line: file, line, key) or UsageError.
 */
export async function sessionConfig(opts: CliOptions, env: Record<string, string | undefined> = process.env): Promise<{ opts: CliOptions; settings: SessionSettings; loaded?: LoadedConfig }> {
  if (opts.theme !== undefined && !(opts.theme in THEMES)) throw new UsageError(`--theme takes ${Object.keys(THEMES).join(', ')}, not "${opts.theme}".`);
  const file = configPath(opts.configPath, env);
  let loaded: LoadedConfig | undefined;
  if (existsSync(file) || opts.configPath) {
    const { loadConfig } = await import('../config/load-config.ts');
    loaded = loadConfig(file);
    if (!loaded && opts.configPath) throw new ConfigError(`${file}: no such file (given by --config). cognito-tui config init --config ${file} writes a commented default there.`);
  }
  const applied = applyConfig(opts, loaded?.config ?? {}, env);
  const { keys, aliases, commands } = applied.settings.config;
  if (loaded && (Object.keys(keys).length > 0 || Object.keys(aliases).length > 0 || commands.length > 0)) {
    const { checkConfig } = await withoutFetch(() => import('../config/check-config.ts'));
    checkConfig(loaded, applied.settings.config);
  }
  return { ...applied, opts: checkUserHasPool(loaded ? validate(applied.opts) : applied.opts), loaded };
}

/** `cognito-tui config path` and `config init`: where the config is read from, or a commented default written there. */
export async function runConfigCommand(opts: CliOptions, out: (text: string) => void, env: Record<string, string | undefined> = process.env): Promise<void> {
  const file = configPath(opts.configPath, env);
  if (opts.configAction === 'path') {
    out(`${file}${existsSync(file) ? '' : ' (not there yet: the defaults apply; cognito-tui config init writes one)'}\n`);
    return;
  }
  if (existsSync(file)) throw new ConfigError(`${file} already exists; nothing was written (move it away first to get a fresh default).`);
  const { defaultConfigText } = await import('../config/default-config.ts');
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await defaultConfigText(), { flag: 'wx' });
  } catch (error) {
    throw new ConfigError(`${file}: could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  out(`Wrote a commented default config to ${file}\n`);
}
