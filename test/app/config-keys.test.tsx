import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConfigState } from '../../src/config/config-types.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const CONFIG: ConfigState = {
  keys: { users: { disable: ['D'], sweep: ['Z'] }, global: { help: ['K'] } },
  aliases: { u: 'user', mg: `user ${TAKEOVER_USERNAME}` },
  commands: [],
  pools: {},
};

const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

describe('app: keys remapped in the config', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: 160, deps: { config: CONFIG } });
    await h.waitForText(/1\/60\+ users/);
  });
  after(async () => { await h.close(); });

  it('the footer shows the remapped keys, from the same table the keys use', () => {
    assert.match(footer(h.frame()), /Z sweep/);
    assert.doesNotMatch(footer(h.frame()), /\bs sweep/);
    assert.match(footer(h.frame()), /K help {2}q quit {2}API/, 'help and quit still end the hints, on their new keys');
    assert.doesNotMatch(footer(h.frame()), /\? help/);
  });
  it('the old key does nothing, the new one does what the old one did', async () => {
    await h.press('d');
    assert.equal(h.store.getState().confirm, undefined);
    await h.press('D');
    await waitFor(() => h.store.getState().confirm);
    await h.press('n');
    await waitFor(() => !h.store.getState().confirm);
  });
  it('the help (opened by its new key) lists the remapped keys', async () => {
    await h.press('?');
    assert.equal(h.store.getState().helpOpen, false);
    await h.press('K');
    await h.waitForText(/Keys — esc/);
    let frame = h.frame();
    for (let page = 0; page < 3; page++) {
      await h.press('pagedown');
      frame += h.frame();
    }
    assert.match(frame, /\bD\s+disable/);
    assert.match(frame, /\bZ\s+sweep/);
    assert.doesNotMatch(frame, /\bd\s+disable/);
    assert.match(frame, /\bK\s+help/);
    await h.press('K');
    await waitFor(() => !h.store.getState().helpOpen, 5000, 'K to close the help as ? would');
  });
});

describe('app: command aliases', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, deps: { config: CONFIG } });
    await h.waitForText(/1\/60\+ users/);
  });
  after(async () => { await h.close(); });

  it('Tab completes an alias among the commands', async () => {
    await h.press(':');
    await h.type('m');
    await h.press('tab');
    await h.waitForText(':mg');
    await h.press('escape');
  });
  it(':u NAME runs :user NAME, and an alias with its argument runs the whole line', async () => {
    await h.submit(':', `u ${TAKEOVER_USERNAME}`);
    await waitFor(() => { const r = currentRoute(h.store.getState()); return r.view === 'events' && r.username === TAKEOVER_USERNAME; });
    await h.submit(':', `pool ${LARGE_POOL_ID}`);
    await waitFor(() => currentRoute(h.store.getState()).view === 'users');
    await h.submit(':', 'mg');
    await waitFor(() => { const r = currentRoute(h.store.getState()); return r.view === 'events' && r.username === TAKEOVER_USERNAME; });
  });
});

describe('app: per-pool settings and the write mode in the header', () => {
  let h: AppHarness;
  before(async () => {
    const config: ConfigState = {
      ...CONFIG, keys: {},
      pools: { [LARGE_POOL_ID]: { columns: ['email', 'status', 'username'], searchAttribute: 'username' } },
      modeNote: 'read-only: profile prod (config); --write allows writes',
    };
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, readOnly: true, columns: 160, deps: { config } });
    await h.waitForText(/1\/60\+ users/);
  });
  after(async () => { await h.close(); });

  it('the users list shows the pool\'s columns in its order', () => {
    const header = h.frame().split('\n').find((l) => /\bEMAIL\b/.test(l)) ?? '';
    assert.match(header, /EMAIL\s+STATUS\s+USERNAME/);
    assert.doesNotMatch(header, /ENABLED|CREATED/);
  });
  it('/ searches the pool\'s attribute by default', async () => {
    await h.press('/');
    await h.waitForText(/username/);
    assert.equal(h.store.getState().prompt?.attribute, 'username');
    await h.press('escape');
  });
  it('the header says writes are off and why', () => {
    const top = h.frame().split('\n')[0];
    assert.match(top, /READ-ONLY/);
    assert.match(top, /read-only: profile prod \(config\)/);
  });
});
