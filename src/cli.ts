import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, unknownProfileMessage, USAGE, UsageError, type CliOptions } from './cli/args.ts';
import { awsProfileNames } from './cli/aws-profiles.ts';
import { withoutFetch } from './cli/without-fetch.ts';
import { createSdkGateway } from './gateway/sdk-gateway.ts';
import type { CognitoGateway, GatewayTarget } from './gateway/types.ts';
import { safeText } from './ui/text.ts';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** Puts the terminal back as it was: main screen, cursor shown, line mode. */
function restoreTerminal(): void {
  if (process.stdout.isTTY) process.stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
}

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
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
  setTimeout(() => process.exit(code), 1000).unref();
}

/** Unmounts the running app, so that no frame is drawn after the terminal has been given back. */
let stopApp: (() => void) | undefined;

function onFatal(error: unknown): void {
  try {
    stopApp?.();
  } catch {
    stopApp = undefined;
  }
  reportCrash(error);
  exitWhenFlushed(70);
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

async function demoGateway(): Promise<{ gateway: CognitoGateway; close: () => Promise<void> }> {
  const { startEmulator, DEMO_REGION } = await import('./emulator/index.ts');
  const emulator = await startEmulator({ port: 0 });
  const gateway = createSdkGateway({
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  return { gateway, close: () => emulator.close() };
}

async function runTui(opts: CliOptions): Promise<number> {
  const profileProblem = opts.demo ? undefined : unknownProfileMessage(namedProfile(opts), awsProfileNames(), process.env);
  if (profileProblem) {
    process.stderr.write(`cognito-tui: ${safeText(profileProblem)}\n`);
    return 2;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('cognito-tui needs an interactive terminal: stdin and stdout must be a TTY. Run it directly in a terminal (not piped); for scripts, use the AWS CLI or `cognito-tui emulator`.\n');
    return 1;
  }
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = '0';
  process.removeAllListeners('warning');

  const backend = opts.demo
    ? await demoGateway()
    : { gateway: createSdkGateway({ region: opts.region, profile: opts.profile, endpoint: opts.endpoint }), close: async () => {} };

  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const { createAppStore } = await import('./store/app-store.ts');
  const store = createAppStore({
    gateway: backend.gateway,
    readOnly: opts.readOnly,
    timeZone: opts.timeZone,
    connect: opts.demo ? undefined : connectTo(opts),
    profiles: () => awsProfileNames(),
    writeToTerminal: (bytes) => { process.stdout.write(bytes); },
  });
  if (opts.pool) store.getState().actions.openDeepLink(opts.pool, opts.user);
  else store.getState().actions.push({ view: 'pools' });
  const { mountApp } = await withoutFetch(() => import('./ui/mount.tsx'));

  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  process.stdout.write(ENTER_ALT_SCREEN);
  process.on('exit', restoreTerminal);
  const app = mountApp(store);
  stopApp = () => app.unmount();
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, stopApp);
  try {
    await app.waitUntilExit();
  } finally {
    restoreTerminal();
    process.off('exit', restoreTerminal);
    await backend.close();
  }
  return 0;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cognito-tui: ${safeText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  switch (opts.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`cognito-tui ${version()}\n`);
      return 0;
    case 'emulator': {
      const { runEmulatorCommand } = await import('./emulator/main.ts');
      return runEmulatorCommand(opts.emulatorArgs);
    }
    case 'tui':
      return runTui(opts);
  }
}

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    reportCrash(error);
    exitWhenFlushed(1);
  },
);
