import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isHighRisk, needsAttention } from '../../src/domain/event-risk.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import { checkedSteps } from '../../src/store/dialog.ts';
import { listKey } from '../../src/store/routes.ts';
import type { ChecklistDialog } from '../../src/store/state.ts';
import { coveringRange } from '../../src/writes/ip-ranges-spec.ts';
import { rawCall } from '../emulator/helpers.ts';
import { startOnEvents, withApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const root = mkdtempSync(join(tmpdir(), 'cognito-tui-contain-block-app-'));
after(() => { rmSync(root, { recursive: true, force: true }); });

const MARIA_EVENTS = listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME });
type Raw = Record<string, unknown>;

async function describeRaw(h: AppHarness): Promise<Raw> {
  const res = await rawCall(h.emulator, 'DescribeRiskConfiguration', { UserPoolId: LARGE_POOL_ID });
  assert.equal(res.status, 200);
  return res.json.RiskConfiguration as Raw;
}

const blocked = (r: Raw) => (r.RiskExceptionConfiguration as { BlockedIPRangeList?: string[] } | undefined)?.BlockedIPRangeList ?? [];

async function flashStarting(h: AppHarness, prefix: string): Promise<string> {
  return waitFor(() => {
    const text = h.store.getState().flash?.text ?? '';
    return text.startsWith(prefix) ? text : '';
  }, 15_000, `a flash starting "${prefix}"`);
}

describe('app: the playbook blocks the IPs of the loaded risky events in one SetRiskConfiguration', () => {
  it('the dry run shows one SetRiskConfiguration listing the /32s; y sends it once with the other sections unchanged; :undo unblocks exactly those', async () => {
    await withApp(() => startOnEvents({ rows: 40, deps: { feedbackIntervalMs: 5, journal: createFileJournal(join(root, 'block')) } }), async (h) => {
      const events = h.store.getState().lists[MARIA_EVENTS]?.items as AuthEvent[];
      const ips = [...new Set(events.filter((e) => (isHighRisk(e) || e.riskLevel === 'Medium') && e.feedback?.value !== 'Valid').flatMap((e) => (e.ip ? [e.ip] : [])))];
      const home = events.filter((e) => !needsAttention(e)).map((e) => e.ip);
      assert.ok(ips.length > 1, 'maria has risky events from several addresses');
      const before = await describeRaw(h);
      const listedBefore = blocked(before);
      const expected = ips.map((ip) => `${ip}/32`).filter((r) => coveringRange(r, listedBefore) === undefined);
      assert.ok(expected.length > 1 && expected.length < ips.length, 'some addresses are new, the Tor exits are inside 185.220.100.0/22 already');
      assert.ok(!expected.some((r) => home.includes(r.replace('/32', ''))), 'her own home addresses are not blocked');

      await h.submit(':', 'contain');
      await h.waitForText(`Contain ${TAKEOVER_USERNAME}?`);
      // only the block step: uncheck disable, sign out and mark Invalid; check block
      await h.press('space', 'j', 'space', 'j', 'j', 'j', 'space', 'j', 'space');
      const dialog = h.store.getState().confirm as ChecklistDialog;
      assert.deepEqual(checkedSteps(dialog).map((s) => s.id), ['block-ips']);
      await h.press('d');
      await h.waitForText('SetRiskConfiguration pool');
      const lines = dialog.describe(checkedSteps(dialog));
      const calls = lines.filter((l) => l.startsWith('SetRiskConfiguration'));
      assert.equal(calls.length, 1, lines.join('\n'));
      assert.equal(calls[0], `SetRiskConfiguration pool ${LARGE_POOL_ID}: add to BlockedIPRangeList ${expected.join(', ')} (${listedBefore.length} → ${listedBefore.length + expected.length} of 200)`);
      assert.ok(lines.some((l) => /^Already in BlockedIPRangeList, skipped: 185\.220\.101\.\d+\/32 \(in 185\.220\.100\.0\/22\)/.test(l)), lines.join('\n'));
      assert.equal(lines.at(-1), '1 call');
      assert.equal(h.count('SetRiskConfiguration'), 0, 'the dry run sends nothing');

      await h.press('y');
      const summary = await flashStarting(h, 'Contained');
      assert.match(summary, /: 1 call succeeded\./);
      assert.equal(h.count('SetRiskConfiguration'), 1);
      const afterBlock = await describeRaw(h);
      assert.deepEqual(blocked(afterBlock), [...listedBefore, ...expected]);
      assert.deepEqual(afterBlock.AccountTakeoverRiskConfiguration, before.AccountTakeoverRiskConfiguration);
      assert.deepEqual(afterBlock.CompromisedCredentialsRiskConfiguration, before.CompromisedCredentialsRiskConfiguration);

      const newest = Math.max(...events.map((e) => e.createdAt ?? 0));
      await h.press('r');
      const retries = await waitFor(() => {
        const now = (h.store.getState().lists[MARIA_EVENTS]?.items ?? []) as AuthEvent[];
        const fresh = now.filter((e) => (e.createdAt ?? 0) > newest);
        return fresh.length > 0 ? fresh : undefined;
      }, 10_000, 'the attacker\'s new attempts');
      assert.ok(retries!.every((e) => e.riskDecision === 'Block' && e.response === 'Fail' && expected.includes(`${e.ip}/32`)), JSON.stringify(retries));
      await h.waitForText('Block');

      await h.submit(':', 'undo');
      await h.waitForText('Undo playbook pb-');
      await h.press('y');
      await flashStarting(h, 'Undo of playbook');
      assert.equal(h.count('SetRiskConfiguration'), 2);
      assert.deepEqual(blocked(await describeRaw(h)), listedBefore);
    });
  });
});
