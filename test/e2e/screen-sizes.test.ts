import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bareEnv, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { walkMainViews } from '../helpers/screen-walk.ts';

describe('built CLI in a pseudo-terminal: every main view at 80×24 and at 200×50', () => {
  for (const [cols, rows] of [[80, 24], [200, 50]] as const) {
    it(`${cols}×${rows}: pools, users, user, events, event, risk, sweep, log`, async () => {
      const s = new PtySession([BUILT_CLI, '--demo'], { cols, rows, env: bareEnv() });
      try {
        const seen = await walkMainViews(s, cols, rows);
        assert.deepEqual(seen.map((v) => v.view), ['pools', 'users', 'user', 'events', 'event', 'risk', 'sweep', 'log']);
        s.press('q');
        assert.equal(await s.exited(), 0);
      } finally {
        await s.stop();
      }
    });
  }

  it('--time local shows local times with their offset (TZ=Europe/Madrid)', async () => {
    const s = new PtySession([BUILT_CLI, '--demo', '--time', 'local'], { cols: 120, rows: 30, env: bareEnv({ TZ: 'Europe/Madrid' }) });
    try {
      const screen = await s.waitForText(/1\/5 pools/);
      assert.match(screen, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+0[12]:00/);
      assert.doesNotMatch(screen, /\d\d:\d\d:\d\dZ/);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });
});
