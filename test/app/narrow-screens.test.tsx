import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';
import { assertFits } from '../helpers/screen-walk.ts';

describe('80×24: long values, errors and the risk view', () => {
  it('a list\'s first-page error keeps its indent when it wraps', async () => {
    await withApp({ columns: 80, rows: 24, emulator: { adversary: { ListUsers: { mode: 'wrong-types', variant: 'number-for-string' } } } }, async (h) => {
      await h.waitForText(/1\/5 pools/);
      await h.press('enter');
      const screen = await h.waitForText(/✖ ListUsers/);
      const lines = screen.split('\n');
      const at = lines.findIndex((l) => l.includes('✖ ListUsers'));
      assert.match(lines[at], /^ {2}✖ ListUsers/);
      assert.match(lines[at + 1], /^ {4}\S/, `the continuation is indented under the message:\n${screen}`);
      assert.match(`${lines[at]} ${lines[at + 1]}`, /r reloads from the first\s+page/);
    });
  });

  it('an event with a 2,048-character city scrolls to its country, device and feedback', async () => {
    const start = () => startOnEvents({ columns: 80, rows: 24, emulator: { adversary: { AdminListUserAuthEvents: { mode: 'huge-field' } } } });
    await withApp(start, async (h) => {
      await h.press('enter');
      let screen = await h.waitForText(/risk level/);
      assert.match(screen, /city +x{20}/, 'the first event carries the huge city');
      assert.doesNotMatch(screen, /feedback provider/);
      assertFits('event', screen, 80, 24);
      assert.match(screen, /lines 1–\d+ of \d+/);
      assert.match(screen.split('\n').at(-1) ?? '', /j\/↓/, 'the footer offers scrolling');
      await h.press('G');
      screen = await h.waitForText(/feedback provider/);
      for (const label of ['country', 'device', 'timezone', 'feedback date']) assert.match(screen, new RegExp(`^${label} `, 'm'), `${label} is reachable`);
      assertFits('event', screen, 80, 24);
      await h.press('g');
      screen = await h.waitForText(/^event id /m);
      await h.press('j');
      screen = await h.waitForText(/lines 2–/);
      assert.doesNotMatch(screen, /^event id /m);
    });
  });
});
