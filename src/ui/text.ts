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

/**
 * Makes untrusted API text safe for the terminal: every control character (which is how escape sequences
 * start) is shown as a visible symbol (ESC as ␛, BEL as ␇, C1 as �), bidi overrides as �, and zero-width
 * characters are dropped. Nothing in the result can move the cursor, recolour, retitle or write the clipboard.
 */
export function safeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (!/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(text)) return text;
  return text.replace(ZERO_WIDTH, '').replace(BIDI, '\uFFFD').replace(CONTROL, controlPicture);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

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
  for (const { segment } of segmenter.segment(text)) {
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
      for (const { segment } of segmenter.segment(token)) {
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

/** A time as `YYYY-MM-DD HH:MM` in local time, or – when unknown. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '–';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** How long ago, compactly: `45s ago`, `3m ago`, `5h ago`, `12d ago`. */
export function formatAgo(ms: number | undefined, now: number): string {
  if (ms === undefined) return '';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}
