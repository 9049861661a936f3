import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { dispatchInput, dispatchKey, helpTables } from '../../src/keys/dispatch.ts';
import { DIALOG_KEYS, HELP_KEYS, PROMPT_KEYS } from '../../src/keys/mode-keys.ts';
import { VIEWS } from '../../src/views/registry.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { writeFailureReason } from '../../src/store/feedback-text.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef, type ViewName } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const usersRef: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const eventsRef: ListRef = { kind: 'events', poolId: POOL, username: 'user00001' };

function setup(opts: { readOnly?: boolean } = {}) {
  const gw = new FakeGateway();
  gw.users = makeUsers(30);
  gw.events = makeEvents(30);
  const store = createAppStore({ gateway: gw, listRows: 10, readOnly: opts.readOnly });
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, [...k].length === 1 ? k : ''); };
  /** What ink hands over for a chunk of plain text (a paste, tmux send-keys). */
  const paste = (text: string) => dispatchInput(store, text, {});
  const list = <T>(ref: ListRef) => store.getState().lists[listKey(ref)] as PagedList<T> | undefined;
  return { gw, store, press, paste, list };
}

async function onEvents(opts: { readOnly?: boolean } = {}) {
  const s = setup(opts);
  s.store.getState().actions.openDeepLink(POOL, 'user00001');
  await waitFor(() => s.list(eventsRef)?.pagesLoaded === 1);
  return s;
}

async function onUsers() {
  const s = setup();
  s.store.getState().actions.openDeepLink(POOL);
  await waitFor(() => s.list(usersRef)?.pagesLoaded === 1);
  return s;
}

const SAMPLES = ['+34612345678', 'maria.garcia+test@example.com'];

describe('input lines: every printable character arrives as typed', () => {
  for (const sample of SAMPLES) {
    it(`typed key by key: ${sample} in the search, the filter and the command line`, async () => {
      const s = await onUsers();
      s.press('/', ...sample);
      assert.equal(s.store.getState().prompt?.text, sample);
      s.press('escape', ':', ...sample);
      assert.equal(s.store.getState().prompt?.text, sample);
      s.press('escape');
      s.store.getState().actions.openDeepLink(POOL, 'user00001');
      await waitFor(() => s.list(eventsRef)?.pagesLoaded === 1);
      s.press('f', ...sample);
      assert.equal(s.store.getState().prompt?.text, sample);
    });

    it(`pasted in one chunk: ${sample}, in one edit of the line`, async () => {
      const s = await onUsers();
      s.press('/');
      let edits = 0;
      const stop = s.store.subscribe((next, prev) => { if (next.prompt !== prev.prompt) edits++; });
      s.paste(sample);
      stop();
      assert.equal(s.store.getState().prompt?.text, sample);
      assert.equal(edits, 1, 'a pasted chunk is one change of the line');
    });
  }

  it('a chunk that opens the line, types and submits searches for the + number on the server', async () => {
    const s = await onUsers();
    s.paste('/+34612345678\r');
    await waitFor(() => s.gw.calls.some((c) => c.op === 'ListUsers' && c.args[1] === 'phone_number ^= "+34612345678"'));
  });

  it('a 50 KB paste is one edit, and enter refuses it in one line without sending anything', async () => {
    const s = await onUsers();
    const before = s.gw.count('ListUsers');
    s.press('/');
    let edits = 0;
    const stop = s.store.subscribe((next, prev) => { if (next.prompt !== prev.prompt) edits++; });
    const big = 'x'.repeat(50 * 1024);
    s.paste(big);
    stop();
    assert.equal(edits, 1);
    assert.equal(s.store.getState().prompt?.text.length, big.length);
    s.press('enter');
    const error = s.store.getState().prompt?.error ?? '';
    assert.match(error, /too long: 51,200 characters, Cognito's filter takes at most 256/);
    assert.ok(error.length < 200, 'the message does not echo the input');
    assert.equal(s.gw.count('ListUsers'), before, 'nothing was sent');
  });

  it('text under 256 characters is still refused when the filter it makes is longer', async () => {
    const s = await onUsers();
    const before = s.gw.count('ListUsers');
    s.press('/');
    s.paste('a'.repeat(250));
    s.press('enter');
    assert.match(s.store.getState().prompt?.error ?? '', /too long: as a filter 261 characters/);
    assert.equal(s.gw.count('ListUsers'), before);
  });

  it('a filter error quoting a long input quotes only its start', async () => {
    const s = await onUsers();
    s.press('/');
    s.paste(`email ^= "x" ${'y'.repeat(200)}`);
    s.press('enter');
    const error = s.store.getState().prompt?.error ?? '';
    assert.match(error, /Unexpected text after the value: "y+…"/);
    assert.ok(error.length < 100, error);
  });
});

describe('the help is modal', () => {
  it('? then d opens no dialog; j scrolls the help; esc, ? and q each close it onto the same row', async () => {
    const s = await onEvents();
    s.press('j', 'j');
    const cursor = s.list(eventsRef)!.cursor;
    for (const close of ['escape', '?', 'q']) {
      s.press('?', 'd', 'v', 'S', 'enter', 'G', 'r', ':', '/');
      assert.equal(s.store.getState().confirm, undefined, 'no write dialog behind the help');
      assert.equal(s.store.getState().prompt, undefined, 'no input line behind the help');
      assert.equal(s.store.getState().helpOpen, true);
      s.press('j', 'j');
      assert.equal(s.store.getState().helpScroll, 2);
      s.press(close);
      assert.equal(s.store.getState().helpOpen, false, `${close} closes the help`);
      assert.equal(s.store.getState().quitting, false);
      assert.equal(currentRoute(s.store.getState()).view, 'events');
      assert.equal(s.list(eventsRef)!.cursor, cursor, 'the cursor did not move behind the help');
    }
    assert.equal(s.gw.count('AdminDisableUser'), 0);
  });

  it('lists the keys of every mode, and each key once within a mode', () => {
    for (const view of VIEWS.map((v) => v.name) as ViewName[]) {
      const tables = helpTables(view);
      const titles = tables.map((t) => t.title);
      for (const mode of [PROMPT_KEYS, HELP_KEYS, ...Object.values(DIALOG_KEYS)]) assert.ok(titles.includes(mode.title), `${view}: ${mode.title}`);
      const viewAndGlobal = tables.slice(0, 2).flatMap((t) => t.bindings.flatMap((b) => b.keys));
      assert.deepEqual(viewAndGlobal.filter((k, i) => viewAndGlobal.indexOf(k) !== i), [], `${view}: a key listed twice`);
      const labels = tables.slice(0, 2).flatMap((t) => t.bindings.map((b) => b.label));
      assert.deepEqual(labels.filter((l, i) => labels.indexOf(l) !== i), [], `${view}: a label listed twice`);
      for (const t of tables.slice(2)) {
        const keys = t.bindings.flatMap((b) => b.keys);
        assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], `${t.title}: a key listed twice`);
      }
    }
  });

  it('n and N are one binding that jumps both ways', async () => {
    const s = await onEvents();
    s.press('n');
    const next = s.list(eventsRef)!.cursor;
    assert.ok(next > 0);
    s.press('n', 'N');
    assert.equal(s.list(eventsRef)!.cursor, next);
  });
});

describe('yes/no confirmations answer only to y, n and esc', () => {
  it('enter does not confirm a write, nor does any other key; y sends it once', async () => {
    const s = await onEvents();
    s.press('d');
    assert.ok(s.store.getState().confirm);
    s.press('enter', 'Y', 'q', 'j', 'space', 'd', 'v', 'r', '?', ':', 'tab', 'backspace');
    assert.ok(s.store.getState().confirm, 'still open');
    assert.equal(s.store.getState().helpOpen, false);
    assert.equal(s.gw.count('AdminDisableUser'), 0);
    s.press('y');
    await waitFor(() => s.gw.count('AdminDisableUser') === 1);
    assert.equal(s.store.getState().confirm, undefined);
  });

  for (const cancel of ['n', 'N', 'escape']) {
    it(`${cancel} cancels and sends nothing`, async () => {
      const s = await onEvents();
      s.press('S', cancel);
      assert.equal(s.store.getState().confirm, undefined);
      assert.match(s.store.getState().flash?.text ?? '', /nothing was sent/);
      assert.equal(s.gw.count('AdminUserGlobalSignOut'), 0);
    });
  }
});

describe('R sends a failed write again, after asking', () => {
  const denied = (operation: string) => new GatewayError({
    kind: 'throttled', retryable: true, operation,
    message: `Cognito throttled ${operation} (request-rate quota reached). Wait a moment and press r to retry.`,
  });

  it('a failed disable names R, not r; r refreshes and sends no write; R asks; y sends once', async () => {
    const s = await onEvents();
    s.gw.failing.set('AdminDisableUser', denied('AdminDisableUser'));
    s.press('d', 'y');
    await waitFor(() => s.store.getState().flash?.level === 'error');
    const message = s.store.getState().flash!.text;
    assert.match(message, /Disable user00001 NOT done: .*R to retry \(asks first\)\.$/);
    assert.doesNotMatch(message, /press r/);
    s.gw.failing.clear();
    s.press('r');
    await waitFor(() => !s.list(eventsRef)?.loading);
    assert.equal(s.gw.count('AdminDisableUser'), 1, 'r never re-sends a write');
    s.press('R');
    assert.match(String(s.store.getState().confirm?.title), /^Send again: Disable user00001\?/);
    assert.equal(s.gw.count('AdminDisableUser'), 1, 'R only asks');
    s.press('enter');
    assert.equal(s.gw.count('AdminDisableUser'), 1, 'enter does not confirm it');
    s.press('y');
    await waitFor(() => /Disabled: user00001/.test(s.store.getState().flash?.text ?? ''));
    assert.equal(s.gw.count('AdminDisableUser'), 2);
    assert.equal(s.store.getState().failedWrite, undefined);
    s.press('R');
    assert.equal(s.store.getState().confirm, undefined, 'nothing left to retry');
    assert.match(s.store.getState().flash?.text ?? '', /no failed write/);
  });

  it('a failed feedback write is sent again by R then y, for the same event and value', async () => {
    const s = await onEvents();
    const target = s.list<{ id: string }>(eventsRef)!.items[0].id;
    s.gw.failing.set('AdminUpdateAuthEventFeedback', denied('AdminUpdateAuthEventFeedback'));
    s.press('i', 'y');
    await waitFor(() => s.store.getState().flash?.level === 'error');
    assert.match(s.store.getState().flash!.text, /Feedback NOT saved .*R to retry/);
    s.gw.failing.clear();
    s.press('j', 'j', 'R', 'n');
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 1, 'n keeps it unsent');
    s.press('R', 'y');
    await waitFor(() => s.gw.count('AdminUpdateAuthEventFeedback') === 2 && /Saved/.test(s.store.getState().flash?.text ?? ''));
    const sent = s.gw.calls.filter((c) => c.op === 'AdminUpdateAuthEventFeedback').map((c) => c.args.slice(2));
    assert.deepEqual(sent, [[target, 'Invalid'], [target, 'Invalid']]);
  });

  it('the read advice is taken off a write failure', () => {
    assert.equal(writeFailureReason('Cognito throttled X (request-rate quota reached). Wait a moment and press r to retry.'), 'Cognito throttled X (request-rate quota reached).');
    assert.equal(writeFailureReason('Your SSO session has expired. Run: aws sso login — then press r.'), 'Your SSO session has expired. Run: aws sso login.');
    assert.equal(writeFailureReason('Not allowed'), 'Not allowed.');
  });
});
