import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import { createAppStore, type AppStore, type StoreDeps } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { keyCode } from './key-codes.ts';
import { waitFor } from './wait-for.ts';

/** The app rendered by ink-testing-library, talking to a fresh emulator through the real SDK. */
export interface AppHarness {
  emulator: RunningEmulator;
  store: AppStore;
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Operations the emulator received, in order. */
  operations(): string[];
  close(): Promise<void>;
}

/** Starts an emulator and renders the app against it. */
export async function startApp(opts: {
  emulator?: EmulatorOptions; readOnly?: boolean; columns?: number; rows?: number;
  deepLink?: { pool: string; user?: string }; maxReadAttempts?: number;
  /** Extra store dependencies (terminal writer, export directory, sweep share…). */
  deps?: Partial<Omit<StoreDeps, 'gateway'>>;
} = {}): Promise<AppHarness> {
  const emulator = await startEmulator({ port: 0, ...opts.emulator });
  const gateway = createSdkGateway({
    region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxReadAttempts: opts.maxReadAttempts, writeRetryDelaysMs: [5, 10, 20],
  });
  const exportDir = mkdtempSync(join(tmpdir(), 'cognito-tui-test-export-'));
  const store = createAppStore({ gateway, readOnly: opts.readOnly, flashMs: 60_000, exportDir, ...opts.deps });
  if (opts.deepLink) store.getState().actions.openDeepLink(opts.deepLink.pool, opts.deepLink.user);
  else store.getState().actions.push({ view: 'pools' });
  const app = render(<App store={store} columns={opts.columns ?? 120} rows={opts.rows ?? 30} />);
  const frame = () => app.lastFrame() ?? '';
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    emulator,
    store,
    frame,
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
    operations: () => emulator.requests.map((r) => r.operation),
    async close() {
      app.unmount();
      await emulator.close();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}
