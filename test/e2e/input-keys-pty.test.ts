import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Waits until the screen no longer shows `text` (an Esc on its own reaches the app only after a short wait). */
async function waitGone(s: PtySession, text: string): Promise<void> {
  await waitFor(async () => !(await s.screen()).includes(text), 10000, `screen to stop showing ${text}`);
}

describe('built CLI at 80×24: input lines, paste, modal help', () => {
  let s: PtySession;
  before(async () => {
    s = new PtySession([BUILT_CLI, '--demo'], { cols: 80, rows: 24, env: { AWS_PROFILE: undefined } });
    await s.waitForText(LARGE_POOL_ID);
    s.type(`:pool ${LARGE_POOL_ID}\r`);
    await s.waitForText(/\d+\/\d+\+? users/);
  });
  after(async () => { await s.stop(); });

  it('+ reaches the search line, typed key by key and pasted, and is searched as typed', async () => {
    s.press('/');
    for (const ch of '+3461') s.type(ch);
    s.type('2345678');
    await s.waitForText('/+34612345678');
    s.press('enter');
    await s.waitForText('filter: phone_number ^= "+34612345678"');
    s.press('/', 'ctrl+u');
    s.type('maria.garcia+test@example.com');
    await s.waitForText('/maria.garcia+test@example.com');
    s.press('enter');
    await s.waitForText('filter: email ^= "maria.garcia+test@example.com"');
    s.press('escape');
    await s.waitForText('/ searches users on the server');
  });

  it('+ reaches the command line in a paste', async () => {
    s.press(':');
    s.type('user maria.garcia+test@example.com');
    await s.waitForText(':user maria.garcia+test@example.com');
    s.press('escape');
    await waitGone(s, ':user maria.garcia+test@example.com');
  });

  it('a 50 KB paste shows within seconds, is refused on one line, and the screen keeps its shape', async () => {
    s.press('/');
    const started = performance.now();
    await s.paste('z'.repeat(50 * 1024));
    await s.waitForText('51,200 characters', 20000);
    const shownMs = performance.now() - started;
    s.press('enter');
    const screen = await s.waitForText(/✖ nothing was sent: too long: 51,200 characters[\s\S]*(\? help|q quit|API \d+)/);
    assert.equal(screen.split('\n').filter((l) => l.includes('zzzz')).length, 1, screen);
    assert.match(screen, /\? help|q quit|API \d+/);
    assert.ok(shownMs < 10_000, `the paste took ${Math.round(shownMs)} ms to show`);
    s.press('escape');
    await s.waitForText('/ searches users on the server');
    await waitGone(s, 'zzzz');
  });

  it('with the help open, d opens no dialog, and q closes the help without quitting', async () => {
    s.press('?');
    await s.waitForText('Keys — esc, ? or q closes');
    s.press('d', 'S', 's');
    s.press('q');
    const screen = await s.waitForText('/ searches users on the server');
    assert.doesNotMatch(screen, /Sweep .* for risky events\?|y send/);
    assert.equal(s.exitCode, undefined, 'still running');
  });
});
