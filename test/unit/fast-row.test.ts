import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fastRow, type RowPiece } from '../../src/ui/render/fast-row.ts';
import type { InkOutputClass } from '../../src/ui/render/row-cached-output.ts';
import { SeededRandom } from '../helpers/seeded-random.ts';

const require = createRequire(import.meta.url);
const InkOutput = (await import(pathToFileURL(join(dirname(require.resolve('ink')), 'output.js')).href)).default as InkOutputClass;

const TEXT = ['a', 'user-42', ' ', '  ', 'é', 'ñ', '…', '▶', '●', '·', '—', '✔', '✖', '↓', '│', '╭', '\u00a0', 'Ω', 'Ж', '漢字', '伊藤 さくら', '가', 'Ａ１'];
const CODES = [
  '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[7m', '\u001b[27m', '\u001b[0m', '\u001b[m',
  '\u001b[1;31m', '\u001b[38;5;208m', '\u001b[38;2;10;20;30m', '\u001b[48;5;17m', '\u001b[49m', '\u001b[4m', '\u001b[24m', '\u001b[90m',
];
/** Text the fast path hands back to Ink's Output. */
const OTHER = ['👍', 'x\u0301', 'か\u3099', 'ｱ', '\t', '\u001b[2J', '\u001b]8;;http://x\u0007', '\u001b[31', '\u200d', '\ufe0f'];

function inkRow(width: number, pieces: RowPiece[]): string {
  const output = new InkOutput({ width, height: 1 });
  for (const p of pieces) output.write(p.x, 0, p.line, { transformers: [] });
  return output.get().output;
}

describe('fastRow (a frame row without a cell object per character)', () => {
  it('answers exactly what Ink\'s Output answers for rows of plain text, narrow symbols and colour sequences', () => {
    const rng = new SeededRandom(20261129);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rng.next() * list.length)]!;
    let fast = 0;
    for (let n = 0; n < 5000; n++) {
      const width = 1 + Math.floor(rng.next() * 40);
      const pieces = Array.from({ length: 1 + Math.floor(rng.next() * 4) }, () => ({
        x: Math.floor(rng.next() * (width + 4)) - 2,
        line: Array.from({ length: Math.floor(rng.next() * 12) }, () => pick(rng.next() < 0.35 ? CODES : rng.next() < 0.03 ? OTHER : TEXT)).join(''),
      }));
      const answer = fastRow(width, pieces);
      if (answer === undefined) continue;
      fast++;
      assert.equal(answer, inkRow(width, pieces), JSON.stringify({ width, pieces }));
    }
    assert.ok(fast > 3000, `the fast path took ${fast} of 5000 rows`);
  });

  it('takes a list row with its colours, and leaves emoji, combining and other escape sequences to Ink', () => {
    const row = '\u001b[7m▶ user-1 \u001b[33mFORCE_CHANGE_PASSWORD\u001b[39m yes\u001b[27m';
    assert.equal(fastRow(120, [{ x: 0, line: row }]), inkRow(120, [{ x: 0, line: row }]));
    const wide = '\u001b[7m▶ sakura.ito 伊藤 さくら \u001b[33mCONFIRMED\u001b[39m 가나\u001b[27m';
    assert.equal(fastRow(60, [{ x: 0, line: wide }]), inkRow(60, [{ x: 0, line: wide }]));
    assert.equal(fastRow(15, [{ x: 3, line: '漢字漢字漢字' }, { x: 4, line: 'ab' }]), inkRow(15, [{ x: 3, line: '漢字漢字漢字' }, { x: 4, line: 'ab' }]));
    for (const other of OTHER) assert.equal(fastRow(20, [{ x: 0, line: `ab${other}cd` }]), undefined, JSON.stringify(other));
  });
});
