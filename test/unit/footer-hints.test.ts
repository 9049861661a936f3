import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitHints } from '../../src/ui/components/Footer.tsx';

const HINTS = [
  { label: 'enter', text: 'enter open' }, { label: '/', text: '/ search' }, { label: 'c', text: 'c risk config' },
  { label: 'esc', text: 'esc back' }, { label: '?', text: '? help' }, { label: 'q', text: 'q quit' },
];

describe('footer hints', () => {
  it('always end with ? help and q quit; others are dropped whole from the end, never cut', () => {
    assert.equal(fitHints(HINTS, 200), 'enter open  / search  c risk config  esc back  ? help  q quit');
    assert.equal(fitHints(HINTS, 40), 'enter open  / search  ? help  q quit');
    assert.equal(fitHints(HINTS, 16), '? help  q quit');
  });
  it('end with help and quit on the keys the config moved them to', () => {
    const moved = HINTS.map((h) => ({ ...h, last: false })).filter((h) => h.label !== '?' && h.label !== 'q');
    moved.push({ label: 'H', text: 'H help', last: true }, { label: 'Q', text: 'Q quit', last: true });
    assert.equal(fitHints(moved, 40), 'enter open  / search  H help  Q quit');
  });
});
