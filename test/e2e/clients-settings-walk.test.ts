import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

describe('built CLI in a pseudo-terminal at 80×24: app clients, a client, the pool\'s settings', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 80, rows: 24, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it(':clients lists the pool\'s app clients', async () => {
    await s.waitForText(/\/60\+ users/);
    s.press(':');
    s.type('clients');
    s.press('enter');
    const screen = await s.waitForText('billing-backend');
    assert.match(screen, /› app clients/);
  });

  it('G, enter: billing-backend\'s detail says it has a secret and shows no more of it', async () => {
    s.press('G');
    await s.waitForText('▶ billing-backend');
    s.press('enter');
    await s.waitForText(/› app clients › billing-backend/);
    await s.waitForText(/auth flows/);
    assert.equal(emu.requests.filter((r) => r.operation === 'DescribeUserPoolClient').length, 1, 'the detail is one read');
    for (let i = 0; i < 40 && !/has a client secret/.test(await s.screen()); i++) s.press('j');
    const screen = await s.waitForText('has a client secret');
    assert.match(screen, /client secret\s+has a client secret\s*$/m, 'nothing of the secret follows');
  });

  it('esc, esc, t: the pool\'s settings, scrolled down to the Lambda triggers', async () => {
    s.press('escape');
    await s.waitForText('▶ billing-backend');
    s.press('escape');
    await s.waitForText(/\/60\+ users/);
    s.press('t');
    await s.waitForText(/deletion protection/);
    for (let i = 0; i < 60 && !/Lambda triggers/.test(await s.screen()); i++) s.press('j');
    const screen = await s.waitForText('Lambda triggers');
    assert.doesNotMatch(screen, /arn:aws:lambda/, 'triggers are shown by function name');
  });
});
