import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { startEmulator, type EmulatorFaults, type RunningEmulator } from '../../src/emulator/index.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import { dispatchInput, dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { listKey } from '../../src/store/routes.ts';
import { currentListRef } from '../../src/store/selectors.ts';
import { App } from '../../src/ui/App.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { checkLists, faultsInjected, WriteLedger } from './fuzz-invariants.ts';
import { SeededRandom } from '../helpers/seeded-random.ts';
import { junk, keyBytes, MACROS, MODAL_KEYS, tableKeyNames } from './fuzz-input.ts';
import { UNSAFE_ON_SCREEN } from './screen.ts';
import { writeRequests } from './writes.ts';

const FAULTS: EmulatorFaults = { throttleRate: 0.12, errorRate: 0.06, latencyMs: 2 };
/** Keys drawn more often than the rest, so that sessions get deep (users, events) and write keys meet confirmations. */
const BIASED = ['enter', 'enter', 'enter', 'enter', 'j', 'j', 'G', 'v', 'v', 'i', 'i', 'y', 'y', 'y', 'space', 'space', 'd'];
const BASE_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
// eslint-disable-next-line no-control-regex
const OSC52_ONLY = /^\u001b\]52;c;[A-Za-z0-9+/]*={0,2}\u0007$/;

/** What one fuzz session saw. */
interface Tally {
  inputs: number;
  faults: number;
  crashes: string[];
  violations: string[];
  lost: string[];
  duplicated: string[];
  applied: number;
  /** Steps that ended in each view. */
  views: Record<string, number>;
}

const totals = { sessions: 0, inputs: 0, faults: 0, crashes: 0, violations: 0, lost: 0, duplicated: 0, applied: 0, frames: 0, writesTried: 0 };
/** Steps that left a stored list window without its cursor, by list kind (drawn right, state stale). */
const viewSteps: Record<string, number> = {};

after(() => {
  console.log(`key fuzz (seed ${BASE_SEED}): ${totals.sessions} sessions, ${totals.inputs} inputs, ${totals.frames} frames checked, `
    + `${totals.faults} faults injected, ${totals.crashes} crashes, ${totals.violations} invariant violations, `
    + `${totals.writesTried} writes sent, ${totals.applied} applied, ${totals.lost} lost, ${totals.duplicated} duplicated; `
    + `steps per view ${JSON.stringify(viewSteps)}`);
});

/** Catches what escapes the app: uncaught exceptions and unhandled rejections, while a session runs. */
function watchProcess(crashes: string[]): () => void {
  const onError = (error: unknown) => { crashes.push(`uncaught: ${error instanceof Error ? error.stack : String(error)}`); };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}

interface Session {
  emulator: RunningEmulator;
  store: AppStore;
  ledger: WriteLedger;
  terminal: string[];
  close(): Promise<void>;
}

async function openSession(seed: number, readOnly: boolean): Promise<Session> {
  const emulator = await startEmulator({ port: 0, seed, hostile: true, usersInLargePool: 300, faults: FAULTS });
  const ledger = new WriteLedger();
  const gateway = ledger.wrap(createSdkGateway({
    region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'fuzz', secretAccessKey: 'fuzz' },
    maxReadAttempts: 3, writeRetryDelaysMs: [1, 2, 4],
  }));
  const exportDir = await mkdtemp(join(tmpdir(), 'cognito-tui-fuzz-'));
  const terminal: string[] = [];
  const store = createAppStore({
    gateway, readOnly, flashMs: 40, exportDir, env: {}, feedbackIntervalMs: 1, writeToTerminal: (bytes) => { terminal.push(bytes); },
  });
  store.getState().actions.push({ view: 'pools' });
  return {
    emulator, store, ledger, terminal,
    async close() {
      await emulator.close();
      await rm(exportDir, { recursive: true, force: true });
    },
  };
}

/** One fuzz step through the store's key dispatcher: a table key, a modal key, junk typed or pasted, or a resize. */
function storeStep(rng: SeededRandom, store: AppStore, names: string[]): string {
  const roll = rng.next();
  if (roll < 0.6) {
    const name = rng.pick(names);
    dispatchKey(store, name, [...name].length === 1 ? name : name === 'space' ? ' ' : '');
    return name;
  }
  if (roll < 0.75) {
    const name = rng.pick(MODAL_KEYS);
    dispatchKey(store, name, name.length === 1 ? name : name === 'space' ? ' ' : '');
    return name;
  }
  if (roll < 0.8) {
    const text = rng.pick(MACROS);
    dispatchInput(store, text, {});
    return JSON.stringify(text);
  }
  if (roll < 0.92) {
    const text = junk(rng);
    dispatchInput(store, text, {});
    return JSON.stringify(text);
  }
  if (roll < 0.97) {
    const input = rng.pick(['a', 'f', 'u', '', '\u001b', '[', '東']);
    dispatchInput(store, input, { ctrl: rng.chance(0.5), meta: rng.chance(0.3), shift: rng.chance(0.3), tab: rng.chance(0.1), delete: rng.chance(0.1) });
    return `mod+${JSON.stringify(input)}`;
  }
  const rows = rng.int(1, 60);
  const ref = currentListRef(store.getState());
  store.getState().actions.setPageRows(ref ? listKey(ref) : 'detail', rows);
  return `rows=${rows}`;
}

/** Lets answers from the emulator arrive now and then: mostly a tick, sometimes a few milliseconds. */
function breathe(rng: SeededRandom): Promise<void> {
  return rng.chance(0.25) ? new Promise((resolve) => setTimeout(resolve, rng.int(2, 10))) : new Promise((resolve) => setImmediate(resolve));
}

const SETTLE_MS = 15_000;

async function settle(s: Session, tally: Tally): Promise<void> {
  await waitFor(() => s.ledger.pending === 0, SETTLE_MS, 'writes in flight to end').catch(() => {
    tally.violations.push(`${s.ledger.pending} writes still in flight after ${SETTLE_MS / 1000} s`);
  });
}

function check(s: Session, readOnly: boolean, tally: Tally, step: number, recent: string[]): void {
  const state = s.store.getState();
  const lists = checkLists(state);
  const problems = lists.violations;
  if (readOnly && writeRequests(s.emulator.requests).length > 0) problems.push('a write reached the emulator in read-only mode');
  if (readOnly && s.ledger.entries.length > 0) problems.push('the app called a write in read-only mode');
  for (const bytes of s.terminal) if (!OSC52_ONLY.test(bytes)) problems.push(`terminal got something other than one OSC 52: ${JSON.stringify(bytes.slice(0, 60))}`);
  s.terminal.length = 0;
  const view = state.stack.at(-1)?.view ?? '?';
  tally.views[view] = (tally.views[view] ?? 0) + 1;
  for (const p of problems) {
    if (tally.violations.length < 20) tally.violations.push(`step ${step} (view ${state.stack.at(-1)?.view}; last keys ${recent.join(' ')}): ${p}`);
  }
}

function record(tally: Tally): void {
  totals.sessions++;
  totals.inputs += tally.inputs;
  totals.faults += tally.faults;
  totals.crashes += tally.crashes.length;
  totals.violations += tally.violations.length;
  totals.lost += tally.lost.length;
  totals.duplicated += tally.duplicated.length;
  totals.applied += tally.applied;
  for (const [view, n] of Object.entries(tally.views)) viewSteps[view] = (viewSteps[view] ?? 0) + n;
}

function report(seed: number, tally: Tally): string {
  return [`replay with FUZZ_SEED=${BASE_SEED} (session seed ${seed})`, ...tally.crashes, ...tally.violations, ...tally.lost, ...tally.duplicated].join('\n');
}

async function storeSession(seed: number, readOnly: boolean, steps: number): Promise<Tally> {
  const rng = new SeededRandom(seed);
  const s = await openSession(seed, readOnly);
  const names = [...tableKeyNames(), ...BIASED];
  const tally: Tally = { inputs: 0, faults: 0, crashes: [], violations: [], lost: [], duplicated: [], applied: 0, views: {} };
  const unwatch = watchProcess(tally.crashes);
  const recent: string[] = [];
  try {
    for (let step = 0; step < steps; step++) {
      try {
        recent.push(storeStep(rng, s.store, names));
      } catch (error) {
        tally.crashes.push(`step ${step} threw: ${error instanceof Error ? error.stack : String(error)} (last keys ${recent.slice(-8).join(' ')})`);
      }
      if (recent.length > 8) recent.shift();
      tally.inputs++;
      check(s, readOnly, tally, step, recent);
      if (s.store.getState().quitting) s.store.setState({ quitting: false, quitArmed: false });
      await breathe(rng);
    }
    await settle(s, tally);
    check(s, readOnly, tally, steps, recent);
  } finally {
    unwatch();
    await closeSession(s, tally);
  }
  return tally;
}

/** Audits a session's writes against the emulator's record, counts its faults, and closes it. */
async function closeSession(s: Awaited<ReturnType<typeof openSession>>, tally: Tally): Promise<void> {
  const audit = s.ledger.audit(s.emulator.requests);
  tally.lost = audit.lost;
  tally.duplicated = audit.duplicated;
  tally.applied = audit.applied;
  tally.faults = faultsInjected(s.emulator.requests);
  totals.writesTried += s.ledger.entries.length;
  await s.close();
}

function frameProblems(frame: string): string[] {
  const problems: string[] = [];
  const bad = UNSAFE_ON_SCREEN.exec(frame);
  if (bad) problems.push(`U+${bad[0].codePointAt(0)!.toString(16)} on screen`);
  if (/^\s*ERROR\s|The above error occurred|at .+\.tsx?:\d+:\d+/m.test(frame)) problems.push(`an error is drawn:\n${frame}`);
  return problems;
}

async function inkSession(seed: number, readOnly: boolean, steps: number, columns: number, rows: number): Promise<Tally> {
  const rng = new SeededRandom(seed);
  const s = await openSession(seed, readOnly);
  const names = [...tableKeyNames(), ...BIASED].filter((n) => n !== 'q' && n !== 'ctrl+c' && keyBytes(n) !== undefined);
  const tally: Tally = { inputs: 0, faults: 0, crashes: [], violations: [], lost: [], duplicated: [], applied: 0, views: {} };
  const unwatch = watchProcess(tally.crashes);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => { tally.crashes.push(`console.error: ${args.map(String).join(' ').slice(0, 400)}`); };
  let app = render(<App store={s.store} columns={columns} rows={rows} />);
  const recent: string[] = [];
  try {
    for (let step = 0; step < steps; step++) {
      const roll = rng.next();
      let sent: string;
      if (roll < 0.7) sent = keyBytes(rng.pick(names))!;
      else if (roll < 0.8) sent = keyBytes(rng.pick(MODAL_KEYS))!;
      else if (roll < 0.87) sent = rng.pick(MACROS);
      else sent = junk(rng).replaceAll('q', 'Q');
      app.stdin.write(sent);
      recent.push(JSON.stringify(sent));
      if (recent.length > 8) recent.shift();
      tally.inputs++;
      await breathe(rng);
      await new Promise((resolve) => setImmediate(resolve));
      if (s.store.getState().quitting) {
        app.unmount();
        s.store.setState({ quitting: false, quitArmed: false });
        app = render(<App store={s.store} columns={columns} rows={rows} />);
      }
      check(s, readOnly, tally, step, recent);
      totals.frames++;
      for (const p of frameProblems(app.lastFrame() ?? '')) {
        if (tally.violations.length < 20) tally.violations.push(`step ${step} (last keys ${recent.join(' ')}): ${p}`);
      }
    }
    await settle(s, tally);
  } finally {
    app.unmount();
    console.error = consoleError;
    unwatch();
    await closeSession(s, tally);
  }
  return tally;
}

function assertClean(seed: number, tally: Tally): void {
  record(tally);
  const message = report(seed, tally);
  assert.deepEqual(tally.crashes, [], message);
  assert.deepEqual(tally.violations, [], message);
  assert.deepEqual(tally.lost, [], message);
  assert.deepEqual(tally.duplicated, [], message);
}

describe(`key fuzz through the store's dispatcher, faults on (seed ${BASE_SEED})`, () => {
  const sessions = [
    { offset: 1, readOnly: true, steps: 1200 },
    { offset: 2, readOnly: false, steps: 1200 },
    { offset: 3, readOnly: true, steps: 1200 },
    { offset: 4, readOnly: false, steps: 1200 },
  ];
  for (const { offset, readOnly, steps } of sessions) {
    const seed = (BASE_SEED + offset * 7919) >>> 0;
    it(`${steps} inputs, ${readOnly ? 'read-only' : 'writes allowed'}: no crash, cursors inside their lists, ${readOnly ? 'no write sent' : 'no write lost or duplicated'}`, async () => {
      assertClean(seed, await storeSession(seed, readOnly, steps));
    });
  }
});

describe(`key fuzz through ink (keys as terminal bytes), faults on (seed ${BASE_SEED})`, () => {
  const sessions = [
    { offset: 11, readOnly: true, steps: 200, columns: 100, rows: 30 },
    { offset: 12, readOnly: false, steps: 200, columns: 60, rows: 14 },
  ];
  for (const { offset, readOnly, steps, columns, rows } of sessions) {
    const seed = (BASE_SEED + offset * 7919) >>> 0;
    it(`${steps} keys at ${columns}×${rows}, ${readOnly ? 'read-only' : 'writes allowed'}: no crash, no control byte from data on screen`, async () => {
      assertClean(seed, await inkSession(seed, readOnly, steps, columns, rows));
    });
  }
});

describe('key fuzz totals', () => {
  it('faults were injected and writes were tried while fuzzing', () => {
    assert.ok(totals.faults > 0, 'the emulator injected faults');
    assert.ok(totals.writesTried > 0, 'the fuzz reached the write keys and confirmed some');
  });
});
