import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConfigState } from '../../src/config/config-types.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const CONFIG: ConfigState = {
  keys: {}, aliases: {}, pools: {},
  commands: [{
    name: 'ticket', key: 'Z', command: 'ticket', views: ['users'], confirm: true, output: 'background',
    run: ['./bin/open-ticket', '--user', '{{.Username}}', '--email', '{{.Email}}', '--pool', '{{.PoolId}}', '--region', '{{.Region}}', '--last-argument'],
  }],
};

describe('app: a custom command that asks first, at 80 columns', () => {
  let h: AppHarness;
  const ran: string[][] = [];
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: 80, rows: 24, deps: { config: CONFIG, runProgram: async (argv) => { ran.push(argv); return { code: 0 }; } } });
    await h.waitForText(/1\/60\+ users/);
  });
  after(async () => { await h.close(); });

  it('shows every argument it will run, wrapped, none cut off; n runs nothing', async () => {
    await h.press('Z');
    await h.waitForText('Run ticket?');
    const frame = h.frame().replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
    assert.match(frame, new RegExp(`--pool ${LARGE_POOL_ID} --region us-east-1 --last-argument`));
    await h.press('n');
    await waitFor(() => !h.store.getState().confirm);
    assert.deepEqual(ran, []);
  });
});
