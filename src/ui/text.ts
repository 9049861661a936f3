import stringWidth from 'string-width';

const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF\u00AD]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

function controlPicture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

/** The most code points of one field that reach layout; Cognito's longest attribute value (2,048) fits whole. */
export const MAX_FIELD_CODE_POINTS = 2048;

/** The most code points one grapheme keeps (a family emoji has 7); further combining marks are dropped. */
export const MAX_GRAPHEME_CODE_POINTS = 10;

/** What a field cut by boundText ends with. */
export const CUT_MARKER = '…(cut)';

let segmenter: Intl.Segmenter | undefined;

/** Splits text into graphemes; the segmenter is made on first need, since the first one costs ~18 ms of ICU loading. */
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const CLUSTER_EXTENDER = /[\p{M}\u200D\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0000}-\u{E007F}]/u;

/**
 * Bounds untrusted text before it reaches layout: at most MAX_FIELD_CODE_POINTS code points, and at most
 * MAX_GRAPHEME_CODE_POINTS in any one grapheme (a flood of combining marks on one letter). A bounded text ends in
 * CUT_MARKER, so what is shown says it was cut. Work is bounded too: only the head of a long text is read.
 */
export function boundText(text: string): string {
  if (text.length <= MAX_FIELD_CODE_POINTS && (PRINTABLE_ASCII.test(text) || !CLUSTER_EXTENDER.test(text))) return text;
  let end = Math.min(text.length, 2 * MAX_FIELD_CODE_POINTS);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  let cut = end < text.length;
  let out = '';
  let points = 0;
  for (const { segment } of graphemes(text.slice(0, end))) {
    let cluster = Array.from(segment);
    if (cluster.length > MAX_GRAPHEME_CODE_POINTS) {
      cluster = cluster.slice(0, MAX_GRAPHEME_CODE_POINTS);
      cut = true;
    }
    if (points + cluster.length > MAX_FIELD_CODE_POINTS) {
      cut = true;
      break;
    }
    out += cluster.join('');
    points += cluster.length;
  }
  return cut ? out + CUT_MARKER : out;
}

/**
 * Makes untrusted API text safe for the terminal: bounded in size (boundText), every control character (which is
 * how escape sequences start) shown as a visible symbol (ESC as ␛, BEL as ␇, C1 as �), bidi overrides as �, and
 * zero-width characters dropped. Nothing in the result can move the cursor, recolour, retitle or write the clipboard.
 */
export function safeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = boundText(typeof value === 'string' ? value : String(value));
  if (!/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(text)) return text;
  return text.replace(ZERO_WIDTH, '').replace(BIDI, '\uFFFD').replace(CONTROL, controlPicture);
}

/** Display width of already-safe text, in terminal cells; printable ASCII, most of what is drawn, is one cell a character. */
export function cellWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** Cuts safe text to at most `width` cells, ending with … when cut; wide characters never straddle the edge. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/**
 * Wraps safe text into lines of at most `width` cells: at spaces where it can (the spaces at a break are dropped),
 * inside a word only when the word alone is wider than a line; wide characters never straddle a line end.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  if (stringWidth(text) <= w) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let gap = '';
  const flush = () => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const token of text.split(/( +)/)) {
    if (token === '') continue;
    if (token.startsWith(' ')) {
      gap = token;
      continue;
    }
    const gapWidth = line !== '' || lines.length === 0 ? gap.length : 0;
    const tokenWidth = stringWidth(token);
    if (used + gapWidth + tokenWidth <= w) {
      line += gapWidth > 0 ? gap + token : token;
      used += gapWidth + tokenWidth;
    } else if (tokenWidth <= w) {
      if (line !== '') flush();
      line = token;
      used = tokenWidth;
    } else {
      if (line !== '' && used + gapWidth < w - 1) {
        line += gap;
        used += gapWidth;
      } else if (line !== '') {
        flush();
      }
      for (const { segment } of graphemes(token)) {
        const segmentWidth = stringWidth(segment);
        if (used + segmentWidth > w && used > 0) flush();
        line += segment;
        used += segmentWidth;
      }
    }
    gap = '';
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Truncates or pads safe text to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}
