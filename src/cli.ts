import { createRequire } from 'node:module';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli/args.ts';
import { awsProfileNames } from './cli/aws-profiles.ts';
import { createSdkGateway } from './gateway/sdk-gateway.ts';
import type { CognitoGateway } from './gateway/types.ts';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

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
  const [{ render }, React, { App }, { createAppStore }] = await Promise.all([
    import('ink'), import('react'), import('./ui/App.tsx'), import('./store/app-store.ts'),
  ]);
  const store = createAppStore({
    gateway: backend.gateway,
    readOnly: opts.readOnly,
    connect: opts.demo ? undefined : (t) => createSdkGateway({ region: t.region.startsWith('(') ? undefined : t.region, profile: t.profile, endpoint: opts.endpoint }),
    profiles: () => awsProfileNames(),
    writeToTerminal: (bytes) => { process.stdout.write(bytes); },
  });
  if (opts.pool) store.getState().actions.openDeepLink(opts.pool, opts.user);
  else store.getState().actions.push({ view: 'pools' });

  process.stdout.write(ENTER_ALT_SCREEN);
  const restore = () => process.stdout.write(LEAVE_ALT_SCREEN);
  process.on('exit', restore);
  const app = render(React.createElement(App, { store }), {
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: 60,
  });
  const onSignal = () => app.unmount();
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  try {
    await app.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
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
      process.stderr.write(`cognito-tui: ${error.message}\n`);
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
  (code) => process.exit(code),
  (error: unknown) => {
    if (process.stdout.isTTY) process.stdout.write(LEAVE_ALT_SCREEN);
    process.stderr.write(`cognito-tui: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
