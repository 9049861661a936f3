import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { rawCall, useEmulator } from './helpers.ts';

describe('emulator: an error for one operation (a permission missing on one call)', () => {
  const fx = useEmulator({ usersInLargePool: 200 });

  it('answers that operation with the error every time, and the others normally', async () => {
    fx.emu.setFaults({ operationErrors: { AdminListDevices: { type: 'AccessDeniedException', message: 'not allowed: cognito-idp:AdminListDevices' } } });
    try {
      for (let i = 0; i < 2; i++) {
        const denied = await rawCall(fx.emu, 'AdminListDevices', { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME });
        assert.equal(denied.status, 400);
        assert.equal(denied.json.__type, 'AccessDeniedException');
      }
      const groups = await rawCall(fx.emu, 'AdminListGroupsForUser', { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME });
      assert.equal(groups.status, 200);
      assert.equal(fx.emu.requests.filter((r) => r.operation === 'AdminListDevices' && r.errorType === 'AccessDeniedException').length, 2);
    } finally {
      fx.emu.setFaults({});
    }
  });
});
