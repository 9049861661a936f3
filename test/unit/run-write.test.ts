import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError, writeDeadlineError } from '../../src/gateway/errors.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { emptyList, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, userKey } from '../../src/store/routes.ts';
import type { StoreKit } from '../../src/store/store-kit.ts';
import { ACTION_LOG_LIMIT, appendActions, type ActionLogEntry } from '../../src/writes/action-log.ts';
import { inFlightAt } from '../../src/writes/in-flight.ts';
import { runWrite } from '../../src/writes/run-write.ts';
import { userWriteSpec, type UserTarget } from '../../src/writes/user-write-specs.ts';
import type { WriteSpec } from '../../src/writes/write-spec.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const DISABLE = 'AdminDisableUser';

/** A fake whose AdminDisableUser fails for the users in `failFor` (recorded as a call, applied first when asked). */
class PickyGateway extends FakeGateway {
  failFor = new Map<string, GatewayError>();
  appliedFor = new Set<string>();
  override disableUser(poolId: string, username: string) {
    const failure = this.failFor.get(username);
    if (!failure) return super.disableUser(poolId, username);
    this.calls.push({ op: DISABLE, args: [poolId, username] });
    if (this.appliedFor.has(username)) this.users = this.users.map((u) => (u.username === username ? { ...u, enabled: false } : u));
    return Promise.reject(failure);
  }
}

/** The store's state behind a kit built the way the store builds its own (lists, flash, state access). */
function setup(opts: { readOnly?: boolean } = {}) {
  const gw = new PickyGateway();
  gw.users = makeUsers(5);
  const store: AppStore = createAppStore({ gateway: gw, readOnly: opts.readOnly });
  let flashes = 0;
  const kit: StoreKit = {
    get: store.getState,
    set: store.setState,
    gw,
    now: () => 1_700_000_000_000,
    list: <T>(ref: Parameters<StoreKit['list']>[0]) => (store.getState().lists[listKey(ref)] as PagedList<T> | undefined) ?? emptyList<T>(),
    setList: (ref, next) => store.setState((s) => ({ lists: { ...s.lists, [listKey(ref)]: next } })),
    flash: (level, text) => store.setState({ flash: { level, text, id: ++flashes } }),
    loadMore: () => {},
    ensureList: () => {},
    rereadList: () => Promise.resolve(),
    top: () => store.getState().stack.at(-1)!,
    push: () => {},
    reset: () => {},
  };
  const sent = (username: string) => gw.calls.filter((c) => c.op === DISABLE && c.args[1] === username).length;
  const who = (...names: string[]): UserTarget[] => names.map((username) => ({ poolId: POOL, username }));
  return { gw, store, kit, sent, who, actions: () => store.getState().actions, flash: () => store.getState().flash?.text ?? '' };
}

const denied = (op: string) => new GatewayError({ kind: 'permission', retryable: false, message: `Not allowed to call ${op}`, operation: op });

describe('runWrite: gating', () => {
  it('refuses in read-only mode with the reason, opens no dialog and sends nothing', async () => {
    const s = setup({ readOnly: true });
    const run = await runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001'));
    assert.deepEqual(run, { status: 'refused', outcomes: [] });
    assert.equal(s.store.getState().confirm, undefined);
    assert.match(s.flash(), /Read-only mode \(--read-only\): nothing is sent/);
    assert.equal(s.gw.calls.length, 0);
  });

  it('refuses a target whose write is still in flight, and skips it in a batch', async () => {
    const s = setup();
    s.gw.hold = true;
    const first = runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001'));
    s.actions().confirmYes();
    await waitFor(() => s.sent('user00001') === 1);
    assert.equal(inFlightAt(s.store.getState().pendingWrites, { poolId: POOL, username: 'user00001' })?.phase, 'sending');
    const again = await runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001'));
    assert.equal(again.status, 'refused');
    assert.match(s.flash(), /^Disable user00001 is still being sent; wait for it\.$/);
    void runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001', 'user00002'));
    const dialog = s.store.getState().confirm;
    assert.equal(dialog?.title, 'Disable user00002? (AdminDisableUser)');
    assert.match(String(dialog?.detail), /1 still being sent are skipped\.$/);
    s.actions().confirmNo();
    s.gw.hold = false;
    s.gw.release();
    assert.equal((await first).outcomes[0].outcome, 'ok');
    assert.equal(s.sent('user00001'), 1);
    assert.equal(s.store.getState().pendingWrites.size, 0);
  });

  it('says why a write makes no sense now and asks nothing', async () => {
    const s = setup();
    s.store.setState({ users: { [userKey(POOL, 'user00001')]: { ...s.gw.users[1], enabled: false } } });
    const run = await runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001'));
    assert.equal(run.status, 'refused');
    assert.equal(s.flash(), 'user00001 is already disabled.');
    assert.equal(s.store.getState().confirm, undefined);
  });
});

describe('runWrite: sending', () => {
  it('sends each target exactly once, one at a time, keeping progress while the batch runs', async () => {
    const s = setup();
    const progress: string[] = [];
    s.store.subscribe((st, prev) => { if (st.writeProgress && st.writeProgress !== prev.writeProgress) progress.push(`${st.writeProgress.done}/${st.writeProgress.total}`); });
    const run = runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001', 'user00002', 'user00003'), { intervalMs: 1 });
    assert.equal(s.store.getState().confirm?.title, 'Disable 3 users? (AdminDisableUser)');
    s.actions().confirmYes();
    s.actions().confirmYes();
    const { status, outcomes } = await run;
    assert.equal(status, 'sent');
    assert.deepEqual(outcomes.map((o) => `${o.label}:${o.outcome}`), ['user00001:ok', 'user00002:ok', 'user00003:ok']);
    assert.deepEqual(['user00001', 'user00002', 'user00003'].map(s.sent), [1, 1, 1]);
    assert.deepEqual(progress, ['0/3', '1/3', '2/3']);
    assert.equal(s.store.getState().writeProgress, undefined);
    assert.equal(s.flash(), 'Disabled: 3 users (AdminDisableUser succeeded for each).');
  });

  it('reports a failed target of a batch by name, returns it as failed, and R resends only it after asking', async () => {
    const s = setup();
    s.gw.failFor.set('user00002', denied(DISABLE));
    const run = runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001', 'user00002', 'user00003'), { intervalMs: 1 });
    s.actions().confirmYes();
    const { outcomes } = await run;
    assert.deepEqual(outcomes.map((o) => o.outcome), ['ok', 'failed', 'ok']);
    assert.equal(s.store.getState().flash?.level, 'error');
    assert.equal(s.flash(), 'Disabled 2 of 3; 1 NOT disabled: user00002 (Not allowed to call AdminDisableUser). R to retry (asks first).');
    assert.equal(s.store.getState().failedWrite?.label, 'Disable user00002');
    s.gw.failFor.clear();
    s.actions().retryFailedWrite();
    assert.equal(s.store.getState().confirm?.title, 'Send again: Disable user00002? (AdminDisableUser)');
    assert.match(String(s.store.getState().confirm?.detail), /^The last attempt failed\. /);
    assert.equal(s.sent('user00002'), 1, 'R only asks');
    s.actions().confirmYes();
    await waitFor(() => /^Disabled: user00002/.test(s.flash()), 2000, 'the resend');
    assert.deepEqual(['user00001', 'user00002', 'user00003'].map(s.sent), [1, 2, 1]);
    assert.equal(s.store.getState().failedWrite, undefined);
  });

  it('stops a batch at an unknown outcome, reads that target back, and reports the rest as not sent', async () => {
    const s = setup();
    s.gw.failFor.set('user00002', writeDeadlineError(DISABLE, 30_000));
    s.gw.appliedFor.add('user00002');
    const run = runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001', 'user00002', 'user00003'), { intervalMs: 1 });
    s.actions().confirmYes();
    const { outcomes } = await run;
    assert.deepEqual(outcomes.map((o) => [o.outcome, o.readBack]), [['ok', undefined], ['unknown', 'applied'], ['not-sent', undefined]]);
    assert.equal(s.sent('user00003'), 0, 'nothing is sent after the unknown outcome');
    assert.equal(s.gw.calls.filter((c) => c.op === 'ListUsers' && c.args[1] === 'username = "user00002"').length, 1, 'one read-back');
    assert.equal(s.flash(), 'Cognito now shows user00002 disabled — the AdminDisableUser was applied. Of the others: 1 disabled; 1 not sent (stopped at the unknown outcome); R sends them again (asks first).');
    assert.equal(s.store.getState().failedWrite?.label, 'Disable user00003', 'R offers only what was not sent');
    assert.equal(s.store.getState().pendingWrites.size, 0);
  });
});

describe('runWrite: the confirmation', () => {
  it('is drawn red for a dangerous write, and not for enabling', () => {
    const s = setup();
    const dangerous = () => {
      const d = s.store.getState().confirm;
      return d && d.kind !== 'checklist' ? d.dangerous : undefined;
    };
    void runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001'));
    assert.equal(dangerous(), true);
    s.actions().confirmNo();
    void runWrite(s.kit, userWriteSpec(s.kit, 'enable'), s.who('user00001'));
    assert.equal(dangerous(), false);
    s.actions().confirmNo();
  });

  it('asks for the typed text when the write is irreversible, and sends only once it matches', async () => {
    const s = setup();
    const spec: WriteSpec<UserTarget> = { ...userWriteSpec(s.kit, 'disable'), typedConfirmation: (ts) => ts[0].username };
    const run = runWrite(s.kit, spec, s.who('user00001'));
    const dialog = s.store.getState().confirm;
    assert.equal(dialog?.kind, 'typed');
    assert.equal(dialog?.kind === 'typed' && dialog.expected, 'user00001');
    s.actions().confirmYes();
    assert.equal(s.sent('user00001'), 0, 'empty text does not confirm');
    s.actions().editDialog('user00001');
    s.actions().confirmYes();
    assert.equal((await run).outcomes[0].outcome, 'ok');
    assert.equal(s.sent('user00001'), 1);
  });
});

describe('runWrite: the action log', () => {
  it('records each attempt with its outcome, cancelled ones too, and no more than the newest 1,000', async () => {
    const s = setup();
    s.gw.failFor.set('user00002', denied(DISABLE));
    const cancelled = runWrite(s.kit, userWriteSpec(s.kit, 'sign-out'), s.who('user00004'));
    s.actions().confirmNo();
    assert.equal((await cancelled).status, 'cancelled');
    const run = runWrite(s.kit, userWriteSpec(s.kit, 'disable'), s.who('user00001', 'user00002'), { intervalMs: 1 });
    s.actions().confirmYes();
    await run;
    const log = s.store.getState().actionLog.map(({ operation, target, outcome, message }) => ({ operation, target, outcome, message }));
    assert.deepEqual(log, [
      { operation: 'AdminUserGlobalSignOut', target: 'user00004', outcome: 'cancelled', message: undefined },
      { operation: DISABLE, target: 'user00001', outcome: 'ok', message: undefined },
      { operation: DISABLE, target: 'user00002', outcome: 'failed', message: 'Not allowed to call AdminDisableUser.' },
    ]);
    assert.ok(s.store.getState().actionLog.every((e) => e.at === 1_700_000_000_000));
    const many: ActionLogEntry[] = Array.from({ length: ACTION_LOG_LIMIT + 5 }, (_, i) => ({ at: i, operation: DISABLE, target: `u${i}`, outcome: 'ok' }));
    const bounded = appendActions([], many);
    assert.equal(bounded.length, ACTION_LOG_LIMIT);
    assert.equal(bounded[0].target, 'u5');
    assert.equal(bounded.at(-1)?.target, `u${ACTION_LOG_LIMIT + 4}`);
  });
});
