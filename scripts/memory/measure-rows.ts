/**
 * Memory of users list rows in this process: `node --expose-gc --import tsx scripts/memory/measure-rows.ts packed|six-field N`.
 * Builds N rows a ListUsers page (60) at a time from synthetic users and prints the V8 heap after GC and the RSS,
 * before and after, per user, and the peak RSS. `six-field` is the list row before packing (one object, six V8 values).
 */
import { Rng } from '../../src/emulator/prng.ts';
import type { User } from '../../src/gateway/types.ts';
import { compactUser } from '../../src/store/compact-user.ts';
import { syntheticPage } from './synthetic-users.ts';

class SixFieldUser {
  constructor(
    readonly username: string,
    readonly enabled: boolean,
    readonly status: string,
    readonly createdAt: number | undefined,
    private readonly email: string | undefined,
    private readonly name: string | undefined,
  ) {}

  get attributes(): Record<string, string> {
    const a: Record<string, string> = {};
    if (this.email !== undefined) a.email = this.email;
    if (this.name !== undefined) a.name = this.name;
    return a;
  }
}

function sixField(u: User): unknown {
  const a = u.attributes;
  const name = a.name ?? [a.given_name, a.family_name].filter(Boolean).join(' ');
  return new SixFieldUser(u.username, u.enabled, u.status, u.createdAt, a.email, name || undefined);
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const [mode = 'packed', count = '100000'] = process.argv.slice(2);
const n = Number(count);
const row = mode === 'six-field' ? sixField : compactUser;
const rng = new Rng(7, 'memory');
syntheticPage(rng, 0, 60).map(row);

function sample(): { heap: number; rss: number } {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

const before = sample();
const started = process.cpuUsage();
const rows: unknown[] = [];
for (let i = 0; i < n; i += 60) for (const u of syntheticPage(rng, i, Math.min(60, n - i))) rows.push(row(u));
const cpu = process.cpuUsage(started);
const after = sample();
let check = 0;
const readStart = process.hrtime.bigint();
for (const r of rows as User[]) check += r.username.length + (r.attributes.email?.length ?? 0) + (r.attributes.name?.length ?? 0);
const readNs = Number(process.hrtime.bigint() - readStart) / rows.length;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
console.log(JSON.stringify({
  mode, users: rows.length,
  heapPerUser: Math.round((after.heap - before.heap) / rows.length),
  rssPerUser: Math.round((after.rss - before.rss) / rows.length),
  heapAfter: mb(after.heap), rssAfter: mb(after.rss), peakRss: mb(process.resourceUsage().maxRSS * 1024),
  buildCpuMs: Math.round((cpu.user + cpu.system) / 1000), readAllNsPerRow: Math.round(readNs), check,
}));
