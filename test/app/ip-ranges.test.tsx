import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { AUDIT_POOL_ID, LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID } from '../../src/emulator/well-known-ids.ts';
import type { AppClient, AuthEvent } from '../../src/gateway/types.ts';
import { CHANGED_NOTICE } from '../../src/store/ip-range-actions.ts';
import { selectedItem } from '../../src/store/paged-list.ts';
import { listKey, riskKey, type ListRef } from '../../src/store/routes.ts';
import { READ_ONLY_TEXT } from '../../src/writes/run-write.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startApp, startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

type Raw = Record<string, unknown>;

async function describeRaw(h: AppHarness, clientId?: string): Promise<Raw> {
  const res = await rawCall(h.emulator, 'DescribeRiskConfiguration', { UserPoolId: LARGE_POOL_ID, ...(clientId ? { ClientId: clientId } : {}) });
  assert.equal(res.status, 200);
  return res.json.RiskConfiguration as Raw;
}

const exceptions = (r: Raw) => r.RiskExceptionConfiguration as { BlockedIPRangeList?: string[]; SkippedIPRangeList?: string[] };

/** Every field of the two sections a block must not touch, compared one by one. */
function assertOtherSectionsUnchanged(before: Raw, after: Raw) {
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a !== null && typeof a === 'object') {
      assert.ok(b !== null && typeof b === 'object', `${path} is still an object`);
      const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
      for (const k of keys) walk((a as Raw)[k], (b as Raw)[k], `${path}.${k}`);
      return;
    }
    assert.deepEqual(b, a, `${path} unchanged`);
  };
  walk(before.CompromisedCredentialsRiskConfiguration, after.CompromisedCredentialsRiskConfiguration, 'CompromisedCredentialsRiskConfiguration');
  walk(before.AccountTakeoverRiskConfiguration, after.AccountTakeoverRiskConfiguration, 'AccountTakeoverRiskConfiguration');
}

const flash = (h: AppHarness) => h.store.getState().flash?.text ?? '';
const confirmText = (h: AppHarness) => { const c = h.store.getState().confirm; return c ? `${c.title} ${c.detail ?? ''}` : ''; };

describe('app: block and skip IP ranges on the risk configuration', () => {
  let h: AppHarness;
  before(async () => { h = await startOnEvents(); });
  after(async () => { await h.close(); });

  it('b on an event proposes its IP as /32; y writes it with every other section unchanged, read back', async () => {
    const ref: ListRef = { kind: 'events', poolId: LARGE_POOL_ID, username: 'maria.garcia' };
    const event = await waitFor(() => selectedItem(h.store.getState().lists[listKey(ref)] as never) as AuthEvent | undefined);
    assert.ok(event?.ip);
    const before = await describeRaw(h);
    await h.press('b');
    await waitFor(() => h.store.getState().prompt?.text === `block ${event.ip}/32`);
    await h.press('enter');
    await waitFor(() => confirmText(h).includes(`+ ${event.ip}/32 (2 → 3 of 200)`));
    assert.equal(h.count('SetRiskConfiguration'), 0);
    await h.press('y');
    await waitFor(() => flash(h).includes('Read back: 3 of 200 ranges now'));
    assert.equal(h.count('SetRiskConfiguration'), 1);
    const after = await describeRaw(h);
    assertOtherSectionsUnchanged(before, after);
    assert.deepEqual(exceptions(after).BlockedIPRangeList, [...exceptions(before).BlockedIPRangeList!, `${event.ip}/32`]);
    assert.deepEqual(exceptions(after).SkippedIPRangeList, exceptions(before).SkippedIPRangeList);
    const shown = h.store.getState().risk[riskKey(LARGE_POOL_ID, undefined)];
    assert.ok(shown?.value?.exceptions?.blockedIpRanges.includes(`${event.ip}/32`), 'state.risk holds what was read back');
  });

  it('the AWS CLI reads back what the app wrote', { skip: existsSync('/usr/bin/aws') ? false : 'no AWS CLI at /usr/bin/aws' }, async () => {
    const { stdout } = await promisify(execFile)('/usr/bin/aws', ['cognito-idp', 'describe-risk-configuration', '--user-pool-id', LARGE_POOL_ID,
      '--endpoint-url', h.emulator.url, '--region', 'us-east-1', '--output', 'json'], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_PROFILE: undefined },
      timeout: 60000,
    });
    const cfg = (JSON.parse(stdout) as { RiskConfiguration: Raw }).RiskConfiguration;
    assert.equal(exceptions(cfg).BlockedIPRangeList?.length, 3);
    assert.deepEqual(exceptions(cfg), exceptions(await describeRaw(h)));
  });

  it('each bad input gets one line and sends nothing', async () => {
    const cases: Array<[string, string]> = [
      ['block 203.0.113.7/24', 'has host bits set: did you mean 203.0.113.0/24?'],
      ['block 2001:db8::/32', 'is IPv6'],
      ['block evil.example', 'is not an IPv4 range in CIDR notation'],
      ['skip 10.0.0.1', 'has no prefix length'],
    ];
    const requests = h.emulator.requests.length;
    for (const [line, message] of cases) {
      await h.submit(':', line);
      await waitFor(() => (h.store.getState().prompt?.error ?? '').includes(message as string), 5000, line);
      assert.equal(h.store.getState().confirm, undefined);
      await h.press('escape');
      await waitFor(() => h.store.getState().prompt === undefined);
    }
    assert.equal(h.emulator.requests.length, requests, 'no request at all for input that is not a range');
    for (const [line, message] of [['block 185.220.100.0/22', 'is already in the always-block list'], ['unskip 10.9.9.0/24', 'is not in the always-allow list']]) {
      await h.submit(':', line);
      await waitFor(() => flash(h).includes(message), 5000, line);
      assert.equal(h.store.getState().confirm, undefined);
    }
    assert.equal(h.count('SetRiskConfiguration'), 1, 'only the earlier block was written');
  });

  it('more than 200 ranges is refused before anything is sent', async () => {
    const cfg = await describeRaw(h);
    const full = Array.from({ length: 200 }, (_, i) => `10.${i}.0.0/16`);
    const set = await rawCall(h.emulator, 'SetRiskConfiguration', { ...cfg, ClientId: undefined, LastModifiedDate: undefined, RiskExceptionConfiguration: { ...exceptions(cfg), BlockedIPRangeList: full } });
    assert.equal(set.status, 200, JSON.stringify(set.json));
    const sets = h.count('SetRiskConfiguration');
    await h.submit(':', 'block 192.0.2.0/24');
    await waitFor(() => flash(h).includes('already has 200 ranges; Cognito allows 200'));
    assert.equal(h.store.getState().confirm, undefined);
    assert.equal(h.count('SetRiskConfiguration'), sets);
    await rawCall(h.emulator, 'SetRiskConfiguration', { ...cfg, ClientId: undefined, LastModifiedDate: undefined });
  });

  it('a change made while the diff is shown is detected: nothing is written, the new diff is shown instead', async () => {
    const cfg = await describeRaw(h);
    await h.submit(':', 'skip 192.0.2.0/24');
    await waitFor(() => confirmText(h).includes('+ 192.0.2.0/24 (1 → 2 of 200)'), 5000, `diff: ${confirmText(h)} / ${flash(h)}`);
    const theirs = { ...exceptions(cfg), BlockedIPRangeList: [...exceptions(cfg).BlockedIPRangeList!, '198.18.0.0/15'] };
    const other = await rawCall(h.emulator, 'SetRiskConfiguration', { ...cfg, LastModifiedDate: undefined, RiskExceptionConfiguration: theirs });
    assert.equal(other.status, 200);
    const sets = h.count('SetRiskConfiguration');
    await h.press('y');
    await waitFor(() => confirmText(h).includes(CHANGED_NOTICE) && confirmText(h).includes('+ 192.0.2.0/24 (1 → 2 of 200)'));
    assert.equal(h.count('SetRiskConfiguration'), sets, 'nothing was written over their change');
    await h.waitForText('CHANGED since the diff was shown');
    await h.press('y');
    await waitFor(() => flash(h).includes('Read back: 2 of 200 ranges now'));
    const after = await describeRaw(h);
    assert.ok(exceptions(after).BlockedIPRangeList?.includes('198.18.0.0/15'), 'their change survived');
    assert.ok(exceptions(after).SkippedIPRangeList?.includes('192.0.2.0/24'));
    assertOtherSectionsUnchanged(cfg, after);
  });

  it('on a client that inherits, the confirmation says it stops inheriting; the pool is untouched', async () => {
    const pool = await describeRaw(h);
    await h.submit(':', 'risk');
    const clients: ListRef = { kind: 'clients', poolId: LARGE_POOL_ID };
    await waitFor(() => (h.store.getState().lists[listKey(clients)]?.items.length ?? 0) > 0);
    const at = (h.store.getState().lists[listKey(clients)]!.items as AppClient[]).findIndex((c) => c.id === LARGE_POOL_WEB_CLIENT_ID);
    await h.press('g', ...Array.from({ length: at }, () => 'j'));
    await waitFor(() => h.store.getState().lists[listKey(clients)]?.cursor === at);
    await h.press('enter');
    await waitFor(() => h.store.getState().risk[riskKey(LARGE_POOL_ID, LARGE_POOL_WEB_CLIENT_ID)]?.value);
    await h.submit(':', 'block 203.0.113.99/32');
    await waitFor(() => confirmText(h).includes('stops inheriting'));
    assert.match(confirmText(h), /app client /);
    await h.press('y');
    await waitFor(() => flash(h).includes('Read back:'));
    const client = await describeRaw(h, LARGE_POOL_WEB_CLIENT_ID);
    assert.equal(client.ClientId, LARGE_POOL_WEB_CLIENT_ID);
    assert.ok(exceptions(client).BlockedIPRangeList?.includes('203.0.113.99/32'));
    assertOtherSectionsUnchanged(pool, client);
    assert.deepEqual(await describeRaw(h), pool, 'the pool is untouched');
  });
});

describe('app: block in audit mode and read-only', () => {
  it('in AUDIT mode the confirmation says the block is stored but not enforced', async () => {
    const h = await startApp({ deepLink: { pool: AUDIT_POOL_ID } });
    try {
      await waitFor(() => h.store.getState().pools[AUDIT_POOL_ID]?.value);
      await h.submit(':', 'block 192.0.2.0/24');
      await waitFor(() => confirmText(h).includes('stored but not enforced'));
      await h.press('n');
      assert.equal(h.count('SetRiskConfiguration'), 0);
    } finally {
      await h.close();
    }
  });

  it('--read-only refuses :block and b, sending nothing', async () => {
    const h = await startOnEvents({ readOnly: true });
    try {
      const requests = h.emulator.requests.length;
      await h.submit(':', 'block 192.0.2.0/24');
      await waitFor(() => flash(h) === READ_ONLY_TEXT);
      await h.press('b');
      await waitFor(() => /read-only/.test(flash(h)));
      assert.equal(h.store.getState().prompt, undefined);
      assert.equal(h.emulator.requests.length, requests);
    } finally {
      await h.close();
    }
  });
});
