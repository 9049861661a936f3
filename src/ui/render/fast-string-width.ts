import { isNarrowCodePoint } from './narrow-code-points.ts';
import { isWideCodePoint } from './wide-code-points.ts';

/** The signature of string-width's default export. */
export type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

const SGR = /\u001b\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/**
 * string-width with a fast path in front: text made only of printable ASCII, the narrow code points of
 * narrow-code-points.ts, the wide ones of wide-code-points.ts and colour sequences is counted directly (a code point
 * that would join one of them into a larger grapheme is in neither table, so it sends the text to string-width); anything else goes to string-width itself, which
 * `load` provides on first need. Loading string-width builds a grapheme segmenter and Unicode property regular
 * expressions (about 15 ms), and the first frame rarely needs them.
 */
export function createStringWidth(load: () => StringWidth): StringWidth {
  let full: StringWidth | undefined;
  return function stringWidth(text, options) {
    if (typeof text !== 'string' || text.length === 0) return 0;
    if (options !== undefined) return (full ??= load())(text, options);
    const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
    let width = plain.length;
    for (let i = 0; i < plain.length; i++) {
      const code = plain.charCodeAt(i);
      if ((code >= 0x20 && code <= 0x7e) || isNarrowCodePoint(code)) continue;
      if (isWideCodePoint(code)) width++;
      else return (full ??= load())(text);
    }
    return width;
  };
}
