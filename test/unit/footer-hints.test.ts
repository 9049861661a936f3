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
});
