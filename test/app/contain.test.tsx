import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsAttention } from '../../src/domain/event-risk.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { checkedSteps } from '../../src/store/dialog.ts';
import { listKey } from '../../src/store/routes.ts';
import type { ChecklistDialog } from '../../src/store/state.ts';
import { READ_ONLY_TEXT } from '../../src/writes/run-write.ts';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const MARIA_EVENTS = listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME });
const WRITES = ['AdminDisableUser', 'AdminUserGlobalSignOut', 'AdminResetUserPassword', 'AdminForgetDevice', 'AdminUpdateAuthEventFeedback'];
const DENIED = 'User: arn:aws:sts::123456789012:assumed-role/OnCall/me is not authorized to perform: cognito-idp:AdminUserGlobalSignOut';

describe('app: :contain on maria.garcia through the emulator', () => {
  it('d lists the calls with their count; y sends each once; a denied sign-out does not stop the other steps and the summary names it', async () => {
    await withApp(() => startOnEvents({ rows: 40, deps: { feedbackIntervalMs: 5 } }), async (h) => {
      const risky = (h.store.getState().lists[MARIA_EVENTS]?.items as AuthEvent[]).filter((e) => needsAttention(e) && e.feedback?.value !== 'Invalid');
      assert.ok(risky.length > 0, 'maria has loaded risky events');
      await h.submit(':', 'contain');
      await h.waitForText(`Contain ${TAKEOVER_USERNAME}?`);
      await h.press('d');
      await h.waitForText('dry run — nothing was sent');
      await h.waitForText(`AdminDisableUser ${TAKEOVER_USERNAME}`);
      const dialog = h.store.getState().confirm as ChecklistDialog;
      const lines = dialog.describe(checkedSteps(dialog));
      const expected = 2 + risky.length;
      assert.deepEqual(lines.slice(0, 2), [`AdminDisableUser ${TAKEOVER_USERNAME}`, `AdminUserGlobalSignOut ${TAKEOVER_USERNAME}`]);
      assert.equal(lines.filter((l) => l.startsWith('AdminUpdateAuthEventFeedback')).length, risky.length);
      assert.equal(lines.at(-1), `${expected} calls`);
      assert.deepEqual(WRITES.map((w) => h.count(w)), [0, 0, 0, 0, 0], 'the dry run sends nothing');

      h.emulator.setFaults({ operationErrors: { AdminUserGlobalSignOut: { type: 'NotAuthorizedException', message: DENIED } } });
      await h.press('y');
      const summary = await waitFor(() => {
        const text = h.store.getState().flash?.text ?? '';
        return text.startsWith('Contained') ? text : '';
      }, 15_000, 'the containment summary');
      h.emulator.setFaults({});
      assert.equal(h.count('AdminDisableUser'), 1);
      assert.equal(h.count('AdminUserGlobalSignOut'), 1);
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), risky.length);
      assert.equal(h.count('AdminResetUserPassword'), 0);
      assert.equal(h.count('AdminForgetDevice'), 0);
      const order = h.operations().filter((o) => WRITES.includes(o));
      assert.deepEqual(order.slice(0, 2), ['AdminDisableUser', 'AdminUserGlobalSignOut']);
      assert.match(summary, new RegExp(`Contained ${TAKEOVER_USERNAME}: ${1 + risky.length} calls succeeded`));
      assert.match(summary, /FAILED: AdminUserGlobalSignOut maria\.garcia — .*not authorized/);
      assert.match(summary, /access and ID tokens already issued: they stay valid until they expire, 1 hour by default/);
      assert.equal(h.store.getState().flash?.level, 'error');
    });
  });

  it('the other steps: reset password and forget devices list her devices when run and forget each once', async () => {
    await withApp(() => startOnEvents({ deps: { feedbackIntervalMs: 5 } }), async (h) => {
      await h.submit(':', 'contain');
      await h.waitForText(`Contain ${TAKEOVER_USERNAME}?`);
      // uncheck disable, sign out and mark Invalid; check forget devices and reset password
      await h.press('space', 'j', 'space', 'j', 'space', 'j', 'space', 'j', 'space');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      assert.deepEqual(checkedSteps(dialog).map((s) => s.id), ['forget-devices', 'reset-password']);
      await h.press('y');
      const summary = await waitFor(() => {
        const text = h.store.getState().flash?.text ?? '';
        return text.startsWith('Contained') ? text : '';
      }, 15_000, 'the containment summary');
      assert.equal(h.count('AdminResetUserPassword'), 1, summary);
      assert.equal(h.count('AdminForgetDevice'), 2, summary);
      assert.equal(h.count('AdminDisableUser'), 0);
      assert.match(summary, /: 3 calls succeeded\./);
      assert.doesNotMatch(summary, /FAILED/);
    });
  });

  it('--read-only refuses before any checklist', async () => {
    await withApp(() => startOnEvents({ readOnly: true }), async (h) => {
      await h.submit(':', 'contain');
      await waitFor(() => h.store.getState().flash?.text === READ_ONLY_TEXT);
      assert.equal(h.store.getState().confirm, undefined);
      assert.deepEqual(WRITES.map((w) => h.count(w)), [0, 0, 0, 0, 0]);
    });
  });
});
