import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { Device, User } from '../../src/gateway/types.ts';
import { describeUnknownWrite, writesInFlight } from '../../src/cli/unknown-writes.ts';
import { parseCommand } from '../../src/command/parse-command.ts';
import { completionLines } from '../../src/command/complete-command.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { listKey, userKey, type ListRef } from '../../src/store/routes.ts';
import type { AdminRequest } from '../../src/store/state.ts';
import type { StoreKit } from '../../src/store/store-kit.ts';
import { confirmSignUpSpec, deleteUserSpec, resetPasswordSpec } from '../../src/writes/admin-write-specs.ts';
import { forgetDeviceSpec, membershipSpec } from '../../src/writes/membership-write-specs.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const NAME = 'user00001';
const DEVICES: Device[] = [{ key: 'us-test-1_aaaa-1111', name: 'phone', attributes: {} }, { key: 'us-test-1_bbbb-2222', name: 'laptop', attributes: {} }];

/** The store on the user view of user00001, who is also known by their email (the name the route was typed with). */
function setup(opts: { readOnly?: boolean; status?: string } = {}) {
  const gw = new FakeGateway();
  gw.users = makeUsers(3).map((u) => (u.username === NAME && opts.status ? { ...u, status: opts.status } : u));
  gw.groups = [{ name: 'admins' }, { name: 'support' }];
  gw.devices.set(NAME, [...DEVICES]);
  const store = createAppStore({ gateway: gw, readOnly: opts.readOnly, feedbackIntervalMs: 1 });
  const row = gw.users.find((u) => u.username === NAME)!;
  const email = row.attributes.email!;
  store.setState({
    users: { [userKey(POOL, NAME)]: row, [userKey(POOL, email)]: row },
    stack: [{ view: 'pools' }, { view: 'users', poolId: POOL }, { view: 'user', poolId: POOL, username: NAME }],
  });
  const actions = () => store.getState().actions;
  const calls = (op: string) => gw.calls.filter((c) => c.op === op);
  const flash = () => store.getState().flash?.text ?? '';
  const loadList = async (ref: ListRef) => {
    actions().loadMore(ref);
    await waitFor(() => store.getState().lists[listKey(ref)]?.loading === false);
  };
  return { gw, store, actions, calls, flash, email, loadList };
}

const writes = ['AdminResetUserPassword', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminForgetDevice', 'AdminConfirmSignUp', 'AdminDeleteUser'];

describe('admin write specs: each sends once, with the pool\'s username', () => {
  const cases: { request: AdminRequest; op: string; args: unknown[]; status?: string; after: (s: ReturnType<typeof setup>) => boolean }[] = [
    { request: { kind: 'reset-password' }, op: 'AdminResetUserPassword', args: [POOL, NAME], after: (s) => s.store.getState().users[userKey(POOL, NAME)]?.status === 'RESET_REQUIRED' },
    { request: { kind: 'add-to-group', group: 'support' }, op: 'AdminAddUserToGroup', args: [POOL, NAME, 'support'], after: (s) => s.calls('AdminListGroupsForUser').length > 0 },
    { request: { kind: 'remove-from-group', group: 'admins' }, op: 'AdminRemoveUserFromGroup', args: [POOL, NAME, 'admins'], after: (s) => s.calls('AdminListGroupsForUser').length > 0 },
    { request: { kind: 'forget-device', deviceKey: DEVICES[0].key }, op: 'AdminForgetDevice', args: [POOL, NAME, DEVICES[0].key], after: (s) => s.calls('AdminListDevices').length > 0 },
    { request: { kind: 'confirm-signup' }, op: 'AdminConfirmSignUp', args: [POOL, NAME], status: 'UNCONFIRMED', after: (s) => s.store.getState().users[userKey(POOL, NAME)]?.status === 'CONFIRMED' },
  ];
  for (const c of cases) {
    it(`${c.request.kind}: asks, sends ${c.op} once with the username, and re-reads what it changed`, async () => {
      const s = setup({ status: c.status });
      s.actions().askAdminWrite(c.request);
      const dialog = s.store.getState().confirm;
      assert.match(String(dialog?.title), new RegExp(`\\(${c.op}\\)$`));
      assert.equal(s.calls(c.op).length, 0, 'nothing is sent before the answer');
      s.actions().confirmYes();
      await waitFor(() => /succeeded/.test(s.flash()));
      await waitFor(() => c.after(s));
      assert.deepEqual(s.calls(c.op).map((x) => x.args), [c.args]);
      assert.deepEqual(writes.filter((op) => op !== c.op).flatMap(s.calls), [], 'no other write');
    });
  }

  it('given the name a route was typed with (an email), every spec sends the pool\'s username, once', async () => {
    const s = setup();
    const kit = { get: s.store.getState } as unknown as StoreKit;
    const target = { poolId: POOL, username: s.email };
    const device = { ...target, deviceKey: DEVICES[0].key };
    const sends: [string, () => Promise<void>, unknown[]][] = [
      ['AdminResetUserPassword', () => resetPasswordSpec(kit).send(s.gw, target, { kit }), [POOL, NAME]],
      ['AdminAddUserToGroup', () => membershipSpec(kit, true, 'support').send(s.gw, target, { kit }), [POOL, NAME, 'support']],
      ['AdminRemoveUserFromGroup', () => membershipSpec(kit, false, 'support').send(s.gw, target, { kit }), [POOL, NAME, 'support']],
      ['AdminForgetDevice', () => forgetDeviceSpec(kit).send(s.gw, device, { kit }), [POOL, NAME, DEVICES[0].key]],
      ['AdminConfirmSignUp', () => confirmSignUpSpec(kit).send(s.gw, target, { kit }).catch(() => undefined), [POOL, NAME]],
      ['AdminDeleteUser', () => deleteUserSpec(kit).send(s.gw, target, { kit }), [POOL, NAME]],
    ];
    for (const [op, send, args] of sends) {
      await send();
      assert.deepEqual(s.calls(op).map((x) => x.args), [args], op);
    }
  });

  it('a route that does not name the user canonically yet asks nothing', () => {
    const s = setup();
    s.store.setState({ stack: [{ view: 'pools' }, { view: 'users', poolId: POOL }, { view: 'user', poolId: POOL, username: 'someone-else' }] });
    s.actions().askAdminWrite({ kind: 'reset-password' });
    assert.equal(s.store.getState().confirm, undefined);
    assert.match(s.flash(), /still being looked up: nothing is sent/);
  });

  it('confirm-signup of a confirmed user says so and asks nothing', () => {
    const s = setup();
    s.actions().askAdminWrite({ kind: 'confirm-signup' });
    assert.equal(s.store.getState().confirm, undefined);
    assert.match(s.flash(), /^user00001 is already confirmed \(status CONFIRMED\)\.$/);
  });

  it('forget-devices sends one AdminForgetDevice per loaded device, as one batch with the count', async () => {
    const s = setup();
    await s.loadList({ kind: 'devices', poolId: POOL, username: NAME });
    s.actions().askAdminWrite({ kind: 'forget-devices' });
    assert.equal(s.store.getState().confirm?.title, 'Forget 2 devices of user00001? (AdminForgetDevice)');
    s.actions().confirmYes();
    await waitFor(() => /Forgot 2 devices of user00001 \(AdminForgetDevice succeeded for each\)/.test(s.flash()));
    assert.deepEqual(s.calls('AdminForgetDevice').map((x) => x.args[2]), DEVICES.map((d) => d.key));
    await waitFor(() => s.store.getState().lists[listKey({ kind: 'devices', poolId: POOL, username: NAME })]?.items.length === 0);
    assert.equal(s.store.getState().pendingWrites.size, 0);
  });

  it('a batch on one user keeps the user in flight until its last device, so the record at exit names it', async () => {
    const s = setup();
    await s.loadList({ kind: 'devices', poolId: POOL, username: NAME });
    s.gw.hold = true;
    s.actions().askAdminWrite({ kind: 'forget-devices' });
    s.actions().confirmYes();
    await waitFor(() => s.calls('AdminForgetDevice').length === 1);
    s.gw.release();
    await waitFor(() => s.calls('AdminForgetDevice').length === 2);
    const records = writesInFlight(s.store.getState(), 0);
    assert.deepEqual(records.map((r) => [r.operation, r.write, r.username]), [['AdminForgetDevice', 'forget-device', NAME]]);
    s.gw.hold = false;
    s.gw.release();
    await waitFor(() => s.store.getState().pendingWrites.size === 0);
  });

  it('an add-to-group in flight at exit is recorded with its group', async () => {
    const s = setup();
    s.gw.hold = true;
    s.actions().askAdminWrite({ kind: 'add-to-group', group: 'support' });
    s.actions().confirmYes();
    await waitFor(() => s.calls('AdminAddUserToGroup').length === 1);
    const records = writesInFlight(s.store.getState(), 0);
    assert.deepEqual(records.map((r) => [r.operation, r.write, r.value]), [['AdminAddUserToGroup', 'add-to-group', 'support']]);
    assert.match(describeUnknownWrite(records[0]), /^add-to-group support of user00001 \(us-test-1_Pool1; AdminAddUserToGroup, /);
    s.gw.hold = false;
    s.gw.release();
    await waitFor(() => s.store.getState().pendingWrites.size === 0);
  });

  it('delete asks for the username to be typed; a wrong text sends nothing; then the user leaves every list', async () => {
    const s = setup();
    const users: ListRef = { kind: 'users', poolId: POOL, filter: '' };
    await s.loadList(users);
    s.actions().askAdminWrite({ kind: 'delete-user' });
    const dialog = s.store.getState().confirm;
    assert.equal(dialog?.kind, 'typed');
    assert.equal(dialog?.kind === 'typed' ? dialog.expected : '', NAME);
    assert.equal(dialog?.dangerous, true);
    s.actions().editDialog('user0000');
    s.actions().confirmYes();
    assert.equal(s.calls('AdminDeleteUser').length, 0);
    assert.ok(s.store.getState().confirm, 'still asking');
    s.actions().editDialog(NAME);
    s.actions().confirmYes();
    await waitFor(() => /^Deleted: user00001 \(AdminDeleteUser succeeded\); gone from the user lists\.$/.test(s.flash()));
    await waitFor(() => s.store.getState().stack.length === 2);
    assert.deepEqual(s.calls('AdminDeleteUser').map((x) => x.args), [[POOL, NAME]]);
    const rows = s.store.getState().lists[listKey(users)]?.items as User[];
    assert.deepEqual(rows.map((u) => u.username), ['user00000', 'user00002']);
    assert.equal(Object.values(s.store.getState().users).some((u) => u.username === NAME), false);
  });

  it('a failure is one line naming the reason, and the group and user stay as they were', async () => {
    const s = setup();
    s.gw.failing.set('AdminAddUserToGroup', new GatewayError({ kind: 'permission', retryable: false, operation: 'AdminAddUserToGroup', message: 'Not allowed to call AdminAddUserToGroup: add cognito-idp:AdminAddUserToGroup to your IAM policy for this pool.' }));
    s.actions().askAdminWrite({ kind: 'add-to-group', group: 'support' });
    s.actions().confirmYes();
    await waitFor(() => /NOT done/.test(s.flash()));
    assert.match(s.flash(), /^Add user00001 to group support NOT done: Not allowed to call AdminAddUserToGroup: add cognito-idp:AdminAddUserToGroup to your IAM policy for this pool\. R to retry \(asks first\)\.$/);
    assert.equal(s.calls('AdminAddUserToGroup').length, 1);
  });
});

describe('admin write specs: read-only and bad input', () => {
  it('read-only mode refuses every one with the reason and sends nothing', () => {
    const s = setup({ readOnly: true, status: 'UNCONFIRMED' });
    const requests: AdminRequest[] = [
      { kind: 'reset-password' }, { kind: 'add-to-group', group: 'support' }, { kind: 'add-to-group' }, { kind: 'remove-from-group', group: 'admins' },
      { kind: 'forget-device', deviceKey: DEVICES[0].key }, { kind: 'forget-devices' }, { kind: 'confirm-signup' }, { kind: 'delete-user' },
    ];
    for (const request of requests) {
      s.store.setState({ flash: undefined });
      s.actions().askAdminWrite(request);
      assert.match(s.flash(), /^Read-only mode \(--read-only\): nothing is sent/, request.kind);
      assert.equal(s.store.getState().confirm, undefined);
      assert.equal(s.store.getState().prompt, undefined);
    }
    assert.deepEqual(writes.flatMap(s.calls), []);
  });

  it('group names are checked as Cognito does, with a clear message', () => {
    assert.deepEqual(parseCommand('add-to-group support'), { ok: true, command: { kind: 'add-to-group', group: 'support' } });
    assert.deepEqual(parseCommand('add-to-group Équipe-€'), { ok: true, command: { kind: 'add-to-group', group: 'Équipe-€' } });
    const bad = parseCommand('add-to-group a\u0007b');
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.error, /letters, digits, symbols and punctuation only/);
    const long = parseCommand(`add-to-group ${'g'.repeat(129)}`);
    assert.match(long.ok ? '' : long.error, /at most 128 characters/);
    assert.match((parseCommand('add-to-group') as { error: string }).error, /needs a group, e\.g\. :add-to-group support/);
    assert.match((parseCommand('forget-device nope') as { error: string }).error, /is not a device key/);
    assert.deepEqual(parseCommand('delete-user'), { ok: true, command: { kind: 'delete-user' } });
  });

  it('Tab completes group names and device keys from what is loaded', () => {
    const known = { groupNames: ['support', 'admins', 'sales'], deviceKeys: DEVICES.map((d) => d.key) };
    assert.deepEqual(completionLines('add-to-group s', known), ['add-to-group support', 'add-to-group sales']);
    assert.deepEqual(completionLines('forget-device us-test-1_b', known), [`forget-device ${DEVICES[1].key}`]);
  });

  it('m opens the command line on add-to-group; Tab offers the loaded groups of the pool', async () => {
    const s = setup();
    await s.loadList({ kind: 'groups', poolId: POOL, username: NAME });
    s.actions().askAdminWrite({ kind: 'add-to-group' });
    assert.deepEqual(s.store.getState().prompt?.text, 'add-to-group ');
    s.actions().completePrompt();
    assert.equal(s.store.getState().prompt?.text, 'add-to-group admins');
  });
});
