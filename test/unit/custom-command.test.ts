import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProgramRunner } from '../../src/cli/run-program.ts';
import type { ConfigState, CustomCommand } from '../../src/config/config-types.ts';
import { fillTemplates } from '../../src/custom/templates.ts';
import { selectionValues } from '../../src/custom/selection-values.ts';
import type { User } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { FakeGateway, makeEvents } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const usersRef: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-custom-'));
const canary = join(dir, 'canary');
const recorder = join(dir, 'record-argv.cjs');
writeFileSync(recorder, [
  "const fs = require('node:fs');",
  "fs.writeFileSync(process.argv[2] + '.part', JSON.stringify(process.argv.slice(3)));",
  "fs.renameSync(process.argv[2] + '.part', process.argv[2]);",
].join('\n'));

const HOSTILE = [`$(touch ${canary})`, '; reboot', `\`touch ${canary}\` && rm -rf ~ | cat > ${canary}`, "it's \"quoted\" \\ spaced  out"];

function user(username: string, i: number): User {
  return { username, enabled: true, status: 'CONFIRMED', attributes: { email: `u${i}@example.com`, sub: `sub-${i}` }, mfaOptions: [] };
}

function command(out: string, extra: Partial<CustomCommand> = {}): CustomCommand {
  return {
    name: 'record', key: 'Z', command: 'record', views: ['users'], confirm: false, output: 'background',
    run: [process.execPath, recorder, out, '{{.Username}}', '--email={{.Email}}', '{{.PoolId}}', '{{.Region}}'], ...extra,
  };
}

async function setup(commands: CustomCommand[]) {
  const gw = new FakeGateway();
  gw.users = HOSTILE.map(user);
  gw.events = makeEvents(3).map((e, i) => ({ ...e, ip: `203.0.113.${i}` }));
  const config: ConfigState = { keys: {}, aliases: {}, commands, pools: {} };
  const store = createAppStore({ gateway: gw, config, runProgram: createProgramRunner(() => undefined), flashMs: 60_000 });
  store.getState().actions.openDeepLink(POOL);
  await waitFor(() => (store.getState().lists[listKey(usersRef)] as PagedList<User> | undefined)?.items.length === HOSTILE.length);
  return store;
}

describe('custom commands: templates reach the program as separate arguments, never through a shell', () => {
  for (const [i, username] of HOSTILE.entries()) {
    it(`the username ${JSON.stringify(username)} arrives as that one literal argument`, async () => {
      const out = join(dir, `argv-${i}.json`);
      const store = await setup([command(out)]);
      store.getState().actions.cursorTo(usersRef, i);
      dispatchKey(store, 'Z', 'Z');
      await waitFor(() => existsSync(out) && /exit status 0/.test(store.getState().flash?.text ?? ''), 5000, 'the program to run and end');
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), [username, `--email=u${i}@example.com`, POOL, 'us-test-1']);
      assert.equal(store.getState().flash?.text, 'record: exit status 0');
      assert.equal(existsSync(canary), false, 'no shell ran any part of it');
    });
  }

  it('runs from its : name too, and asks first when it says to confirm (n runs nothing)', async () => {
    const out = join(dir, 'argv-confirm.json');
    const store = await setup([command(out, { confirm: true })]);
    store.getState().actions.cursorTo(usersRef, 1);
    store.getState().actions.openPrompt('command');
    store.getState().actions.editPrompt({ text: 'record' });
    store.getState().actions.submitPrompt();
    const dialog = store.getState().confirm;
    assert.ok(dialog && dialog.kind !== 'typed' && dialog.kind !== 'checklist');
    assert.equal(dialog.title, 'Run record?');
    assert.deepEqual(dialog.lines, [`${process.execPath} ${recorder} ${out} '; reboot' --email=u1@example.com ${POOL} us-test-1`]);
    dispatchKey(store, 'n', 'n');
    assert.equal(store.getState().confirm, undefined);
    assert.equal(existsSync(out), false);
    dispatchKey(store, 'Z', 'Z');
    dispatchKey(store, 'y', 'y');
    await waitFor(() => existsSync(out));
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8'))[0], '; reboot');
  });

  it('runs nothing when the selection lacks a template, or in a view it does not apply to', async () => {
    const out = join(dir, 'argv-missing.json');
    const store = await setup([command(out, { run: [process.execPath, recorder, out, '{{.EventId}}'] }), command(out, { name: 'other', key: 'Y', command: undefined, views: ['events'] })]);
    dispatchKey(store, 'Z', 'Z');
    assert.equal(store.getState().flash?.text, 'record: nothing here gives {{.EventId}}; select a row that has it.');
    dispatchKey(store, 'Y', 'Y');
    assert.equal(store.getState().flash?.text, 'record: nothing here gives {{.EventId}}; select a row that has it.', 'Y is not bound in the users view');
    store.getState().actions.runCustomCommand('other');
    assert.equal(store.getState().flash?.text, 'other runs in the events view, not here.');
    assert.equal(existsSync(out), false);
  });

  it('takes the sub from the user\'s whole row in the user view; a list row has none', async () => {
    const out = join(dir, 'argv-sub.json');
    const store = await setup([command(out, { views: ['users', 'user'], run: [process.execPath, recorder, out, '{{.Sub}}', '{{.Username}}'] })]);
    store.getState().actions.cursorTo(usersRef, 1);
    dispatchKey(store, 'Z', 'Z');
    assert.equal(store.getState().flash?.text, 'record: nothing here gives {{.Sub}}; open the user (enter): a list row keeps no sub.');
    store.getState().actions.push({ view: 'user', poolId: POOL, username: '; reboot' });
    await waitFor(() => Object.values(store.getState().users).some((u) => u.username === '; reboot' && u.attributes.sub === 'sub-1'), 5000, 'the whole row');
    dispatchKey(store, 'Z', 'Z');
    await waitFor(() => existsSync(out));
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), ['sub-1', '; reboot']);
  });

  it('says why a program could not start', async () => {
    const store = await setup([command('x', { run: ['/nonexistent/program-xyz', '{{.Username}}'] })]);
    dispatchKey(store, 'Z', 'Z');
    await waitFor(() => /could not run/.test(store.getState().flash?.text ?? ''));
    assert.equal(store.getState().flash?.text, 'record: could not run: /nonexistent/program-xyz: no such file');
    for (const [program, said] of [['./bin/no-such-ticket', `./bin/no-such-ticket: no such file (a relative path is read from ${process.cwd()}, where cognito-tui started)`], ['no-such-program-xyz', 'no-such-program-xyz: no such program in PATH']]) {
      const again = await setup([command('x', { run: [program, '{{.Username}}'] })]);
      dispatchKey(again, 'Z', 'Z');
      await waitFor(() => /could not run/.test(again.getState().flash?.text ?? ''));
      assert.equal(again.getState().flash?.text, `record: could not run: ${said}`);
    }
  });
});

describe('what the templates are filled from', () => {
  it('in the events view: the user on screen and the event under the cursor, with its IP', async () => {
    const store = await setup([]);
    const ref: ListRef = { kind: 'events', poolId: POOL, username: '; reboot' };
    store.getState().actions.push({ view: 'events', poolId: POOL, username: '; reboot' });
    await waitFor(() => (store.getState().lists[listKey(ref)] as PagedList<unknown> | undefined)?.items.length === 3);
    store.getState().actions.cursorTo(ref, 1);
    const values = selectionValues(store.getState());
    assert.deepEqual({ ...values }, { Region: 'us-test-1', Profile: undefined, PoolId: POOL, Username: '; reboot', Sub: 'sub-1', Email: 'u1@example.com', EventId: 'evt-0001-0000-0000', IpAddress: '203.0.113.1' });
  });
});

describe('template filling', () => {
  it('keeps each argument one argument and names what is missing', () => {
    assert.deepEqual(fillTemplates(['a {{.Username}} b', '{{ .Email }}'], { Username: 'x y', Email: 'e' }), { argv: ['a x y b', 'e'] });
    assert.deepEqual(fillTemplates(['{{.Sub}}', '{{.EventId}}'], { Sub: '' }), { missing: ['Sub', 'EventId'] });
  });
});
