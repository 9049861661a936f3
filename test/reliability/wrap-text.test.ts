import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import stringWidth from 'string-width';
import { HOSTILE_KITCHEN_SINK, LONG_DETAIL_VALUE, LONG_HOSTILE_VALUE } from '../../src/emulator/cognito/hostile.ts';
import { safeText, wrapText } from '../../src/ui/text.ts';
import { squeeze } from './screen.ts';

describe('wrapText: a detail value shown whole', () => {
  const samples = [
    LONG_HOSTILE_VALUE,
    LONG_DETAIL_VALUE,
    safeText(HOSTILE_KITCHEN_SINK),
    '東京都渋谷区神南一丁目'.repeat(30),
    '👩‍💻🔥 '.repeat(50),
    'x'.repeat(333),
    '  leading spaces and   inner   runs  ',
  ];
  for (const width of [1, 2, 3, 7, 20, 77, 200]) {
    it(`no line is wider than ${width} cells and nothing but spaces at the breaks is lost`, () => {
      for (const text of samples) {
        const lines = wrapText(text, width);
        for (const line of lines) {
          const w = stringWidth(line);
          assert.ok(w <= Math.max(width, 2), `${JSON.stringify(line)} is ${w} cells at width ${width}`);
        }
        assert.equal(squeeze(lines.join('')), squeeze(text));
      }
    });
  }

  it('breaks at spaces when it can', () => {
    assert.deepEqual(wrapText('alpha beta gamma delta', 11), ['alpha beta', 'gamma delta']);
  });

  it('cuts a word wider than a line, never between the halves of a wide character', () => {
    assert.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
    assert.deepEqual(wrapText('東京都渋谷', 5), ['東京', '都渋', '谷']);
  });

  it('keeps an emoji sequence together', () => {
    const lines = wrapText('ab👩‍💻cd', 3);
    assert.ok(lines.includes('👩‍💻c') || lines.some((l) => l.includes('👩‍💻')), JSON.stringify(lines));
    assert.equal(lines.join(''), 'ab👩‍💻cd');
  });

  it('returns short text as one line, and empty text as one empty line', () => {
    assert.deepEqual(wrapText('short', 10), ['short']);
    assert.deepEqual(wrapText('', 10), ['']);
  });
});
