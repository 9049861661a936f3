import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { createHistoryFiles } from '../../src/history/history-file.ts';
import type { AppHarness } from '../helpers/app-harness.tsx';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const USERS = /\/\d+\+? users/;

async function promptShows(h: AppHarness, text: string): Promise<void> {
  await waitFor(() => h.store.getState().prompt?.text === text, 3000, `the input line to hold "${text}" (it holds "${h.store.getState().prompt?.text}")`);
}

/** Runs a fresh search (the line opens with the search in force; ctrl+u clears it first). */
async function search(h: AppHarness, text: string): Promise<void> {
  await h.press('/');
  await h.press('ctrl+u');
  await h.type(text);
  await h.press('enter');
  await h.waitForText(USERS);
}

describe('↑/↓ recall the lines of / search, f filter and : command, per pool, across sessions', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'cognito-tui-app-history-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('/ search: ↑ goes back through the searches run, ↓ forward and then to what was typed', async () => {
    await withApp({ deepLink: { pool: LARGE_POOL_ID }, deps: { history: createHistoryFiles(dir) } }, async (h) => {
      await h.waitForText(USERS);
      await search(h, 'maria');
      await search(h, 'ahmed');
      await h.press('/');
      await h.press('ctrl+u');
      await h.type('jo');
      await h.press('up');
      await promptShows(h, 'ahmed');
      await h.waitForText('ahmed');
      await h.press('up');
      await promptShows(h, 'maria');
      await h.press('up');
      await promptShows(h, 'maria');
      await h.press('down');
      await promptShows(h, 'ahmed');
      await h.press('down');
      await promptShows(h, 'jo');
      await h.press('escape');
    });
    const file = join(dir, `${LARGE_POOL_ID}.json`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as { search: string[] }).search, ['maria', 'ahmed']);
  });

  it('the next session recalls them, and : and f keep their own', async () => {
    await withApp(() => startOnEvents({ deps: { history: createHistoryFiles(dir) } }), async (h) => {
      await h.submit('f', 'risk=High');
      await h.submit(':', 'incident INC-7');
      await h.press(':');
      await h.press('up');
      await promptShows(h, 'incident INC-7');
      await h.press('escape');
      await h.press('f');
      await h.press('ctrl+u');
      await h.press('up');
      await promptShows(h, 'risk=High');
      await h.press('up');
      await promptShows(h, 'risk=High');
      await h.press('escape');
      await h.press('escape', 'escape');
      await h.waitForText(USERS);
      await h.press('/');
      await h.press('up');
      await promptShows(h, 'ahmed');
      await h.press('escape');
    });
  });

  it('without a history store (--no-history) nothing is saved, and the session still recalls', async () => {
    const before = readFileSync(join(dir, `${LARGE_POOL_ID}.json`), 'utf8');
    await withApp({ deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText(USERS);
      await search(h, 'zoe');
      await h.press('/');
      await h.press('up');
      await promptShows(h, 'zoe');
      await h.press('up');
      await promptShows(h, 'zoe');
      await h.press('escape');
    });
    assert.equal(readFileSync(join(dir, `${LARGE_POOL_ID}.json`), 'utf8'), before);
  });
});
