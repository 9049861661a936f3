import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { CognitoGateway } from '../../src/gateway/types.ts';
import { withApp } from '../helpers/app-harness.tsx';

describe('an admin write in flight on the user on screen', () => {
  it('shows on the status line until Cognito answers', async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => { answer = resolve; });
    const hold = (gw: CognitoGateway): CognitoGateway => Object.assign(Object.create(gw) as CognitoGateway, {
      resetUserPassword: async (poolId: string, username: string) => {
        await held;
        return gw.resetUserPassword(poolId, username);
      },
    });
    await withApp({ columns: 200, deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME }, wrapGateway: hold }, async (h) => {
      await h.waitForText(/\/\d+\+? events/);
      await h.press('escape');
      await h.waitForText(/username\s+maria\.garcia/);
      await h.press('p');
      await h.waitForText(/Reset the password/);
      await h.press('y');
      const sending = await h.waitForText(/status\s+CONFIRMED · sending: Reset the password of maria\.garcia…/);
      assert.doesNotMatch(sending, /RESET_REQUIRED/);
      answer();
      await h.waitForText(/status\s+RESET_REQUIRED/);
      assert.doesNotMatch(h.frame(), /sending:/);
    });
  });
});
