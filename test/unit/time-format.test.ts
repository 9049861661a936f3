import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { eventRecord, eventsToCsv } from '../../src/export/events-file.ts';
import { formatClock, formatShortTime, formatTime, isoUtc } from '../../src/domain/time-format.ts';
import { shortEventLabel } from '../../src/store/feedback-text.ts';

const WINTER = Date.UTC(2026, 10, 28, 14, 3, 27, 250);
const SUMMER = Date.UTC(2026, 6, 1, 23, 30, 5);

/** The instant a shown time names, to the second: `2026-11-28 15:03:27+01:00` and `…14:03:27Z` are one instant. */
const instantOf = (shown: string) => Date.parse(shown.replace(' ', 'T'));
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

describe('times say their zone', () => {
  it('UTC by default, with seconds and Z', () => {
    assert.equal(formatTime(WINTER), '2026-11-28 14:03:27Z');
    assert.equal(formatShortTime(WINTER), '11-28 14:03:27Z');
    assert.equal(formatClock(WINTER), '14:03:27Z');
    assert.equal(formatTime(undefined), '–');
    assert.equal(formatTime(Number.NaN), '–');
  });

  it('local time carries its offset, from an injected offset function', () => {
    assert.equal(formatTime(WINTER, 'local', () => 60), '2026-11-28 15:03:27+01:00');
    assert.equal(formatTime(WINTER, 'local', () => -210), '2026-11-28 10:33:27-03:30');
    assert.equal(formatShortTime(SUMMER, 'local', () => 120), '07-02 01:30:05+02:00');
    assert.equal(formatClock(WINTER, 'local', () => 0), '14:03:27+00:00');
  });

  it('with TZ=Europe/Madrid the local time is +01:00 in winter and +02:00 in summer, the same instants as UTC', () => {
    const script = `import { formatTime } from ${JSON.stringify(new URL('../../src/domain/time-format.ts', import.meta.url).href)};
      console.log(JSON.stringify([${WINTER}, ${SUMMER}].map((ms) => [formatTime(ms, 'local'), formatTime(ms, 'utc')])));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: 'Europe/Madrid' }, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const [[winterLocal, winterUtc], [summerLocal, summerUtc]] = JSON.parse(child.stdout) as string[][];
    assert.equal(winterLocal, '2026-11-28 15:03:27+01:00');
    assert.equal(summerLocal, '2026-07-02 01:30:05+02:00');
    assert.equal(winterUtc, '2026-11-28 14:03:27Z');
    assert.equal(summerUtc, '2026-07-01 23:30:05Z');
    for (const [local, utc, ms] of [[winterLocal, winterUtc, WINTER], [summerLocal, summerUtc, SUMMER]] as const) {
      assert.equal(instantOf(local), toSecond(ms));
      assert.equal(instantOf(utc), toSecond(ms));
    }
  });

  it('exports write ISO 8601 UTC with Z: the instant the screen shows', () => {
    const iso = isoUtc(WINTER)!;
    assert.match(iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    assert.equal(toSecond(Date.parse(iso)), instantOf(formatTime(WINTER)));
    assert.equal(toSecond(Date.parse(iso)), instantOf(formatTime(WINTER, 'local', () => 60)));
    const event = { id: 'evt-1', createdAt: WINTER, challenges: [] };
    assert.equal(eventRecord(event).createdAtIso, iso);
    assert.ok(eventsToCsv([event]).includes(iso));
  });
});

describe('messages about an event', () => {
  it('name its time with seconds and zone, as the screen shows it', () => {
    const event = { id: '750a07e3-38cb', type: 'SignIn', createdAt: WINTER, challenges: [] };
    assert.equal(shortEventLabel(event), 'SignIn 2026-11-28 14:03:27Z (750a07e3)');
    assert.match(shortEventLabel(event, 'local'), /^SignIn 2026-11-28 \d\d:03:27[+-]\d\d:\d\d \(750a07e3\)$/);
  });
});

describe('--time', () => {
  it('takes utc or local; UTC when absent', () => {
    assert.equal(parseArgs(['--time', 'local']).timeZone, 'local');
    assert.equal(parseArgs(['--time=utc']).timeZone, 'utc');
    assert.equal(parseArgs([]).timeZone, undefined);
  });
  it('refuses anything else with a sentence that says what it takes', () => {
    assert.throws(() => parseArgs(['--time', 'CET']), (e: unknown) => e instanceof UsageError && /--time takes utc or local/.test(e.message));
    assert.throws(() => parseArgs(['--time']), (e: unknown) => e instanceof UsageError && /--time needs a value, e.g. --time local/.test(e.message));
  });
});
