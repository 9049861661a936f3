/**
 * Key → frame at a large user list, in-process: the app over a fake gateway holding USERS users (1,000,000 by default;
 * pages of 60, PAGE_MS apart), at COLS×ROWS. It loads every user with G while toggling `?` (TOGGLE=0 skips that),
 * then times `j` and `?` on the loaded list (every row marked with `*` first when MARK=1), printing wall and CPU ms per key and frames per key. Bundle it the way
 * the bin is bundled (Ink's row-cached Output, production React) with `node test/perf/bundle-bench.mjs OUTDIR`, then
 * run `node --max-semi-space-size=1 --heap-growing-percent=25 --initial-heap-size=64 OUTDIR/bench.mjs`.
 */
import { render } from 'ink-testing-library';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import type { User } from '../../src/gateway/types.ts';

const N = Number(process.env.USERS ?? 1_000_000);
const COLS = Number(process.env.COLS ?? 120);
const ROWS = Number(process.env.ROWS ?? 40);
const gw = new FakeGateway();
gw.pageSize = 60;
const users: User[] = new Array(N);
for (let i = 0; i < N; i++) {
  users[i] = {
    username: `user${String(i).padStart(7, '0')}`, enabled: i % 50 !== 0, status: i % 7 ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
    createdAt: 1.7e12 + i * 1000, attributes: { email: `user${i}@example.com`, name: `User Number ${i}` }, mfaOptions: [],
  };
}
gw.users = users;
// The fake counts calls by scanning them all; keep only the last few.
const calls = gw.calls;
const push = calls.push.bind(calls);
calls.push = (...xs) => { if (calls.length > 100) calls.splice(0, calls.length - 10); return push(...xs); };

const listUsers = gw.listUsers.bind(gw);
const PAGE_MS = Number(process.env.PAGE_MS ?? 1);
gw.listUsers = async (...args: Parameters<typeof listUsers>) => { await new Promise((r) => setTimeout(r, PAGE_MS)); return listUsers(...args); };
const store = createAppStore({ gateway: gw, flashMs: 60_000 });
store.getState().actions.openDeepLink(gw.pools[0].id);
const app = render(<App store={store} columns={COLS} rows={ROWS} />);
const tick = () => new Promise((r) => setImmediate(r));
const frame = () => app.lastFrame() ?? '';
const STATUS = /(\d+)\/(\d+)(\+?) users · ([^\n]*)/;
const status = () => { const m = STATUS.exec(frame()); return m ? { cursor: +m[1], loaded: +m[2], complete: m[3] === '', loading: /loading/.test(m[4]) } : undefined; };
async function until(pred: () => boolean, what: string, ms = Number(process.env.WAIT_MS ?? 60_000)) {
  const end = Date.now() + ms;
  while (!pred()) { if (Date.now() > end) throw new Error(`timeout: ${what}\n${frame()}`); await tick(); }
}
const HELP = 'Keys — esc, ? or q closes';
interface Sample { ms: number; cpu: number; frames: number }
async function press(key: string, done: () => boolean): Promise<Sample> {
  const f0 = app.frames.length; const cpu0 = process.cpuUsage(); const t0 = performance.now();
  app.stdin.write(key);
  await until(() => app.frames.length > f0 && done(), `key ${key}`);
  const ms = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, frames: app.frames.length - f0 };
}
function report(name: string, xs: Sample[]) {
  if (xs.length === 0) return;
  const q = (a: number[], p: number) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const ms = xs.map((x) => x.ms);
  const avg = (f: (s: Sample) => number) => (xs.reduce((a, s) => a + f(s), 0) / xs.length).toFixed(2);
  console.log(`${name}: n=${xs.length} p50 ${q(ms, 0.5).toFixed(1)} p90 ${q(ms, 0.9).toFixed(1)} p99 ${q(ms, 0.99).toFixed(1)} worst ${Math.max(...ms).toFixed(1)} ms; cpu/key ${avg((s) => s.cpu)} ms; frames/key ${avg((s) => s.frames)}`);
}
const toggle = () => { const open = frame().includes(HELP); return press('?', () => frame().includes(HELP) !== open); };

await until(() => status() !== undefined, 'first users');
const loading: Sample[] = [];
let changes = 0;
const unsubscribe = store.subscribe(() => { changes++; });
const f0 = app.frames.length; const lt0 = performance.now(); const lcpu0 = process.cpuUsage();
const TOGGLE = process.env.TOGGLE !== '0';
const progress = setInterval(() => console.error(JSON.stringify(status()), frame().split('\n').slice(-3).join(' | ')), 5000);
for (;;) {
  const s = frame().includes(HELP) ? undefined : status();
  if (s?.complete) break;
  if (s && !s.loading) { const before = s.loaded; app.stdin.write('G'); await until(() => status()?.loading === true || status()?.complete === true || (status()?.loaded ?? 0) > before, 'G'); continue; }
  if (TOGGLE) loading.push(await toggle());
  await new Promise((r) => setTimeout(r, 100));
}
clearInterval(progress);
const lcpu = process.cpuUsage(lcpu0);
console.log(`load ${N}: ${((performance.now() - lt0) / 1000).toFixed(1)} s wall, cpu ${((lcpu.user + lcpu.system) / 1e6).toFixed(1)} s, frames ${app.frames.length - f0}, store changes ${changes}`);
unsubscribe();
if (loading.length) report('? while loading', loading);
await press('g', () => status()?.cursor === 1);
if (process.env.MARK === '1') await press('*', () => / marked/.test(frame()));
const idle: Sample[] = [];
for (let i = 0; i < Number(process.env.PRESSES ?? 200); i++) { const at = status()!.cursor; idle.push(await press('j', () => status()?.cursor === at + 1)); }
report('j idle', idle);
const help: Sample[] = [];
for (let i = 0; i < Number(process.env.TOGGLES ?? 40); i++) help.push(await toggle());
report('? idle', help);
const mem = process.memoryUsage();
console.log(`rss ${(mem.rss / 1e6).toFixed(0)} MB heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
app.unmount();
process.exit(0);
