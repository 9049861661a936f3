import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { HOSTILE_USER_COUNT, LONG_DETAIL_VALUE, LONG_HOSTILE_VALUE } from '../../src/emulator/cognito/hostile.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { CUT_MARKER, MAX_FIELD_CODE_POINTS } from '../../src/ui/text.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { assertAligned, assertSafeFrame, cellSlice, columnStarts, columnText, squeeze } from './screen.ts';

const SEARCH = 'username ^= "hostile"';
const COUNT = new RegExp(`\\d+/${HOSTILE_USER_COUNT} users`);

async function searchHostile(h: AppHarness): Promise<string> {
  await h.waitForText(/\d+\/\d+\+? users/);
  await h.submit('/', SEARCH);
  return h.waitForText(COUNT);
}

function listLines(frame: string) {
  const lines = frame.split('\n');
  const headerAt = lines.findIndex((l) => /^\s+USERNAME\s+EMAIL/.test(l));
  assert.ok(headerAt >= 0, `no user list header in\n${frame}`);
  const rows = lines.slice(headerAt + 1).filter((l) => /^(▶ | {2})hostile-/.test(l));
  return { header: lines[headerAt], rows };
}

for (const columns of [80, 120, 200]) {
  describe(`hostile users in the user list at ${columns} columns`, () => {
    let h: AppHarness;
    before(async () => {
      h = await startApp({ emulator: { hostile: true, usersInLargePool: 300 }, deepLink: { pool: LARGE_POOL_ID }, columns, rows: 30 });
    });
    after(async () => { await h.close(); });

    it('shows every hostile user with no control character, escape or bidi override reaching the frame', async () => {
      const frame = await searchHostile(h);
      assertSafeFrame(frame, 'user list');
      const { rows } = listLines(frame);
      assert.equal(rows.length, HOSTILE_USER_COUNT, frame);
      assert.match(frame, /hostile-␛\[31musername␛\[0m/, 'the escape in a username is shown visibly');
    });

    it('keeps every row aligned under the header, measured in terminal cells', () => {
      const { header, rows } = listLines(h.frame());
      const starts = columnStarts(header);
      assert.ok(starts.length >= 3, header);
      for (const row of rows) assertAligned(row, starts, columns);
      if (starts.some((s) => s.name === 'ENABLED')) {
        for (const row of rows) assert.equal(columnText(row, starts, 'ENABLED').trim(), 'yes', row);
      }
    });

    it('cuts long values with an ellipsis', () => {
      const { header, rows } = listLines(h.frame());
      const starts = columnStarts(header);
      const long = rows.find((r) => r.includes('hostile-long'));
      assert.ok(long);
      assert.match(columnText(long, starts, 'EMAIL').trimEnd(), /…$/);
      if (starts.some((s) => s.name === 'NAME')) assert.match(columnText(long, starts, 'NAME').trimEnd(), /^Very long name.*…$/);
    });
  });
}

describe('hostile users in the detail and event views', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ emulator: { hostile: true, usersInLargePool: 300 }, deepLink: { pool: LARGE_POOL_ID }, columns: 120, rows: 40 });
  });
  after(async () => { await h.close(); });

  it('every hostile user\'s detail view is safe', async () => {
    await searchHostile(h);
    for (let i = 0; i < HOSTILE_USER_COUNT; i++) {
      await h.press('g');
      for (let j = 0; j < i; j++) await h.press('j');
      await h.press('enter');
      await h.waitForText(/^username\s+hostile-/m);
      const frame = await h.waitForText(/^(custom:notes|address) /m);
      assertSafeFrame(frame, `detail of user #${i}`);
      assert.doesNotMatch(frame, /reading the whole row/);
      await h.press('escape');
      await h.waitForText(COUNT);
    }
  });

  it('event lists and event details of a hostile user are safe', async () => {
    await h.press('g', 'enter');
    await h.waitForText(/^username\s+hostile-␛/m);
    await h.press('enter');
    const refused = await h.waitForText(/failed to satisfy constraint/);
    assertSafeFrame(refused, 'a listed username that Cognito\'s Username pattern refuses in admin calls');
    await h.press('escape', 'escape');
    await h.waitForText(COUNT);
    await h.press('g', 'j', 'enter');
    await h.waitForText(/^username\s+hostile-/m);
    await h.press('enter');
    const list = await h.waitForText(/\d+\/\d+\+? events/);
    assertSafeFrame(list, 'event list');
    const total = Number(/\d+\/(\d+)\+? events/.exec(list)![1]);
    assert.ok(total >= 10);
    let hostilePlaces = 0;
    for (let i = 0; i < total; i++) {
      await h.press('enter');
      const detail = await h.waitForText('event id');
      assertSafeFrame(detail, `event #${i}`);
      if (/␛|␇|\uFFFD/.test(detail)) hostilePlaces++;
      await h.press('escape');
      await h.waitForText(/\d+\/\d+\+? events/);
      await h.press('j');
    }
    assert.ok(hostilePlaces > 0, 'some events carried hostile cities or devices, shown visibly');
  });

  it('a deep-linked username with escapes is shown visibly in the message that it is missing', async () => {
    h.store.getState().actions.openDeepLink(LARGE_POOL_ID, 'nobody\u001b]0;pwned\u0007\u009b2J');
    const frame = await h.waitForText(/No user|not found|No such user/i);
    assertSafeFrame(frame, 'missing user');
    assert.match(frame, /nobody␛\]0;pwned␇/);
  });
});

describe('a 10,000-character value in the detail view', () => {
  let h: AppHarness;
  const columns = 99;
  before(async () => {
    h = await startApp({ emulator: { hostile: true, usersInLargePool: 300 }, deepLink: { pool: LARGE_POOL_ID, user: 'hostile-long' }, columns, rows: 400 });
  });
  after(async () => { await h.close(); });

  function fieldValue(frame: string, label: string): string[] {
    const lines = frame.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${label} `));
    assert.ok(start >= 0, `no ${label} field`);
    const out = [cellSlice(lines[start], 22)];
    for (let i = start + 1; i < lines.length && /^ {22}\S/.test(lines[i]); i++) out.push(cellSlice(lines[i], 22));
    return out;
  }

  it('is cut to two lines in the user view, and A shows it up to the field cap, wrapped across lines no wider than the screen, marked as cut', async () => {
    await h.waitForText(/\d+\/\d+\+? events/);
    await h.press('escape');
    const summary = await h.waitForText('A shows every value whole');
    assert.equal(fieldValue(summary, 'name').length, 2, 'the user view keeps a long value to two lines');
    await h.press('A');
    const frame = await waitFor(() => {
      const f = h.frame();
      return /attributes of/.test(f) && /^address /m.test(f) && /^name /m.test(f) ? f : '';
    }, 8000, 'every attribute, whole');
    assertSafeFrame(frame, 'long detail');
    for (const [label, value] of [['name', LONG_HOSTILE_VALUE], ['address', LONG_DETAIL_VALUE]] as const) {
      const lines = fieldValue(frame, label);
      assert.ok(lines.length > 20, `${label} spans ${lines.length} lines`);
      for (const l of lines) assert.ok(stringWidth(l) <= columns - 22, `${label} line too wide: ${l}`);
      const shown = squeeze(lines.join(''));
      assert.ok(shown.endsWith(CUT_MARKER), `${label} says it was cut`);
      assert.equal(shown, squeeze(`${value.slice(0, MAX_FIELD_CODE_POINTS)}${CUT_MARKER}`), `${label} is shown up to the cap`);
    }
    for (const line of frame.split('\n')) assert.ok(stringWidth(line) <= columns, `line wider than the screen: ${line}`);
  });
});
