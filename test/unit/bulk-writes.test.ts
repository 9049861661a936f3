import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { User } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { groupNameProblem } from '../../src/store/group-prompt.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { quotaRps } from '../../src/sweep/quotas.ts';
import { DEFAULT_WRITE_INTERVAL_MS, WRITES_PER_USER_PER_SECOND } from '../../src/writes/pacing.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const usersRef: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const UNLUCKY = 'user00002';

/** A fake whose writes fail for one user (the call is still made, and counted). */
class OneFailureGateway extends FakeGateway {
  failUser: string | undefined = UNLUCKY;
  readonly denial = new GatewayError({ kind: 'permission', retryable: false, message: 'Not allowed to change user00002 (explicit deny)', operation: 'AdminDisableUser' });
  private guard<T>(op: string, args: unknown[], go: () => Promise<T>): Promise<T> {
    if (args[1] !== this.failUser) return go();
    this.calls.push({ op, args });
    return Promise.reject(this.denial);
  }
  override disableUser(poolId: string, username: string) { return this.guard('AdminDisableUser', [poolId, username], () => super.disableUser(poolId, username)); }
  override resetUserPassword(poolId: string, username: string) { return this.guard('AdminResetUserPassword', [poolId, username], () => super.resetUserPassword(poolId, username)); }
}

async function setup(opts: { readOnly?: boolean } = {}) {
  const gw = new OneFailureGateway();
  gw.users = makeUsers(8);
  const store = createAppStore({ gateway: gw, readOnly: opts.readOnly, listRows: 20 });
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  const rows = () => (store.getState().lists[listKey(usersRef)] as PagedList<User> | undefined)?.items ?? [];
  const marks = () => Object.keys(store.getState().marks[listKey(usersRef)] ?? {}).sort();
  const sentTo = (op: string) => gw.calls.filter((c) => c.op === op).map((c) => String(c.args[1])).sort();
  const flash = () => store.getState().flash?.text ?? '';
  store.getState().actions.push({ view: 'users', poolId: POOL });
  await waitFor(() => rows().length === 8);
  return { gw, store, press, rows, marks, sentTo, flash };
}

describe('bulk writes on a users list', () => {
  it('space marks users, * marks every user shown and again unmarks them, esc clears the marks first', async () => {
    const s = await setup();
    s.press('space', 'space', 'space');
    assert.deepEqual(s.marks(), ['user00000', 'user00001', 'user00002']);
    s.press('k', 'space');
    assert.deepEqual(s.marks(), ['user00000', 'user00001']);
    s.press('*');
    assert.equal(s.marks().length, 8);
    assert.match(s.flash(), /^Marked 8 users shown: d, S, p or m acts on them all\.$/);
    s.press('*');
    assert.deepEqual(s.marks(), []);
    s.press('space', 'escape');
    assert.deepEqual(s.marks(), []);
    assert.equal(s.store.getState().stack.at(-1)?.view, 'users', 'the first esc only cleared the marks');
    s.press('escape');
    assert.equal(s.store.getState().stack.at(-1)?.view, 'pools');
  });

  it('d asks once with the count, sends each once; a failure is named, stays marked, and R sends just it after asking', async () => {
    const s = await setup();
    s.press('space', 'space', 'space', 'space');
    s.press('d');
    const dialog = s.store.getState().confirm;
    assert.equal(dialog?.title, 'Disable 4 users? (AdminDisableUser)');
    assert.equal(dialog && 'dangerous' in dialog ? dialog.dangerous : undefined, true);
    assert.equal(s.gw.count('AdminDisableUser'), 0, 'nothing is sent before y');
    const reads = s.gw.count('ListUsers');
    s.press('y');
    await waitFor(() => s.store.getState().writeProgress?.done === 1);
    s.press('G', 'S');
    assert.equal(s.store.getState().confirm, undefined, 'a second batch waits for the first: the pace stays under the quota');
    assert.match(s.flash(), /^Disable 4 users is still being sent \(1\/4\): wait for it/);
    await waitFor(() => s.store.getState().writeProgress === undefined && s.gw.count('AdminDisableUser') === 4 && /NOT disabled/.test(s.flash()));
    assert.deepEqual(s.sentTo('AdminDisableUser'), ['user00000', 'user00001', 'user00002', 'user00003'], 'each user exactly once');
    assert.match(s.flash(), /^Disabled 3 of 4; 1 NOT disabled: user00002 \(Not allowed to change user00002 \(explicit deny\)\)\. R to retry/);
    assert.deepEqual(s.marks(), [UNLUCKY], 'only the failed one stays marked');
    assert.deepEqual(s.rows().filter((u) => !u.enabled).map((u) => u.username), ['user00000', 'user00001', 'user00003'], 'the rows show them disabled');
    assert.equal(s.gw.count('ListUsers'), reads, 'what succeeded is known: nothing is read back');

    s.gw.failUser = undefined;
    s.press('R');
    assert.equal(s.store.getState().confirm?.title, 'Send again: Disable user00002? (AdminDisableUser)');
    assert.equal(s.gw.count('AdminDisableUser'), 4, 'R only asks');
    s.press('y');
    await waitFor(() => /^Disabled: user00002/.test(s.flash()));
    assert.equal(s.sentTo('AdminDisableUser').filter((u) => u === UNLUCKY).length, 2);
    assert.equal(s.gw.count('AdminDisableUser'), 5, 'the retry sent just the failed one');
    assert.deepEqual(s.marks(), []);
  });

  it('d with every marked user already disabled says so and sends nothing; already disabled ones are left out of a batch', async () => {
    const s = await setup();
    s.gw.users = s.gw.users.map((u, i) => (i < 2 ? { ...u, enabled: false } : u));
    s.press('r');
    await waitFor(() => s.rows().filter((u) => !u.enabled).length === 2);
    s.press('space', 'space', 'd');
    assert.equal(s.store.getState().confirm, undefined);
    assert.equal(s.flash(), 'All 2 marked users are already disabled.');
    s.press('space', 'd');
    assert.equal(s.store.getState().confirm?.title, 'Disable user00002? (AdminDisableUser)');
    assert.match(String(s.store.getState().confirm?.detail), /2 already disabled are left out\.$/);
    s.press('n');
    assert.equal(s.gw.count('AdminDisableUser'), 0);
  });

  it('with none marked, S acts on the user under the cursor; p resets passwords; m asks for a valid group name', async () => {
    const s = await setup();
    const reads = s.gw.count('ListUsers');
    s.press('j', 'S');
    assert.equal(s.store.getState().confirm?.title, 'Sign out everywhere user00001? (AdminUserGlobalSignOut)');
    s.press('y');
    await waitFor(() => /^Signed out everywhere: user00001/.test(s.flash()));
    assert.deepEqual(s.sentTo('AdminUserGlobalSignOut'), ['user00001']);

    s.gw.failUser = undefined;
    s.press('*', 'p');
    assert.equal(s.store.getState().confirm?.title, 'Reset the password of 8 users? (AdminResetUserPassword)');
    s.press('y');
    await waitFor(() => /^Password reset: 8 users/.test(s.flash()));
    assert.equal(s.gw.count('AdminResetUserPassword'), 8);
    assert.deepEqual(s.rows().map((u) => u.status), Array(8).fill('RESET_REQUIRED'), 'confirmed users are shown RESET_REQUIRED without reading them');
    assert.deepEqual(s.marks(), []);

    assert.equal(s.gw.count('ListUsers'), reads);
    s.press('space', 'space', 'm');
    assert.equal(s.store.getState().prompt?.kind, 'group');
    s.press('enter');
    assert.match(s.store.getState().prompt?.error ?? '', /type the name of the group/);
    s.store.getState().actions.editPrompt({ text: 'x'.repeat(129) });
    s.press('enter');
    assert.match(s.store.getState().prompt?.error ?? '', /at most 128 characters; this one has 129/);
    s.store.getState().actions.editPrompt({ text: 'admins' });
    s.press('enter');
    assert.equal(s.store.getState().confirm?.title, 'Add 2 users to group admins? (AdminAddUserToGroup)');
    s.press('y');
    await waitFor(() => /^Added to group admins: 2 users/.test(s.flash()));
    assert.deepEqual(s.gw.calls.filter((c) => c.op === 'AdminAddUserToGroup').map((c) => c.args.slice(1)), [['user00001', 'admins'], ['user00002', 'admins']]);
  });

  it('Tab completes group names from the groups lists loaded', async () => {
    const s = await setup();
    s.store.setState((st) => ({ lists: { ...st.lists, [listKey({ kind: 'groups', poolId: POOL, username: 'user00000' })]: { ...st.lists[listKey(usersRef)], items: [{ name: 'support' }, { name: 'admins' }] } } }));
    s.press('m');
    s.store.getState().actions.editPrompt({ text: 'sup' });
    s.press('tab');
    assert.equal(s.store.getState().prompt?.text, 'support');
  });

  it('--read-only: the bulk keys say why they are off and send nothing; marks still work', async () => {
    const s = await setup({ readOnly: true });
    s.press('space');
    assert.deepEqual(s.marks(), ['user00000']);
    for (const key of ['d', 'S', 'p', 'm']) {
      s.press(key);
      assert.match(s.flash(), new RegExp(`^${key}: read-only mode`));
      assert.equal(s.store.getState().confirm, undefined);
      assert.equal(s.store.getState().prompt, undefined);
    }
    assert.equal(s.gw.calls.filter((c) => c.op.startsWith('Admin')).length, 0);
  });

  it('a batch is paced under the per-user write rate and the account\'s write quota', () => {
    const perSecond = 1000 / DEFAULT_WRITE_INTERVAL_MS;
    assert.ok(perSecond <= WRITES_PER_USER_PER_SECOND);
    assert.ok(perSecond <= quotaRps('UserResourceUpdate'));
  });

  it('group names: 1 to 128 characters, no spaces', () => {
    assert.equal(groupNameProblem('support'), undefined);
    assert.equal(groupNameProblem('ü'.repeat(128)), undefined);
    assert.match(groupNameProblem('a b') ?? '', /no spaces/);
    assert.match(groupNameProblem('') ?? '', /type the name/);
  });
});
