import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import realStringWidth from 'string-width';
import { createStringWidth } from '../../src/ui/render/fast-string-width.ts';
import { isNarrowCodePoint, NARROW_TABLE_END } from '../../src/ui/render/narrow-code-points.ts';
import { wideCodePoints } from '../../src/ui/render/wide-code-points.ts';
import { SeededRandom } from '../helpers/seeded-random.ts';

function random(seed: number): () => number {
  const rng = new SeededRandom(seed);
  return () => rng.next();
}

const PIECES = [
  'a', 'Z', ' ', '~', 'user-42', 'é', 'Océane', 'ß', 'Ω', 'Ж', '·', '…', '—', '│', '─', '╭', '▶', '▲', '◆', '✖', '★', '→', '€',
  '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[m', '\u001b[38;5;208m', '\u001b[38;2;255;0;10m', '\u001b[1234m', '\u001b[38;5;1234m',
  '\u001b]0;title\u0007', '\u009b31m', '\u001b', '\t', '\n', '\u0000', '\u007f',
  '漢', '字', '👍', '👍🏽', '🇫🇷', '❤️', '👩‍💻', 'e\u0301', '\u0301', '\u200b', '\u200d', '\ufe0f', '\u00ad', 'ｱ', '가', '\u1100\u1161', 'さくら', 'か\u3099', '\u11a8', 'Ａ',
  '\u2b50', '\u231a', '\u26a1', '\u2705', '\u2716', '\u27a1', '\u2b06',
];

describe('fast string-width', () => {
  it('counts one column for every code point of its table, standing alone and among others, as string-width does', () => {
    let checked = 0;
    for (let code = 0; code <= NARROW_TABLE_END; code++) {
      if (!isNarrowCodePoint(code)) continue;
      const c = String.fromCharCode(code);
      assert.equal(realStringWidth(c), 1, `U+${code.toString(16)}`);
      assert.equal(realStringWidth(`a${c}b${c}${c}\u001b[31m${c}\u001b[39m`), 6, `U+${code.toString(16)} among others`);
      checked++;
    }
    assert.ok(checked > 4000, `${checked} code points`);
  });

  it('counts two columns for every code point of its wide table, standing alone and among others, as string-width does, without loading it', () => {
    let loads = 0;
    const fast = createStringWidth(() => { loads++; return realStringWidth; });
    let checked = 0;
    for (const code of wideCodePoints()) {
      const c = String.fromCharCode(code);
      assert.equal(realStringWidth(c), 2, `U+${code.toString(16)}`);
      assert.equal(realStringWidth(`a${c}b${c}\u001b[31m${c}\u001b[39m`), 8, `U+${code.toString(16)} among others`);
      if (checked % 97 === 0) assert.equal(fast(`a${c}b${c}\u001b[31m${c}\u001b[39m`), 8, `U+${code.toString(16)} counted fast`);
      checked++;
    }
    assert.ok(checked > 39_000, `${checked} code points`);
    assert.equal(fast('伊藤 さくら'), 11);
    assert.equal(loads, 0);
  });

  it('answers what string-width answers for random mixes of ASCII, symbols, colour and everything else', () => {
    const fast = createStringWidth(() => realStringWidth);
    const next = random(11);
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: Math.floor(next() * 8) }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
      assert.equal(fast(text), realStringWidth(text), JSON.stringify(text));
    }
    assert.equal(fast('漢字', { ambiguousIsNarrow: false }), realStringWidth('漢字', { ambiguousIsNarrow: false }));
    assert.equal(fast('·', { ambiguousIsNarrow: false }), realStringWidth('·', { ambiguousIsNarrow: false }));
    assert.equal(fast(undefined as unknown as string), 0);
  });

  it('loads string-width only when text needs it, and once', () => {
    let loads = 0;
    const fast = createStringWidth(() => { loads++; return realStringWidth; });
    assert.equal(fast('\u001b[1m▶ maria.garcia\u001b[22m · Océane │ ▲▲ High ✖'), 35);
    assert.equal(loads, 0);
    assert.equal(fast('👍'), 2);
    assert.equal(fast('漢字'), 4);
    assert.equal(loads, 1);
  });
});
