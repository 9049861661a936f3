import { createRequire } from 'node:module';
import { parseArgs, UsageError, type CliOptions } from './cli/args.ts';
import { awsProfileNames } from './cli/aws-profiles.ts';
import { exitWhenFlushed, reportCrash } from './cli/crash-report.ts';
import { EXIT } from './cli/exit-status.ts';
import { bundleBeside, loadTui } from './cli/load-tui.ts';
import type { SessionSettings } from './config/apply-config.ts';
import { withoutFetch } from './cli/without-fetch.ts';
import { safeText } from './ui/text.ts';

function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A bad config or command line: its one line on stderr, and the usage exit status; anything else is thrown on. */
function usageFailure(error: unknown): number {
  if (!(error instanceof Error && (error.name === 'ConfigError' || error instanceof UsageError))) throw error;
  process.stderr.write(`cognito-tui: ${safeText(error.message)}\n`);
  return EXIT.usage;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cognito-tui: ${safeText(error.message)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  switch (opts.command) {
    case 'help': {
      const { helpText } = await import('./cli/help-text.ts');
      process.stdout.write(`${helpText()}\n`);
      return EXIT.ok;
    }
    case 'help-keys': {
      let config: SessionSettings['config'];
      try {
        const { sessionConfig } = await import('./cli/session-config.ts');
        config = (await sessionConfig(opts)).settings.config;
      } catch (error) {
        return usageFailure(error);
      }
      const { keysText } = await withoutFetch(() => import('./cli/help-keys.ts'));
      process.stdout.write(`${keysText(config)}\n`);
      return EXIT.ok;
    }
    case 'completion': {
      const { completionScript } = await import('./cli/completion.ts');
      process.stdout.write(completionScript(opts.shell!));
      return EXIT.ok;
    }
    case 'complete-profiles':
      process.stdout.write(awsProfileNames().map((p) => `${p}\n`).join(''));
      return EXIT.ok;
    case 'version':
      process.stdout.write(`cognito-tui ${version()}\n`);
      return EXIT.ok;
    case 'emulator': {
      const { runEmulatorCommand } = await import('./emulator/main.ts');
      return runEmulatorCommand(opts.emulatorArgs);
    }
    case 'config':
      try {
        const { runConfigCommand } = await import('./cli/session-config.ts');
        await runConfigCommand(opts, (text) => process.stdout.write(text));
        return EXIT.ok;
      } catch (error) {
        return usageFailure(error);
      }
    case 'tui': {
      let session: Awaited<ReturnType<typeof import('./cli/session-config.ts').sessionConfig>>;
      try {
        const { sessionConfig } = await import('./cli/session-config.ts');
        session = await sessionConfig(opts);
      } catch (error) {
        return usageFailure(error);
      }
      const { runTui } = await loadTui(bundleBeside(import.meta.url));
      return runTui(session.opts, session.settings);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    reportCrash(error);
    exitWhenFlushed(EXIT.internal);
  },
);
