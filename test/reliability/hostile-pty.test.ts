import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { HOSTILE_USER_COUNT } from '../../src/emulator/cognito/hostile.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { UNSAFE_ON_SCREEN } from './screen.ts';
import { WatchedPty } from './watched-pty.ts';

const USERS = new RegExp(`\\d+/${HOSTILE_USER_COUNT} users`);
/** Escape sequences that leave the screen grid (OSC, DCS, SOS, PM, APC), BEL, and C1 controls. */
// eslint-disable-next-line no-control-regex
const OFF_GRID = /\u001b[\]PX^_]|\u0007|[\u0080-\u009f]/;

describe('the terminal watcher', () => {
  it('sees titles, clipboard writes and DCS when a program does send them', async () => {
    const script = String.raw`process.stdout.write('\x1b]0;t0\x07\x1b]2;t2\x1b\\\x1b]1;i\x07\x1b]52;c;eA==\x07\x1bPq#0\x1b\\ok\n'); setTimeout(() => {}, 200);`;
    const s = new WatchedPty(['-e', script]);
    try {
      await s.waitForText('ok');
      await s.exited();
      await s.screen();
      assert.deepEqual(s.effects.map((e) => `${e.kind}:${e.id}`), ['osc:0', 'osc:2', 'osc:1', 'osc:52', 'dcs:q']);
      assert.deepEqual(s.titles, ['t0', 't2']);
    } finally {
      await s.stop();
    }
  });
});

describe('built CLI showing hostile users in a pseudo-terminal', () => {
  let emu: RunningEmulator;
  let s: WatchedPty;
  before(async () => {
    emu = await startEmulator({ port: 0, hostile: true, usersInLargePool: 300 });
    s = new WatchedPty([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 140, rows: 40, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('lists the hostile users', async () => {
    await s.waitForText(/\d+\/\d+\+? users/);
    s.press('/');
    s.type('username ^= "hostile"');
    s.press('enter');
    await s.waitForText(USERS);
  });

  it('opens each hostile user\'s detail view', async () => {
    for (let i = 0; i < HOSTILE_USER_COUNT; i++) {
      s.press('g', ...Array<string>(i).fill('j'), 'enter');
      const screen = await s.waitForText(/username\s+hostile-/);
      assert.doesNotMatch(screen, UNSAFE_ON_SCREEN);
      s.press('escape');
      await s.waitForText(USERS);
    }
  });

  it('opens a hostile user\'s events and every event detail', async () => {
    s.press('g', 'j', 'enter');
    await s.waitForText(/username\s+hostile-/);
    s.press('enter');
    const list = await s.waitForText(/\d+\/\d+\+? events/);
    const total = Number(/\d+\/(\d+)\+? events/.exec(list)![1]);
    for (let i = 0; i < total; i++) {
      s.press('enter');
      await s.waitForText('event id');
      s.press('escape');
      await s.waitForText(/\d+\/\d+\+? events/);
      s.press('j');
    }
    s.press('escape');
    await s.waitForText(/username\s+hostile-/);
  });

  it('never had its title, icon name or clipboard set, nor received a DCS, from that data', async () => {
    await s.screen();
    assert.deepEqual(s.effects, []);
    assert.deepEqual(s.titles, []);
    const hit = OFF_GRID.exec(s.raw);
    assert.equal(hit, null, hit ? `off-grid sequence in the output near ${JSON.stringify(s.raw.slice(Math.max(0, hit.index - 40), hit.index + 40))}` : '');
  });

  it('C copies the user as JSON: one OSC 52 whose payload is the literal data, escapes and all', async () => {
    s.press('escape');
    await s.waitForText(USERS);
    s.press('g', 'enter');
    await s.waitForText(/username\s+hostile-/);
    await waitFor(async () => !(await s.screen()).includes('reading the whole row'), 10000, 'the whole user row');
    s.press('C');
    await waitFor(() => s.effects.length > 0, 10000, 'a clipboard write');
    await s.waitForText('sent to the terminal clipboard (OSC 52)');
    assert.equal(s.effects.length, 1);
    const [effect] = s.effects;
    assert.equal(`${effect.kind}:${effect.id}`, 'osc:52');
    const [target, payload] = effect.data.split(';');
    assert.equal(target, 'c');
    assert.match(payload, /^[A-Za-z0-9+/]+=*$/);
    const copied = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { username: string; attributes: Record<string, string> };
    assert.match(copied.username, /^hostile-/);
    assert.ok(Object.values(copied.attributes).some((v) => v.includes('\u001b')), 'the clipboard holds the raw escape characters as data');
    assert.deepEqual(s.titles, []);
  });

  it('q quits', async () => {
    s.press('q');
    assert.equal(await s.exited(), 0);
  });
});
