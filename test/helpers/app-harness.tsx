import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { createSdkGateway, type SdkGatewayOptions } from '../../src/gateway/sdk-gateway.ts';
import type { CognitoGateway } from '../../src/gateway/types.ts';
import { createAppStore, type AppStore, type StoreDeps } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import type { Theme } from '../../src/ui/theme.ts';
import { keyCode } from './key-codes.ts';
import { waitFor } from './wait-for.ts';

/** The app rendered by ink-testing-library, talking to a fresh emulator through the real SDK. */
export interface AppHarness {
  emulator: RunningEmulator;
  store: AppStore;
  frame(): string;
  /** Every frame drawn so far, oldest first. */
  frames(): string[];
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Presses `key` (which opens a prompt: '/', ':', 'f'), types `text` and presses enter. */
  submit(key: string, text: string): Promise<void>;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Operations the emulator received, in order, without the risk pulse's GetMetricData (the pool header reads it in
   * the background); count('GetMetricData') still counts those.
   */
  operations(): string[];
  /** How many `operation` requests the emulator has answered. */
  count(operation: string): number;
  close(): Promise<void>;
}

/** How to start the app under test. */
export interface AppOptions {
  emulator?: EmulatorOptions; readOnly?: boolean; columns?: number; rows?: number;
  deepLink?: { pool: string; user?: string }; maxReadAttempts?: number;
  /** Extra store dependencies (terminal writer, export directory, sweep share…). */
  deps?: Partial<Omit<StoreDeps, 'gateway'>>;
  /** The endpoint the app talks to, given the emulator's URL (a proxy in front of it); the emulator itself by default. */
  endpoint?: (emulatorUrl: string) => Promise<string>;
  /** Gateway settings on top of the harness's own (deadlines, retries). */
  gateway?: Partial<SdkGatewayOptions>;
  /** Wraps the gateway the app is given, e.g. to record the calls the app makes before any reaches the emulator. */
  wrapGateway?: (gateway: CognitoGateway) => CognitoGateway;
  /** The colours the app draws with (dark when absent). */
  theme?: Theme;
}

/** Starts an emulator and renders the app against it. */
export async function startApp(opts: AppOptions = {}): Promise<AppHarness> {
  const emulator = await startEmulator({ port: 0, ...opts.emulator });
  const endpoint = opts.endpoint ? await opts.endpoint(emulator.url) : emulator.url;
  const sdkGateway = createSdkGateway({
    region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxReadAttempts: opts.maxReadAttempts, writeRetryDelaysMs: [5, 10, 20], ...opts.gateway,
  });
  const gateway = opts.wrapGateway ? opts.wrapGateway(sdkGateway) : sdkGateway;
  const exportDir = mkdtempSync(join(tmpdir(), 'cognito-tui-test-export-'));
  const store = createAppStore({ gateway, readOnly: opts.readOnly, flashMs: 60_000, exportDir, ...opts.deps });
  if (opts.deepLink) store.getState().actions.openDeepLink(opts.deepLink.pool, opts.deepLink.user);
  else store.getState().actions.push({ view: 'pools' });
  const app = render(<App store={store} columns={opts.columns ?? 120} rows={opts.rows ?? 30} theme={opts.theme} />);
  const frame = () => app.lastFrame() ?? '';
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const received = () => emulator.requests.map((r) => r.operation);
  const operations = () => received().filter((o) => !o.endsWith('GetMetricData'));
  const harness: AppHarness = {
    emulator,
    store,
    frame,
    frames: () => [...app.frames],
    async press(...keys) {
      for (const k of keys) {
        app.stdin.write(keyCode(k));
        await tick();
      }
    },
    async type(text) {
      for (const ch of text) {
        app.stdin.write(ch);
        await tick();
      }
    },
    async submit(key, text) {
      await harness.press(key);
      await harness.type(text);
      await harness.press('enter');
    },
    async waitForText(text, timeoutMs = 8000) {
      try {
        return await waitFor(() => {
          const f = frame();
          return (typeof text === 'string' ? f.includes(text) : text.test(f)) ? f : '';
        }, timeoutMs, `frame to show ${String(text)}`);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- last frame ---\n${frame()}\n------------------`);
      }
    },
    operations,
    count: (operation) => received().filter((o) => o === operation || o.endsWith(`.${operation}`)).length,
    async close() {
      app.unmount();
      await emulator.close();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The count line of an events view once its first page is in. */
export const EVENTS_COUNT = /\/\d+\+? events/;

/** Starts the app deep-linked to the takeover user's events and waits for their count. */
export async function startOnEvents(opts: Omit<AppOptions, 'deepLink'> = {}): Promise<AppHarness> {
  const h = await startApp({ ...opts, deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } });
  try {
    await h.waitForText(EVENTS_COUNT);
  } catch (error) {
    await h.close();
    throw error;
  }
  return h;
}

/** Starts the app (with startApp and `start`, or with `start` itself), runs `run` with it, and closes it whatever happens. */
export async function withApp(start: AppOptions | (() => Promise<AppHarness>), run: (h: AppHarness) => Promise<void>): Promise<void> {
  const h = typeof start === 'function' ? await start() : await startApp(start);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}
