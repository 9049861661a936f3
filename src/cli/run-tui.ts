import { join } from 'node:path';
import { unknownProfileMessage, type CliOptions } from './args.ts';
import { awsProfileNames } from './aws-profiles.ts';
import { exitWhenFlushed, reportCrash } from './crash-report.ts';
import { EXIT } from './exit-status.ts';
import type { SessionSettings } from '../config/apply-config.ts';
import { sessionJournal } from './session-journal.ts';
import { createLifecycle } from './session-lifecycle.ts';
import { ENTER_FULL_SCREEN, enterRawMode, restoreTerminal } from './terminal-modes.ts';
import {
  describeUnknownWrite, readUnknownWrites, saveUnknownWrites, stateDirectory, unknownWritesNotice, writesInFlight, type UnknownWrite,
} from './unknown-writes.ts';
import { withoutFetch } from './without-fetch.ts';
import { nextRequestSent, withPoolsHeadStart } from './head-start.ts';
import { yogaReady } from './yoga-ready.ts';
import type { MountedApp } from '../ui/mount.tsx';
import { createSdkGateway } from '../gateway/sdk-gateway.ts';
import { createHistoryFiles } from '../history/history-file.ts';
import type { CognitoGateway, GatewayTarget } from '../gateway/types.ts';
import { safeText } from '../ui/text.ts';

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

/** The longest the screen's loading waits for the first pool list's request to be on its way (credentials, connection). */
const HEAD_START_WAIT_MS = 250;

/** The longest the pool list painted before the app stays up while the app loads its list: then the app's frame is drawn. */
const FIRST_FRAME_WAIT_MS = 1500;

/** The longest a quit waits for StopQuery of the Logs Insights queries still running, and for their journal lines. */
const STOP_QUERIES_WAIT_MS = 3000;

/** When the demo starts exporting its pools' user activity and metrics in the background: after the first screens are drawn. */
const DEMO_FILL_AFTER_MS = 1000;

async function demoGateway(): Promise<{ gateway: CognitoGateway; close: () => Promise<void> }> {
  const { startEmulator, DEMO_REGION } = await import('../emulator/index.ts');
  const emulator = await startEmulator({ port: 0 });
  const filling = setTimeout(() => void emulator.fillLogs(), DEMO_FILL_AFTER_MS);
  const gateway = createSdkGateway({
    region: DEMO_REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  return { gateway, close: () => { clearTimeout(filling); return emulator.close(); } };
}

/** The full-screen session: the app on the terminal until it ends; returns the exit code. */
export async function runTui(opts: CliOptions, settings: SessionSettings): Promise<number> {
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
  if (process.env.NO_COLOR || opts.noColor) process.env.FORCE_COLOR = '0';
  process.removeAllListeners('warning');

  const connected = opts.demo
    ? await demoGateway()
    : { gateway: createSdkGateway({ region: opts.region, profile: opts.profile, endpoint: opts.endpoint }), close: async () => {} };
  const sent = opts.pool ? undefined : nextRequestSent(HEAD_START_WAIT_MS);
  const headStart = opts.pool ? undefined : withPoolsHeadStart(connected.gateway);
  const backend = headStart ? { ...connected, gateway: headStart.gateway } : connected;
  if (headStart && sent) await Promise.race([sent, headStart.early.then(() => {}, () => {})]);
  const early = headStart
    ? await (await import('./prepaint.ts')).prepaintPools(headStart.early, connected.gateway, opts, settings)
    : undefined;
  const loading = withoutFetch(async () => {
    const modules = await Promise.all([import('../store/app-store.ts'), import('../ui/mount.tsx')]);
    await yogaReady();
    return modules;
  });

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
      const { createProgramRunner } = await import('./run-program.ts');
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
  early?.handOver();
  enterRawMode();
  if (!early) process.stdout.write(ENTER_FULL_SCREEN);
  process.on('exit', restoreOnExit);
  early?.holdUntilFrame('▶', FIRST_FRAME_WAIT_MS, () => mounted?.redraw());
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
  const stopped = await store.getState().actions.stopQueries(STOP_QUERIES_WAIT_MS);
  if (stopped > 0) process.stdout.write(`cognito-tui: stopped ${stopped === 1 ? 'a Logs Insights query' : `${stopped} Logs Insights queries`} still running (StopQuery).\n`);
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

