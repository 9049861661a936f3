/**
 * Code points that string-width 8 counts as two columns each and that always stand alone as a grapheme: kana, CJK
 * ideographs, Hangul syllables and the fullwidth forms, as inclusive [first, last] pairs (the combining sound marks
 * U+3099 and U+309A, which join the kana before them, are left out). test/unit/fast-string-width.test.ts checks every
 * one against string-width.
 */
const WIDE_RANGES: readonly number[] = [
  0x3041, 0x3096, 0x309d, 0x309f, 0x30a1, 0x30fa, 0x30fc, 0x30ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xac00, 0xd7a3,
  0xff01, 0xff60,
];

/** True if `code` (a UTF-16 code unit) is one of the wide, standalone code points above. */
export function isWideCodePoint(code: number): boolean {
  if (code < 0x3041 || code > 0xff60) return false;
  for (let i = 0; i < WIDE_RANGES.length; i += 2) if (code >= WIDE_RANGES[i]! && code <= WIDE_RANGES[i + 1]!) return true;
  return false;
}

/** Every code point of the table, in order (for the tests that hold it to string-width). */
export function wideCodePoints(): number[] {
  const out: number[] = [];
  for (let i = 0; i < WIDE_RANGES.length; i += 2) for (let c = WIDE_RANGES[i]!; c <= WIDE_RANGES[i + 1]!; c++) out.push(c);
  return out;
}
