import { tupleParts } from '../../src/store/routes.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const PHONE = '+34612345678';
const EMAIL = 'maria.garcia+test@example.com';
const WIDTH = 100;

/** The Filter of every ListUsers request the emulator received. */
function filtersSent(h: AppHarness): string[] {
  return h.emulator.requests.filter((r) => r.operation === 'ListUsers').map((r) => String((r.body as { Filter?: string } | undefined)?.Filter ?? ''));
}

function widest(frame: string): number {
  return Math.max(...frame.split('\n').map((line) => stringWidth(line)));
}

describe('app: + and every printable character reach each input line, typed or pasted', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: WIDTH });
    await h.waitForText(/\d+\/\d+\+? users/);
  });
  after(async () => { await h.close(); });

  for (const [how, enter] of [['typed', (t: string) => h.type(t)], ['pasted', (t: string) => h.press(t)]] as const) {
    it(`/ search, ${how}: ${PHONE} searches phone_number, ${EMAIL} searches email, both sent as typed`, async () => {
      for (const [text, filter] of [[PHONE, `phone_number ^= "${PHONE}"`], [EMAIL, `email ^= "${EMAIL}"`]]) {
        await h.press('/');
        await enter(text);
        await h.waitForText(`/${text}`);
        await h.press('enter');
        await waitFor(() => filtersSent(h).includes(filter), 5000, `ListUsers with ${filter}`);
        await h.waitForText(`filter: ${filter}`);
        await h.press('escape');
        await waitFor(() => h.store.getState().searches[LARGE_POOL_ID] === '');
      }
    });

    it(`: command line, ${how}: the text is kept whole`, async () => {
      await h.press(':');
      await enter(`user ${EMAIL}`);
      await h.waitForText(`:user ${EMAIL}`);
      await h.press('ctrl+u');
      await enter(`user ${PHONE}`);
      await h.waitForText(`:user ${PHONE}`);
      await h.press('escape');
    });
  }

  it('f filter line on the events, typed and pasted', async () => {
    await h.submit(':', `user ${EMAIL}`);
    await waitFor(() => currentRoute(h.store.getState()).view === 'events');
    await waitFor(() => {
      const s = h.store.getState();
      const key = Object.keys(s.lists).find((k) => tupleParts(k)[0] === 'events');
      return key !== undefined && (s.lists[key].pagesLoaded > 0 || s.lists[key].error !== undefined);
    }, 5000, 'the events list to answer');
    await h.press('f');
    await h.type(`ip=${PHONE}`);
    await h.waitForText(`filter: ip=${PHONE}`);
    await h.press('ctrl+u', `ip=${EMAIL}`);
    await h.waitForText(`filter: ip=${EMAIL}`);
    await h.press('escape');
    await h.press('escape', 'escape');
    await waitFor(() => currentRoute(h.store.getState()).view === 'users');
  });

  it('a 50 KB paste into / is refused on one line, sends nothing, and no line is wider than the screen', async () => {
    await h.press('/');
    const started = performance.now();
    await h.press('z'.repeat(50 * 1024));
    await h.waitForText('51,200 characters: Cognito');
    const pasteMs = performance.now() - started;
    assert.ok(widest(h.frame()) <= WIDTH, `widest line ${widest(h.frame())}`);
    await h.press('enter');
    const frame = await h.waitForText(/✖ nothing was sent: too long: 51,200 characters, Cognito's filter takes at most 256/);
    assert.ok(widest(frame) <= WIDTH, `widest line ${widest(frame)}`);
    assert.equal(frame.split('\n').filter((l) => l.includes('zzzzzzzzzz')).length, 1, 'the pasted text is shown on one line only');
    assert.deepEqual(filtersSent(h).filter((f) => f.includes('zzz')), [], 'nothing of it was sent');
    assert.equal(h.store.getState().searches[LARGE_POOL_ID], '', 'the list keeps its search');
    assert.ok(pasteMs < 3000, `the paste took ${Math.round(pasteMs)} ms to show`);
    await h.press('escape');
  });
});
