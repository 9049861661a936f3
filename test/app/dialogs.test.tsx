import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { checklistDialog, typedDialog } from '../../src/store/dialog.ts';
import type { ChecklistStep } from '../../src/store/state.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';

/**
 * A demo use of the typed and checklist dialogs (no write needs them yet): what a containment of the user on
 * screen would ask, recording what would have run instead of sending it.
 */
function containment(h: AppHarness, ran: string[][]) {
  const steps: ChecklistStep[] = [
    { id: 'AdminDisableUser', label: 'disable the user', checked: true },
    { id: 'AdminUserGlobalSignOut', label: 'sign out everywhere', checked: true },
    { id: 'AdminUpdateAuthEventFeedback', label: 'mark the risky events Invalid', checked: false },
  ];
  h.store.getState().actions.openDialog(checklistDialog({
    title: `Contain ${TAKEOVER_USERNAME}`,
    detail: 'Each checked step is one call, in order.',
    steps,
    describe: (checked) => checked.map((s) => `${s.id} ${TAKEOVER_USERNAME}`),
    onRun: (checked) => { ran.push(checked.map((s) => s.id)); },
  }));
}

function widest(frame: string): number {
  return Math.max(...frame.split('\n').map((line) => stringWidth(line)));
}

describe('app: the typed and checklist dialogs, driven by keys', () => {
  let h: AppHarness;
  before(async () => { h = await startOnEvents({ columns: 80, rows: 24 }); });
  after(async () => { await h.close(); });

  it('typed: shows the name to type; enter on a wrong name says so and keeps it open; the exact name and enter submit', async () => {
    let confirmed = 0;
    h.store.getState().actions.openDialog(typedDialog({
      title: `Delete ${TAKEOVER_USERNAME}? (cannot be undone)`, expected: TAKEOVER_USERNAME, onConfirm: () => { confirmed++; },
    }));
    await h.waitForText(`type ${TAKEOVER_USERNAME} to confirm:`);
    await h.type('maria');
    await h.press('enter');
    await h.waitForText('does not match');
    assert.equal(confirmed, 0);
    await h.press('y');
    assert.equal(confirmed, 0, 'y is text here');
    await h.press('backspace', 'ctrl+u', TAKEOVER_USERNAME);
    await h.waitForText(new RegExp(`to confirm: ${TAKEOVER_USERNAME.replace(".", "\\.")}\\s+✔`));
    await h.press('enter');
    await h.waitForText(/enter detail/);
    assert.equal(confirmed, 1);
    assert.equal(h.store.getState().confirm, undefined);
    assert.deepEqual(h.operations().filter((o) => !o.startsWith('List') && !o.startsWith('AdminList') && o !== 'DescribeUserPool'), [], 'nothing written');
  });

  it('checklist: space, j and d show the dry run; y runs only the checked steps; esc cancels', async () => {
    const ran: string[][] = [];
    containment(h, ran);
    await h.waitForText('▶ [x] disable the user');
    await h.press('j', 'space', 'j', 'space');
    await h.waitForText('  [ ] sign out everywhere');
    await h.waitForText('▶ [x] mark the risky events Invalid');
    await h.press('d');
    const dry = await h.waitForText('dry run — nothing was sent');
    assert.match(dry, /AdminDisableUser maria/);
    assert.match(dry, /AdminUpdateAuthEventFeedback maria/);
    assert.doesNotMatch(dry, /AdminUserGlobalSignOut maria/);
    assert.ok(widest(dry) <= 80);
    await h.press('n', 'enter', 'q');
    assert.deepEqual(ran, [], 'n, enter and q do nothing in a checklist');
    await h.press('y');
    assert.deepEqual(ran, [['AdminDisableUser', 'AdminUpdateAuthEventFeedback']]);
    containment(h, ran);
    await h.waitForText('▶ [x] disable the user');
    await h.press('escape');
    await h.waitForText('Cancelled: nothing was sent');
    assert.equal(ran.length, 1);
  });

  it('the help at 80×24 fits the width, scrolls to its last section, and closes with q onto the same row', async () => {
    await h.press('j');
    const before = h.store.getState().lists;
    await h.press('?');
    const first = await h.waitForText(/Keys — esc, \? or q closes · j\/k scroll \(1–\d+ of \d+\)/);
    assert.ok(widest(first) <= 80, `widest line ${widest(first)}`);
    await h.press('pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown');
    const last = await h.waitForText('Help (this screen)');
    assert.match(last, /Copy a field \(Y, then a letter\)|Checklist \(several steps\)|Typed confirmation/);
    assert.ok(widest(last) <= 80);
    await h.press('q');
    await h.waitForText(/enter detail/);
    assert.equal(h.store.getState().quitting, false);
    assert.equal(h.store.getState().lists, before, 'nothing moved behind the help');
  });
});
