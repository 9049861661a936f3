import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AUDIT_POOL_ID, LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID } from '../../src/emulator/well-known-ids.ts';
import type { AppClient } from '../../src/gateway/types.ts';
import { listKey, riskKey, type ListRef } from '../../src/store/routes.ts';
import { READ_ONLY_TEXT } from '../../src/writes/run-write.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

type Raw = Record<string, unknown>;

async function describeRaw(h: AppHarness, poolId: string, clientId?: string): Promise<Raw> {
  const res = await rawCall(h.emulator, 'DescribeRiskConfiguration', { UserPoolId: poolId, ...(clientId ? { ClientId: clientId } : {}) });
  assert.equal(res.status, 200);
  return res.json.RiskConfiguration as Raw;
}

/** Compares every leaf of two values, one by one, naming the field that differs. */
function assertSameFields(before: unknown, after: unknown, path: string) {
  if (before !== null && typeof before === 'object') {
    assert.ok(after !== null && typeof after === 'object', `${path} is still an object`);
    for (const k of new Set([...Object.keys(before), ...Object.keys(after as object)])) assertSameFields((before as Raw)[k], (after as Raw)[k], `${path}.${k}`);
    return;
  }
  assert.deepEqual(after, before, `${path} unchanged`);
}

const takeover = (r: Raw) => r.AccountTakeoverRiskConfiguration as { Actions: Record<string, { EventAction: string; Notify: boolean }>; NotifyConfiguration: Raw };
const flash = (h: AppHarness) => h.store.getState().flash?.text ?? '';
const dangerous = (h: AppHarness) => { const c = h.store.getState().confirm; return c !== undefined && 'dangerous' in c && c.dangerous === true; };
const confirmText = (h: AppHarness) => { const c = h.store.getState().confirm; return c ? `${c.title} ${c.detail ?? ''}` : ''; };

describe('app: edit the risk configuration with :risk-set', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: AUDIT_POOL_ID } });
    await h.submit(':', 'risk');
    await waitFor(() => h.store.getState().risk[riskKey(AUDIT_POOL_ID, undefined)]?.value);
  });
  after(async () => { await h.close(); });

  it('e opens :risk-set; High to MFA required is shown as a diff, written once and read back, every other section unchanged', async () => {
    const before = await describeRaw(h, AUDIT_POOL_ID);
    await h.press('e');
    await waitFor(() => h.store.getState().prompt?.text === 'risk-set ');
    await h.type('pool high=mfa-required');
    await h.press('enter');
    await waitFor(() => confirmText(h).includes('accountTakeover.high.action: NO_ACTION → MFA_REQUIRED'));
    assert.doesNotMatch(confirmText(h), /medium|low|compromised|exceptions/, 'only the changed field is listed');
    assert.equal(dangerous(h), false, 'raising protection is not drawn red');
    assert.equal(h.count('SetRiskConfiguration'), 0);
    await h.press('y');
    await waitFor(() => flash(h).includes('Read back: accountTakeover.high.action MFA_REQUIRED'));
    assert.equal(h.count('SetRiskConfiguration'), 1);
    const after = await describeRaw(h, AUDIT_POOL_ID);
    assert.equal(takeover(after).Actions.HighAction.EventAction, 'MFA_REQUIRED');
    assert.equal(takeover(after).Actions.HighAction.Notify, takeover(before).Actions.HighAction.Notify);
    assertSameFields(takeover(before).Actions.LowAction, takeover(after).Actions.LowAction, 'LowAction');
    assertSameFields(takeover(before).Actions.MediumAction, takeover(after).Actions.MediumAction, 'MediumAction');
    assertSameFields(takeover(before).NotifyConfiguration, takeover(after).NotifyConfiguration, 'NotifyConfiguration');
    assertSameFields(before.RiskExceptionConfiguration, after.RiskExceptionConfiguration, 'RiskExceptionConfiguration');
    assertSameFields(before.CompromisedCredentialsRiskConfiguration, after.CompromisedCredentialsRiskConfiguration, 'CompromisedCredentialsRiskConfiguration');
    assert.equal(h.store.getState().risk[riskKey(AUDIT_POOL_ID, undefined)]?.value?.accountTakeover?.high?.action, 'MFA_REQUIRED', 'the view shows what was read back');
  });

  it('a bad value gets a one-line message and sends nothing', async () => {
    const requests = h.emulator.requests.length;
    for (const [line, message] of [
      ['risk-set high=sometimes', 'not an action for high'],
      ['risk-set cc-events=sign-in,logout', '"logout" is not an event'],
      ['risk-set notify=on', 'applies to the levels named with it'],
    ]) {
      await h.press(':');
      await h.type(line);
      await h.press('enter');
      await waitFor(() => (h.store.getState().prompt?.error ?? '').includes(message), 5000, line);
      await h.press('escape');
    }
    assert.equal(h.emulator.requests.length, requests, 'no request at all for a bad value');
    await h.submit(':', 'risk-set pool high=mfa-required');
    await waitFor(() => flash(h).includes('already has these settings: nothing to send'));
    assert.equal(h.count('SetRiskConfiguration'), 1, 'still only the first write');
    assert.equal(h.emulator.requests.filter((r, i) => i >= requests && r.operation !== 'DescribeRiskConfiguration').length, 0);
  });

  it('lowering protection is drawn red and names what it lowers; n sends nothing', async () => {
    await h.submit(':', 'risk-set pool high=no-action');
    await waitFor(() => confirmText(h).includes('LOWERS protection: high risk: mfa-required → no-action'));
    assert.equal(dangerous(h), true);
    await h.press('n');
    assert.equal(h.count('SetRiskConfiguration'), 1);
  });
});

describe('app: :risk-set on an app client and read-only', () => {
  it('on a client that inherits, the confirmation says it stops inheriting; the pool is untouched', async () => {
    const h = await startApp({ deepLink: { pool: LARGE_POOL_ID } });
    try {
      await h.submit(':', 'risk');
      const clients: ListRef = { kind: 'clients', poolId: LARGE_POOL_ID };
      await waitFor(() => (h.store.getState().lists[listKey(clients)]?.items.length ?? 0) > 0);
      const pool = await describeRaw(h, LARGE_POOL_ID);
      const at = (h.store.getState().lists[listKey(clients)]!.items as AppClient[]).findIndex((c) => c.id === LARGE_POOL_WEB_CLIENT_ID);
      await h.press('g', ...Array.from({ length: at }, () => 'j'));
      await waitFor(() => h.store.getState().lists[listKey(clients)]?.cursor === at);
      await h.press('enter');
      await waitFor(() => h.store.getState().risk[riskKey(LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID)]?.value);
      await h.submit(':', 'risk-set cc-events=sign-in low=block');
      await waitFor(() => confirmText(h).includes('stops inheriting'));
      assert.match(confirmText(h), /app client .*compromisedCredentials\.eventFilter: SIGN_IN,PASSWORD_CHANGE,SIGN_UP → SIGN_IN; accountTakeover\.low\.action: NO_ACTION → BLOCK/);
      assert.equal(dangerous(h), true, 'fewer events checked lowers protection');
      await h.press('y');
      await waitFor(() => flash(h).includes('Read back:'));
      const client = await describeRaw(h, LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID);
      assert.equal(client.ClientId, LARGE_POOL_WEB_CLIENT_ID);
      assert.equal(takeover(client).Actions.LowAction.EventAction, 'BLOCK');
      assertSameFields(pool.RiskExceptionConfiguration, client.RiskExceptionConfiguration, 'RiskExceptionConfiguration');
      assertSameFields(takeover(pool).NotifyConfiguration, takeover(client).NotifyConfiguration, 'NotifyConfiguration');
      assert.deepEqual(await describeRaw(h, LARGE_POOL_ID), pool, 'the pool is untouched');
    } finally {
      await h.close();
    }
  });

  it('--read-only refuses :risk-set and e, sending nothing', async () => {
    const h = await startApp({ deepLink: { pool: AUDIT_POOL_ID }, readOnly: true });
    try {
      await h.submit(':', 'risk');
      await waitFor(() => { const loaded = Object.values(h.store.getState().risk); return loaded.length >= 2 && loaded.every((r) => r.value !== undefined && !r.loading); });
      await waitFor(() => h.emulator.requests.some((r) => r.operation === 'GetMetricData'));
      const requests = h.emulator.requests.length;
      await h.submit(':', 'risk-set high=block');
      await waitFor(() => flash(h) === READ_ONLY_TEXT);
      await h.press('e');
      await waitFor(() => /read-only/.test(flash(h)));
      assert.equal(h.store.getState().prompt, undefined);
      assert.equal(h.emulator.requests.length, requests);
    } finally {
      await h.close();
    }
  });
});
