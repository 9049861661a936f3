import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { csvCell } from '../../src/export/csv.ts';
import {
  CSV_HEADER,
  eventRecord,
  eventsToCsv,
  eventsToJson,
  exportFileName,
  isoTime,
  writeEventsExport,
} from '../../src/export/events-file.ts';
import type { EventRecord, EventsExportDocument } from '../../src/export/events-file.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';

const T0 = Date.UTC(2025, 2, 14, 9, 26, 53, 589);

const EVENTS: AuthEvent[] = [
  {
    id: 'evt-1',
    type: 'SignIn',
    createdAt: T0,
    response: 'Fail',
    riskDecision: 'AccountTakeover',
    riskLevel: 'High',
    compromisedCredentials: true,
    challenges: [
      { name: 'Password', response: 'Success' },
      { name: 'Mfa', response: 'Failure' },
    ],
    ip: '203.0.113.9',
    device: 'Chrome 120, "Windows"',
    timezone: '+03:00',
    city: '=HYPERLINK("http://evil.example","click")',
    country: 'RU',
    feedback: { value: 'Invalid', provider: 'Admin', date: T0 + 60_000 },
  },
  {
    id: 'evt-2',
    type: 'SignIn',
    createdAt: T0 - 3_600_000,
    response: 'Pass',
    riskDecision: 'NoRisk',
    riskLevel: 'Low',
    compromisedCredentials: false,
    challenges: [{ name: 'Password' }],
    ip: '198.51.100.7',
    device: 'line one\r\nline two',
    city: 'São Paulo',
    country: 'BR',
  },
  { id: 'evt-3', challenges: [], device: '\u001b]52;c;cHduZWQ=\u0007\u001b[2J', city: '+1-555', timezone: '@sum(A1)', ip: '-2+3' },
];

/** A small RFC 4180 reader, written independently of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  assert.equal(cell, '', 'text after the last CRLF');
  assert.equal(row.length, 0, 'unterminated record');
  return rows;
}

function fromRecord(r: EventRecord): AuthEvent {
  const event: AuthEvent = { id: r.id, challenges: r.challenges.map((c) => dropNulls({ name: c.name, response: c.response })) };
  const optional = dropNulls({
    type: r.type,
    createdAt: r.createdAt,
    response: r.response,
    riskDecision: r.riskDecision,
    riskLevel: r.riskLevel,
    compromisedCredentials: r.compromisedCredentials,
    ip: r.ip,
    device: r.device,
    timezone: r.timezone,
    city: r.city,
    country: r.country,
  });
  const feedback = r.feedback ? { feedback: dropNulls({ value: r.feedback.value, provider: r.feedback.provider, date: r.feedback.date }) } : {};
  return { ...event, ...optional, ...feedback };
}

function dropNulls<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as { [K in keyof T]?: Exclude<T[K], null> };
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    for (const s of ['SignIn', 'São Paulo', '203.0.113.9', '']) assert.equal(csvCell(s), s);
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
    assert.equal(csvCell('one\rtwo'), '"one\rtwo"');
  });
  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '＝1', '＋1', '－1', '＠x']) assert.equal(csvCell(s), `'${s}`, JSON.stringify(s));
    assert.equal(csvCell('\r=1'), `"'\r=1"`);
    assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  });
  it('only guards the first character', () => {
    assert.equal(csvCell('a=1'), 'a=1');
    assert.equal(csvCell('1-2'), '1-2');
  });
});

describe('eventsToCsv', () => {
  const rows = parseCsv(eventsToCsv(EVENTS));
  it('has the header and one row per event, with CRLF line ends', () => {
    assert.deepEqual(rows[0], [...CSV_HEADER]);
    assert.equal(rows.length, EVENTS.length + 1);
    assert.ok(rows.every((r) => r.length === CSV_HEADER.length));
    assert.ok(eventsToCsv([]).endsWith('\r\n'));
  });
  it('writes every field in its column', () => {
    const col = (name: string) => CSV_HEADER.indexOf(name);
    const r = rows[1];
    assert.equal(r[col('time')], '2025-03-14T09:26:53.589Z');
    assert.equal(r[col('type')], 'SignIn');
    assert.equal(r[col('response')], 'Fail');
    assert.equal(r[col('risk level')], 'High');
    assert.equal(r[col('risk decision')], 'AccountTakeover');
    assert.equal(r[col('compromised credentials')], 'true');
    assert.equal(r[col('ip')], '203.0.113.9');
    assert.equal(r[col('country')], 'RU');
    assert.equal(r[col('device')], 'Chrome 120, "Windows"');
    assert.equal(r[col('timezone')], "'+03:00");
    assert.equal(r[col('challenges')], 'Password:Success; Mfa:Failure');
    assert.equal(r[col('feedback value')], 'Invalid');
    assert.equal(r[col('feedback provider')], 'Admin');
    assert.equal(r[col('feedback date')], '2025-03-14T09:27:53.589Z');
    assert.equal(r[col('event id')], 'evt-1');
    assert.equal(rows[2][col('compromised credentials')], 'false');
    assert.equal(rows[2][col('challenges')], 'Password');
    assert.equal(rows[2][col('city')], 'São Paulo');
    assert.equal(rows[3][col('time')], '');
  });
  it('keeps attacker-written text literal but never as a formula', () => {
    const col = (name: string) => CSV_HEADER.indexOf(name);
    assert.equal(rows[1][col('city')], `'${EVENTS[0].city}`);
    assert.equal(rows[2][col('device')], 'line one\r\nline two');
    assert.equal(rows[3][col('device')], EVENTS[2].device);
    assert.equal(rows[3][col('city')], "'+1-555");
    assert.equal(rows[3][col('timezone')], "'@sum(A1)");
    assert.equal(rows[3][col('ip')], "'-2+3");
    for (const row of rows.slice(1)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  });
});

describe('eventsToJson', () => {
  const text = eventsToJson(EVENTS, { poolId: 'us-east-1_Qm7Rk2Tz9', username: 'maria.garcia', now: T0 });
  const doc = JSON.parse(text) as EventsExportDocument;
  it('round-trips every event exactly, hostile text included', () => {
    assert.deepEqual(doc.events.map(fromRecord), EVENTS);
  });
  it('adds ISO times next to the epoch milliseconds', () => {
    assert.equal(doc.exportedAtIso, '2025-03-14T09:26:53.589Z');
    assert.equal(doc.events[0].createdAtIso, new Date(EVENTS[0].createdAt!).toISOString());
    assert.equal(doc.events[0].feedback?.dateIso, '2025-03-14T09:27:53.589Z');
    assert.equal(doc.events[2].createdAtIso, null);
  });
  it('says whose events they are and how many', () => {
    assert.deepEqual([doc.poolId, doc.username, doc.exportedAt, doc.eventCount], ['us-east-1_Qm7Rk2Tz9', 'maria.garcia', T0, 3]);
  });
  it('writes the same keys in the same order for every event, pretty-printed', () => {
    const keys = doc.events.map((e) => Object.keys(e).join(','));
    assert.equal(new Set(keys).size, 1);
    assert.deepEqual(Object.keys(eventRecord({ id: 'x', challenges: [] })), Object.keys(doc.events[0]));
    assert.match(text, /^\{\n {2}"poolId": /);
    assert.ok(text.endsWith('}\n'));
  });
  it('is byte-identical for the same input', () => {
    assert.equal(eventsToJson(structuredClone(EVENTS), { poolId: 'us-east-1_Qm7Rk2Tz9', username: 'maria.garcia', now: T0 }), text);
  });
});

describe('isoTime', () => {
  it('gives null for missing or impossible times', () => {
    assert.equal(isoTime(undefined), null);
    assert.equal(isoTime(Number.NaN), null);
    assert.equal(isoTime(8.64e15 + 1), null);
    assert.equal(isoTime(0), '1970-01-01T00:00:00.000Z');
  });
});

describe('exportFileName', () => {
  it('names the pool, the user and the UTC time', () => {
    assert.equal(
      exportFileName({ poolId: 'us-east-1_Qm7Rk2Tz9', username: 'maria.garcia', format: 'csv', now: T0 }),
      'cognito-events-us-east-1_Qm7Rk2Tz9-maria.garcia-20250314T092653Z.csv',
    );
  });
  it('reduces any username to safe characters', () => {
    for (const username of ['../../etc/passwd', 'a/b\\c', 'maría garcía', '\u001b[2J', '..', '', 'x'.repeat(300), 'con:nul*?<>|']) {
      const name = exportFileName({ poolId: 'us-east-1_A', username, format: 'json', now: T0 });
      assert.match(name, /^cognito-events-us-east-1_A-[A-Za-z0-9_][A-Za-z0-9._-]{0,63}-20250314T092653Z\.json$/, name);
    }
  });
  it('adds a counter from the second attempt on', () => {
    assert.match(exportFileName({ poolId: 'p', username: 'u', format: 'json', now: T0, attempt: 3 }), /-3\.json$/);
  });
});

describe('writeEventsExport', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cognito-tui-export-'));
  });
  after(async () => {
    await chmod(dir, 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  const base = { poolId: 'us-east-1_Qm7Rk2Tz9', username: 'maria.garcia', events: EVENTS, now: T0 };

  it('writes the JSON document and returns its absolute path', async () => {
    const path = await writeEventsExport({ ...base, dir, format: 'json' });
    assert.ok(isAbsolute(path));
    assert.equal(path, join(dir, exportFileName({ ...base, format: 'json' })));
    assert.equal(await readFile(path, 'utf8'), eventsToJson(EVENTS, base));
  });
  it('writes CSV', async () => {
    const path = await writeEventsExport({ ...base, dir, format: 'csv' });
    assert.equal(await readFile(path, 'utf8'), eventsToCsv(EVENTS));
  });
  it('never overwrites a file: it adds a suffix', async () => {
    const taken = join(dir, exportFileName({ ...base, format: 'json', attempt: 2 }));
    await writeFile(taken, 'keep me');
    const third = await writeEventsExport({ ...base, dir, format: 'json' });
    assert.equal(third, join(dir, exportFileName({ ...base, format: 'json', attempt: 3 })));
    assert.equal(await readFile(taken, 'utf8'), 'keep me');
    const fourth = await writeEventsExport({ ...base, dir, format: 'json' });
    assert.match(fourth, /-4\.json$/);
    assert.equal((await readdir(dir)).filter((f) => f.endsWith('.json')).length, 4);
  });
  it('resolves a relative directory', async () => {
    const path = await writeEventsExport({ ...base, dir: relative(process.cwd(), dir), format: 'csv', now: T0 + 1000 });
    assert.equal(path, join(dir, exportFileName({ ...base, format: 'csv', now: T0 + 1000 })));
  });
  it('says when the directory does not exist or is a file', async () => {
    await assert.rejects(writeEventsExport({ ...base, dir: join(dir, 'missing'), format: 'json' }), /Could not export to .*missing: the directory does not exist\./);
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    await assert.rejects(writeEventsExport({ ...base, dir: file, format: 'json' }), /it is a file, not a directory/);
  });
  it('says when the directory is not writable', async (t) => {
    const locked = await mkdtemp(join(dir, 'locked-'));
    await chmod(locked, 0o555);
    await chmod(dir, 0o755);
    const message = process.getuid?.() === 0 ? await exportAsNobody(dir, locked) : await writeEventsExport({ ...base, dir: locked, format: 'json' }).then(() => 'written', (e: Error) => e.message);
    if (message instanceof Skip) return t.skip(message.reason);
    assert.equal(message, `Could not export to ${locked}: the directory is not writable (permission denied).`);
    assert.deepEqual(await readdir(locked), []);
  });
});

/** Why a case cannot run on this machine, shown as the reason it was skipped. */
class Skip {
  constructor(readonly reason: string) {}
}

/**
 * Root ignores file modes, so as root the write runs in a child process as the unprivileged user nobody. The child
 * runs a bundle of the export module placed in `bundleDir` (in the temporary directory), never the checkout itself,
 * which may be private (a clone under /root, mode 0700). Skipped, with the reason, only where nobody cannot run it.
 */
async function exportAsNobody(bundleDir: string, locked: string): Promise<string | Skip> {
  const bundle = join(bundleDir, 'export-as-nobody.mjs');
  await build({
    stdin: {
      contents: `import { writeEventsExport } from './src/export/events-file.ts';
writeEventsExport({ dir: ${JSON.stringify(locked)}, poolId: 'us-east-1_A', username: 'u', events: [], format: 'json', now: 0 })
  .then(() => process.stdout.write('written'), (e) => process.stdout.write(e.message));`,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  await chmod(bundle, 0o644);
  const asNobody = { uid: 65534, gid: 65534, encoding: 'utf8', cwd: bundleDir } as const;
  const probe = spawnSync(process.execPath, ['-e', 'require("node:fs").accessSync(process.argv[1], 4)', bundle], asNobody);
  if (probe.error && errorCode(probe.error) === 'EPERM') return new Skip('running as root without the right to switch to the user nobody (no CAP_SETUID), and root ignores directory modes');
  if (probe.status !== 0) return new Skip(`running as root, root ignores directory modes, and the user nobody cannot read ${bundle} (the temporary directory is private)`);
  const result = spawnSync(process.execPath, [bundle], asNobody);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
