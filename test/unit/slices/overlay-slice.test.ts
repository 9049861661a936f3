import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlaySlice } from '../../../src/store/slices/overlay-slice.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';

const POOL = 'us-test-1_Pool1';

describe('the overlay slice', () => {
  it('the search line opens on a pool, takes text, and esc closes it with nothing sent', () => {
    const h = sliceHarness(overlaySlice, { state: { stack: [{ view: 'pools' }, { view: 'users', poolId: POOL }] } });
    const a = () => h.store.getState().actions;
    a().openSearch(POOL);
    a().editPrompt({ text: 'maria' });
    assert.equal(h.store.getState().prompt?.text, 'maria');
    a().cancelPrompt();
    assert.equal(h.store.getState().prompt, undefined);
    assert.equal(h.store.getState().searches[POOL], undefined);
    assert.equal(h.gw.calls.length, 0);
  });

  it('a dialog takes y once; n cancels and says nothing was sent', () => {
    const h = sliceHarness(overlaySlice);
    let confirmed = 0;
    h.store.getState().actions.openDialog({ title: 'Do it?', onConfirm: () => { confirmed++; } });
    h.store.getState().actions.confirmYes();
    h.store.getState().actions.confirmYes();
    assert.equal(confirmed, 1);
    h.store.getState().actions.openDialog({ title: 'Again?', onConfirm: () => { confirmed++; } });
    h.store.getState().actions.confirmNo();
    assert.equal(confirmed, 1);
    assert.match(h.flashes.join('\n'), /Cancelled: nothing was sent/);
  });

  it('the help opens and closes, and scrolls never above its top', () => {
    const h = sliceHarness(overlaySlice);
    const a = () => h.store.getState().actions;
    a().toggleHelp();
    assert.equal(h.store.getState().helpOpen, true);
    a().scrollHelp(3);
    assert.equal(h.store.getState().helpScroll, 3);
    a().scrollHelp(-5);
    assert.equal(h.store.getState().helpScroll, 0);
    a().toggleHelp();
    assert.equal(h.store.getState().helpOpen, false);
  });
});
