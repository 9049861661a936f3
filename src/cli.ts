import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, unknownProfileMessage, UsageError, type CliOptions } from './cli/args.ts';
import { awsProfileNames } from './cli/aws-profiles.ts';
import { enableCompileCache } from './cli/compile-cache.ts';
import { EXIT } from './cli/exit-status.ts';
import type { SessionSettings } from './config/apply-config.ts';
import { sessionJournal } from './cli/session-journal.ts';
import { createLifecycle } from './cli/session-lifecycle.ts';
import { ENTER_FULL_SCREEN, enterRawMode, restoreTerminal } from './cli/terminal-modes.ts';
import {
  describeUnknownWrite, readUnknownWrites, saveUnknownWrites, stateDirectory, unknownWritesNotice, writesInFlight, type UnknownWrite,
} from './cli/unknown-writes.ts';
import { withoutFetch } from './cli/without-fetch.ts';
import { withPoolsHeadStart } from './cli/head-start.ts';
import type { MountedApp } from './ui/mount.tsx';
import { createSdkGateway } from './gateway/sdk-gateway.ts';
import { createHistoryFiles } from './history/history-file.ts';
import type { CognitoGateway, GatewayTarget } from './gateway/types.ts';
import { safeText } from './ui/text.ts';

/**
 * Reports a failure nobody expected in one line (its stack goes to a file, never to the screen), after giving
 * the terminal back.
 */
function reportCrash(error: unknown): void {
  restoreTerminal();
  const message = error instanceof Error ? error.message : String(error);
  const log = join(tmpdir(), `cognito-tui-crash-${process.pid}.log`);
  let details = '';
  try {
    writeFileSync(log, `${new Date().toISOString()}\n${error instanceof Error ? error.stack ?? message : message}\n`);
    details = ` Details are in ${log}.`;
  } catch {
    details = '';
  }
  process.stderr.write(`cognito-tui: internal error: ${safeText(message)}.${details} Please report it with what you did just before.\n`);
}

/** Exits once what was written to the terminal has gone out (a TTY write can still be queued), or after a second. */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    try {
      stream.write('', done);
    } catch {
      done();
    }
  }
  setTimeout(() => process.exit(code), 1000).unref();
}

/** The profile the SDK would use, when one is named by --profile or AWS_PROFILE. */
function namedProfile(opts: CliOptions): string | undefined {
  const profile = opts.profile ?? (process.env.AWS_PROFILE || undefined);
  return profile === 'default' && !opts.profile ? undefined : profile;
}

/** A gateway for another region or profile (`:region`, `:profile`); an unknown profile is refused with the reason. */
function connectTo(opts: CliOptions): (target: GatewayTarget) => CognitoGateway {
  return (t) => {
    const problem = t.profile === opts.profile ? undefined : unknownProfileMessage(t.profile, awsProfileNames(), process.env);
    if (problem) throw new Error(problem);
    return createSdkGateway({ region: t.region, profile: t.profile, endpoint: opts.endpoint });
  };
}

function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** When the demo starts exporting its pools' user activity and metrics in the background: after the first screens are drawn. */
const DEMO_FILL_AFTER_MS = 1000;

async function demoGateway(): Promise<{ gateway: CognitoGateway; close: () => Promise<void> }> {
  const { startEmulator, DEMO_REGION } = await import('./emulator/index.ts');
  const emulator = await startEmulator({ port: 0 });
  const filling = setTimeout(() => void emulator.fillLogs(), DEMO_FILL_AFTER_MS);
  const gateway = createSdkGateway({
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  return { gateway, close: () => { clearTimeout(filling); return emulator.close(); } };
}

async function runTui(opts: CliOptions, settings: SessionSettings): Promise<number> {
  enableCompileCache();
  const profileProblem = opts.demo ? undefined : unknownProfileMessage(namedProfile(opts), awsProfileNames(), process.env);
  if (profileProblem) {
    process.stderr.write(`cognito-tui: ${safeText(profileProblem)}\n`);
    return EXIT.usage;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('cognito-tui needs an interactive terminal: stdin and stdout must be a TTY. Run it directly in a terminal (not piped); for scripts, use the AWS CLI or `cognito-tui emulator`.\n');
    return EXIT.usage;
  }
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = '0';
  process.removeAllListeners('warning');

  const connected = opts.demo
    ? await demoGateway()
    : { gateway: createSdkGateway({ region: opts.region, profile: opts.profile, endpoint: opts.endpoint }), close: async () => {} };
  const backend = opts.pool ? connected : { ...connected, gateway: withPoolsHeadStart(connected.gateway) };
  const loading = withoutFetch(() => Promise.all([import('./store/app-store.ts'), import('./ui/mount.tsx')]));

  if (process.env.NO_COLOR || opts.noColor) process.env.FORCE_COLOR = '0';
  let mounted: MountedApp | undefined;
  const [{ createAppStore }, { mountApp }] = await loading;
  const store = createAppStore({
    gateway: backend.gateway,
    readOnly: opts.readOnly,
    timeZone: opts.timeZone,
    connect: opts.demo ? undefined : connectTo(opts),
    paceFollow: opts.demo || opts.endpoint ? false : { share: opts.quotaShare ?? 0.5 },
    ...(opts.quotaShare ? { sweepShare: opts.quotaShare } : {}),
    profiles: () => awsProfileNames(),
    writeToTerminal: (bytes) => { process.stdout.write(bytes); },
    journal: sessionJournal(opts),
    history: opts.noHistory ? undefined : createHistoryFiles(join(stateDirectory(), 'history')),
    config: settings.config,
    runProgram: async (argv, output) => {
      const { createProgramRunner } = await import('./cli/run-program.ts');
      return createProgramRunner(() => mounted && { release: mounted.hold, retake: mounted.unhold })(argv, output);
    },
    ...(opts.logGroup ? { logGroup: opts.logGroup } : {}),
  });
  if (opts.pool) store.getState().actions.openDeepLink(opts.pool, opts.user);
  else store.getState().actions.push({ view: 'pools' });
  const stateDir = stateDirectory();
  const earlier = readUnknownWrites(stateDir);

  const lifecycle = createLifecycle({
    store,
    stateDir,
    crash: (error) => {
      reportCrash(error);
      exitWhenFlushed(EXIT.internal);
    },
    exit: exitWhenFlushed,
  });
  lifecycle.attach();
  enterRawMode();
  process.stdout.write(ENTER_FULL_SCREEN);
  process.on('exit', restoreOnExit);
  const app = mountApp(store, { onSuspendKey: () => lifecycle.suspend(), theme: settings.theme });
  mounted = app;
  lifecycle.mounted(app);
  if (earlier.length > 0) store.getState().actions.flash('warn', unknownWritesNotice(earlier));
  try {
    await app.instance.waitUntilExit();
  } finally {
    lifecycle.detach();
    restoreTerminal();
    process.off('exit', restoreOnExit);
  }
  if (lifecycle.endedWith !== undefined) return lifecycle.endedWith;
  settleUnknownWrites(stateDir, earlier, writesInFlight(store.getState(), Date.now()));
  await backend.close();
  return EXIT.ok;
}

const restoreOnExit = () => restoreTerminal();

/**
 * At a normal end: lists on the main screen the unknown outcomes shown at the start (then drops them from the
 * record), and records and lists the writes this session left in flight (q pressed twice).
 */
function settleUnknownWrites(dir: string, shown: UnknownWrite[], inFlight: UnknownWrite[]): void {
  const lines: string[] = [];
  const them = shown.length === 1 ? 'it' : 'them';
  if (shown.length > 0) {
    lines.push(`cognito-tui: ${count(shown, 'write')} had an unknown outcome when an earlier session ended; check ${them} in the AWS console or with the AWS CLI:`);
    for (const w of shown) lines.push(`  - ${describeUnknownWrite(w)}`);
  }
  let where: string;
  try {
    const seen = new Set(shown.map((w) => JSON.stringify(w)));
    saveUnknownWrites(dir, [...readUnknownWrites(dir).filter((w) => !seen.has(JSON.stringify(w))), ...inFlight]);
    where = `recorded in ${dir}, shown at the next start`;
  } catch (error) {
    where = `could not record it in ${dir}: ${(error as Error).message}`;
  }
  if (inFlight.length > 0) {
    lines.push(`cognito-tui: ${count(inFlight, 'write')} ${inFlight.length === 1 ? 'was' : 'were'} still in flight when you quit; the outcome is unknown (${where}):`);
    for (const w of inFlight) lines.push(`  - ${describeUnknownWrite(w)}`);
  }
  if (lines.length > 0) process.stderr.write(`${lines.map(safeText).join('\n')}\n`);
}

function count(items: unknown[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
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
