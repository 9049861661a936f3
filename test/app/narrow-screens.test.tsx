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

  it('the risk view fits every configuration row and shows the cursor row among a few app clients', async () => {
    await withApp({ columns: 80, rows: 24 }, async (h) => {
      await h.waitForText(/1\/5 pools/);
      await h.press('c');
      let screen = await h.waitForText(/no configuration of its own/);
      const check = (s: string) => {
        assertFits('risk', s, 80, 24);
        assert.match(s, /threat protection ENFORCED/);
        for (const label of ['takeover: Low risk', 'takeover: High risk', 'compromised creds', 'blocked IP ranges', 'skipped IP ranges', 'notify from', 'notify reply-to', 'last modified']) {
          assert.match(s, new RegExp(`^${label} `, 'm'), `${label}:\n${s}`);
        }
        const lines = s.split('\n');
        const header = lines.findIndex((l) => /^ {2}APP CLIENT +CLIENT ID/.test(l));
        const status = lines.findIndex((l) => /\d+\/\d+ app clients/.test(l));
        assert.ok(header >= 0 && status - header - 1 >= 3, `at least three app clients are listed:\n${s}`);
        return lines.slice(header + 1, status);
      };
      let clients = check(screen);
      assert.match(clients.join('\n'), /^▶ customer-web /m);
      assert.match(screen, /185\.220\.100\.0\/22, 203\.0\.113\.0\/24/, 'a value the client shares with the pool is shown whole');
      await h.press('j', 'j');
      screen = await h.waitForText(/own configuration · \d+ overrides/);
      clients = check(screen);
      assert.match(clients.join('\n'), /^▶ support-admin-console /m, `the selected client's name is shown:\n${screen}`);
    });
  });
});
