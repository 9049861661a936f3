import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RiskConfiguration } from '../../src/gateway/types.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import type { JournalLine } from '../../src/journal/journal.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { checkedSteps } from '../../src/store/dialog.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, riskKey } from '../../src/store/routes.ts';
import type { ChecklistDialog, YesNoDialog } from '../../src/store/state.ts';
import { PLAYBOOK_FINISHED } from '../../src/writes/playbook-journal.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const USER = 'user00000';
const root = mkdtempSync(join(tmpdir(), 'cognito-tui-contain-block-'));
after(() => { rmSync(root, { recursive: true, force: true }); });

const ATO = {
  actions: { low: { action: 'NO_ACTION', notify: false }, medium: { action: 'MFA_IF_CONFIGURED', notify: true }, high: { action: 'BLOCK', notify: true } },
  notifyConfiguration: { sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com', from: 'security@example.com' },
};

/** A fake that keeps the pool's risk configuration: Set replaces it, Describe returns it. */
class RiskGateway extends FakeGateway {
  risk: RiskConfiguration = {
    poolId: POOL,
    compromisedCredentials: { eventFilter: ['SIGN_IN'], action: 'BLOCK' },
    accountTakeover: ATO as RiskConfiguration['accountTakeover'],
    exceptions: { blockedIpRanges: ['192.0.2.0/24', '198.51.100.4/32'], skippedIpRanges: ['203.0.113.0/24'] },
  };
  override async describeRiskConfiguration(poolId: string, clientId?: string) {
    await super.describeRiskConfiguration(poolId, clientId);
    return { ...structuredClone(this.risk), poolId, clientId };
  }
  override async setRiskConfiguration(poolId: string, clientId: string | undefined, config: RiskConfiguration) {
    await super.setRiskConfiguration(poolId, clientId, config);
    this.risk = structuredClone({ ...config, poolId });
    return { ...structuredClone(this.risk), poolId, clientId };
  }
}

/**
 * user00000's events: five High-risk ones from 203.0.113.7 (twice), 198.51.100.4 (already blocked), an IPv6 address and
 * 192.0.2.50 (inside the blocked 192.0.2.0/24); a failed sign-in without risk from 10.0.0.9; the rest from 10.0.0.1, not risky.
 */
function events() {
  const ips = new Map([[0, '203.0.113.7'], [10, '198.51.100.4'], [20, '203.0.113.7'], [30, '2001:db8::1'], [40, '192.0.2.50'], [5, '10.0.0.9']]);
  return makeEvents(41).map((e, i) => ({ ...e, ip: ips.get(i) ?? '10.0.0.1', ...(i === 5 ? { response: 'Fail' } : {}) }));
}

async function setup(name: string, opts: { audit?: boolean } = {}) {
  const gw = new RiskGateway();
  gw.users = makeUsers(3);
  gw.events = events();
  const dir = join(root, name);
  const store = createAppStore({ gateway: gw, listRows: 40, feedbackIntervalMs: 1, journal: createFileJournal(dir) });
  const actions = () => store.getState().actions;
  actions().openDeepLink(POOL, USER);
  await waitFor(() => (store.getState().lists[listKey({ kind: 'events', poolId: POOL, username: USER })] as PagedList<unknown> | undefined)?.pagesLoaded === 1);
  actions().ensurePool(POOL);
  await waitFor(() => store.getState().pools[POOL]?.value !== undefined);
  if (opts.audit) store.setState((st) => ({ pools: { ...st.pools, [POOL]: { ...st.pools[POOL]!, value: { ...st.pools[POOL]!.value!, threatProtection: 'AUDIT' } } } }));
  const flash = () => store.getState().flash?.text ?? '';
  const lines = (): JournalLine[] => readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalLine);
  const summary = () => waitFor(() => (flash().startsWith('Contained') ? flash() : ''), 10_000, 'the containment summary');
  return { gw, store, actions, flash, lines, summary, dir };
}

/** Opens :contain on the user (which reads the pool's risk configuration), leaves only the block step checked, and returns the dialog. */
async function onlyBlock(s: Awaited<ReturnType<typeof setup>>): Promise<ChecklistDialog> {
  s.actions().askContain();
  await waitFor(() => s.store.getState().risk[riskKey(POOL, undefined)]?.value !== undefined, 5_000, 'the risk configuration read for the dry run');
  let d = s.store.getState().confirm as ChecklistDialog;
  for (const step of d.steps) {
    if (step.checked !== (step.id === 'block-ips')) {
      s.actions().moveDialogStep(d.steps.indexOf(step) - d.cursor);
      s.actions().toggleDialogStep();
      d = s.store.getState().confirm as ChecklistDialog;
    }
  }
  return d;
}

describe('the playbook block step (store, fake gateway)', () => {
  it('is one SetRiskConfiguration adding each new /32, the other sections sent back unchanged; the dry run lists it and what is skipped', async () => {
    const s = await setup('once');
    const dialog = await onlyBlock(s);
    assert.deepEqual(checkedSteps(dialog).map((x) => x.id), ['block-ips']);
    assert.deepEqual(dialog.describe(checkedSteps(dialog)), [
      `SetRiskConfiguration pool ${POOL}: add to BlockedIPRangeList 203.0.113.7/32 (2 → 3 of 200)`,
      'Not blocked (IPv4 ranges only): 2001:db8::1.',
      'Already in BlockedIPRangeList, skipped: 198.51.100.4/32, 192.0.2.50/32 (in 192.0.2.0/24).',
      'Block: also in the always-allow list: 203.0.113.7/32 (203.0.113.0/24).',
      '1 call',
    ]);
    assert.equal(s.gw.count('SetRiskConfiguration'), 0, 'the dry run sends nothing');
    const before = structuredClone(s.gw.risk);
    s.actions().confirmYes();
    const summary = await s.summary();
    assert.equal(s.gw.count('SetRiskConfiguration'), 1);
    assert.deepEqual(s.gw.risk.exceptions?.blockedIpRanges, ['192.0.2.0/24', '198.51.100.4/32', '203.0.113.7/32']);
    assert.deepEqual(s.gw.risk.exceptions?.skippedIpRanges, before.exceptions?.skippedIpRanges);
    assert.deepEqual(s.gw.risk.compromisedCredentials, before.compromisedCredentials);
    assert.deepEqual(s.gw.risk.accountTakeover, before.accountTakeover);
    assert.match(summary, /: 1 call succeeded\./);
    assert.match(summary, /Block: already listed, skipped: 198\.51\.100\.4\/32, 192\.0\.2\.50\/32 \(in 192\.0\.2\.0\/24\); also in the always-allow list: 203\.0\.113\.7\/32 \(203\.0\.113\.0\/24\)\./);
    const block = s.lines().find((l) => l.action === 'SetRiskConfiguration')!;
    assert.deepEqual([block.outcome, block.parameters.list, block.parameters.op, block.parameters.ranges], ['ok', 'blocked', 'add', '203.0.113.7/32']);
  });

  it('in AUDIT mode says the block is stored but not enforced', async () => {
    const s = await setup('audit', { audit: true });
    const dialog = await onlyBlock(s);
    assert.ok(dialog.describe(checkedSteps(dialog)).includes('Block: threat protection is in audit-only mode: the block is stored but not enforced.'));
    s.actions().confirmYes();
    assert.match(await s.summary(), /the block is stored but not enforced/);
    assert.equal(s.gw.count('SetRiskConfiguration'), 1);
  });

  it('refuses before sending when the list would pass 200 ranges', async () => {
    const s = await setup('limit');
    s.gw.risk.exceptions!.blockedIpRanges = Array.from({ length: 200 }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
    await onlyBlock(s);
    s.actions().confirmYes();
    const summary = await s.summary();
    assert.match(summary, /FAILED: SetRiskConfiguration pool us-test-1_Pool1 — refused before sending: the always-block list of pool us-test-1_Pool1 has 200 ranges and 3 more would pass Cognito's limit of 200/);
    assert.equal(s.gw.count('SetRiskConfiguration'), 0);
  });

  it('--resume never repeats it once it succeeded; :undo offers to unblock exactly the ranges it added', async () => {
    const s = await setup('resume');
    await onlyBlock(s);
    s.actions().confirmYes();
    await s.summary();
    const file = join(s.dir, readdirSync(s.dir)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !l.includes(PLAYBOOK_FINISHED)).join('\n'));
    s.actions().resumeContain();
    await waitFor(() => /has no call left to send/.test(s.flash()));
    assert.equal(s.store.getState().confirm, undefined);
    assert.equal(s.gw.count('SetRiskConfiguration'), 1);

    s.actions().askUndo();
    const undo = s.store.getState().confirm as YesNoDialog;
    assert.match(String(undo.title), /^Undo playbook pb-.*\? 1 reverse call$/);
    assert.match(String(undo.detail), /Reverse, each sent once: SetRiskConfiguration: unblock 203\.0\.113\.7\/32\.$/);
    s.actions().confirmYes();
    await waitFor(() => s.flash().startsWith('Undo of playbook'), 10_000);
    assert.equal(s.gw.count('SetRiskConfiguration'), 2);
    assert.deepEqual(s.gw.risk.exceptions?.blockedIpRanges, ['192.0.2.0/24', '198.51.100.4/32'], '198.51.100.4/32 was listed before the playbook and stays');
  });

  it('an interrupted playbook whose block did not succeed sends it on --resume, once', async () => {
    const s = await setup('interrupted');
    s.gw.failing.set('SetRiskConfiguration', new (await import('../../src/gateway/errors.ts')).GatewayError({ kind: 'throttled', retryable: false, message: 'Rate exceeded', operation: 'SetRiskConfiguration' }));
    await onlyBlock(s);
    s.actions().confirmYes();
    assert.match(await s.summary(), /FAILED: SetRiskConfiguration pool/);
    s.gw.failing.delete('SetRiskConfiguration');
    const file = join(s.dir, readdirSync(s.dir)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !l.includes(PLAYBOOK_FINISHED)).join('\n'));
    s.store.setState({ flash: undefined });
    s.actions().resumeContain();
    const confirm = s.store.getState().confirm as YesNoDialog;
    assert.match(String(confirm.title), /1 call not yet done/);
    assert.match(String(confirm.detail), /Left: SetRiskConfiguration 203\.0\.113\.7\/32\.$/);
    s.actions().confirmYes();
    assert.match(await s.summary(), /: 1 call succeeded\./);
    assert.equal(s.gw.count('SetRiskConfiguration'), 2, 'the failed attempt, then the resumed one');
    assert.deepEqual(s.gw.risk.exceptions?.blockedIpRanges, ['192.0.2.0/24', '198.51.100.4/32', '203.0.113.7/32']);
  });
});
