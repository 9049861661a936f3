import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAgo } from '../../src/domain/time-format.ts';
import { boundText, cellWidth, CUT_MARKER, fit, MAX_FIELD_CODE_POINTS, MAX_GRAPHEME_CODE_POINTS, safeText, truncate } from '../../src/ui/text.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('safeText', () => {
  const hostile = [
    '\u001b[2J\u001b[31mred',
    '\u001b]0;pwned\u0007title',
    '\u001b]52;c;cHduZWQ=\u0007clip',
    '\u001bPq#0;2;0;0;0\u001b\\dcs',
    'bell\u0007back\bcr\rnl\nnul\u0000',
    '\u009b31mC1 CSI',
    'evil\u202eexe.txt',
    'zero\u200bwidth\ufeff',
  ];
  for (const value of hostile) {
    it(`neutralises ${JSON.stringify(value)}`, () => {
      const out = safeText(value);
      assert.equal(CONTROL.test(out), false, out);
      assert.equal(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/.test(out), false);
    });
  }
  it('shows escapes visibly rather than hiding them', () => {
    assert.equal(safeText('\u001b]0;x\u0007'), '\u241b]0;x\u2407');
  });
  it('leaves ordinary text, emoji and CJK alone', () => {
    for (const s of ['maría.garcía@example.com', '山田 太郎', '👩‍💻 dev', '']) assert.equal(safeText(s), s);
  });
  it('turns non-strings into text', () => {
    assert.equal(safeText(undefined), '');
    assert.equal(safeText(42), '42');
  });
});

describe('truncate and fit', () => {
  it('cuts to the width with an ellipsis', () => {
    assert.equal(truncate('abcdefghij', 5), 'abcd…');
    assert.equal(truncate('abc', 5), 'abc');
    assert.equal(truncate('abc', 0), '');
  });
  it('never splits a wide character across the edge', () => {
    const out = truncate('山田太郎山田太郎', 5);
    assert.ok(cellWidth(out) <= 5);
    assert.equal(out, '山田…');
  });
  it('pads to the exact width, measured in cells', () => {
    for (const s of ['a', '山田', '👩‍💻', 'x'.repeat(10_000)]) {
      assert.equal(cellWidth(fit(safeText(s), 12)), 12, s.slice(0, 10));
    }
    assert.equal(fit('7', 3, 'right'), '  7');
  });
});

describe('formatAgo', () => {
  it('is compact', () => {
    const now = 1_000_000_000_000;
    assert.equal(formatAgo(now - 5_000, now), '5s ago');
    assert.equal(formatAgo(now - 3 * 60_000, now), '3m ago');
    assert.equal(formatAgo(now - 5 * 3_600_000, now), '5h ago');
    assert.equal(formatAgo(now - 12 * 86_400_000, now), '12d ago');
    assert.equal(formatAgo(undefined, now), '');
  });
});

describe('boundText: a field costs no more than its cap', () => {
  const codePoints = (s: string) => Array.from(s).length;

  it('a letter with 20,000 combining marks becomes a few code points and says it was cut', () => {
    const flood = `a${'\u0301'.repeat(20_000)}`;
    const bounded = boundText(flood);
    assert.ok(codePoints(bounded) <= MAX_GRAPHEME_CODE_POINTS + CUT_MARKER.length, `${codePoints(bounded)} code points`);
    assert.ok(bounded.endsWith(CUT_MARKER));
    assert.ok(bounded.startsWith('a\u0301'));
    assert.equal(safeText(flood), bounded);
  });

  it('100 KB in one field is cut to the field cap', () => {
    const bounded = boundText('x'.repeat(100_000));
    assert.equal(codePoints(bounded), MAX_FIELD_CODE_POINTS + CUT_MARKER.length);
    assert.ok(bounded.endsWith(CUT_MARKER));
  });

  it('many marked letters are cut by the field cap, in whole graphemes', () => {
    const bounded = boundText('é\u0301\u0302'.repeat(5_000));
    assert.ok(codePoints(bounded) <= MAX_FIELD_CODE_POINTS + CUT_MARKER.length);
    assert.ok(bounded.endsWith(`\u0302${CUT_MARKER}`));
  });

  it('ordinary text, accents, emoji sequences and a 2,048-character value are left whole', () => {
    for (const text of ['maria.garcia+test@example.com', 'Nguyễn Thị Minh Khai', '👨‍👩‍👧‍👦 family', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'y'.repeat(MAX_FIELD_CODE_POINTS)]) {
      assert.equal(boundText(text), text);
    }
  });
});
