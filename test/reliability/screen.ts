import assert from 'node:assert/strict';
import stringWidth from 'string-width';

/**
 * Bytes that must never reach the terminal from data: C0 controls other than the newline between frame lines
 * (ESC, BEL, BS, CR…), DEL, C1 controls (0x9b CSI, 0x9d OSC, 0x90 DCS…), bidi overrides and isolates, and the
 * zero-width characters that hide text (the zero-width joiner inside emoji is fine).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_ON_SCREEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f\u2060\ufeff]/u;

/** Fails, naming the character and its line, when a frame holds anything from UNSAFE_ON_SCREEN. */
export function assertSafeFrame(frame: string, context = ''): void {
  const lines = frame.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = UNSAFE_ON_SCREEN.exec(lines[i]);
    if (m) {
      assert.fail(`${context}: U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} on line ${i + 1}: ${JSON.stringify(lines[i])}`);
    }
  }
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A line as terminal cells: each grapheme in its first cell, '' in the second cell of a wide one. */
export function cells(line: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(line)) {
    const w = stringWidth(segment);
    if (w === 0) {
      if (out.length > 0) out[out.length - 1] += segment;
      continue;
    }
    out.push(segment);
    for (let i = 1; i < w; i++) out.push('');
  }
  return out;
}

/** The text in cells [start, end) of a line. */
export function cellSlice(line: string, start: number, end = Number.MAX_SAFE_INTEGER): string {
  return cells(line).slice(start, end).join('');
}

/** Where each header word starts, in cells: the column boundaries of a list whose headers are single words. */
export function columnStarts(header: string): { name: string; at: number }[] {
  const c = cells(header);
  const starts: { name: string; at: number }[] = [];
  for (let i = 0; i < c.length; i++) {
    if (c[i] !== ' ' && c[i] !== '' && (i === 0 || c[i - 1] === ' ')) {
      let j = i;
      while (j < c.length && c[j] !== ' ') j++;
      starts.push({ name: c.slice(i, j).join(''), at: i });
    }
  }
  return starts;
}

/** The cells of one column of a row, given the header's column boundaries. */
export function columnText(row: string, starts: { name: string; at: number }[], name: string): string {
  const i = starts.findIndex((s) => s.name === name);
  assert.ok(i >= 0, `no column ${name}`);
  const end = i + 1 < starts.length ? starts[i + 1].at - 1 : undefined;
  return cellSlice(row, starts[i].at, end);
}

/**
 * Checks that a row lines up under the header: every column starts on a grapheme (not the right half of a wide
 * character), the cell before it is the blank separator, and the row is no wider than the screen.
 */
export function assertAligned(row: string, starts: { name: string; at: number }[], width: number): void {
  const c = cells(row);
  assert.ok(c.length <= width, `row is ${c.length} cells, wider than ${width}: ${row}`);
  for (const { name, at } of starts.slice(1)) {
    assert.notEqual(c[at], '', `column ${name} starts inside a wide character: ${row}`);
    assert.equal(c[at - 1], ' ', `no separator before column ${name} at cell ${at}: ${row}`);
  }
}

/** Removes all whitespace, to compare wrapped text with the value it came from. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
