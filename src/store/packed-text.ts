/** How a string is held in a byte buffer: one byte per code unit, UTF-8, or UTF-16 code units (lone surrogates). */
export const enum TextCoding {
  Latin1 = 0,
  Utf8 = 1,
  Utf16 = 2,
}

/** A surrogate code unit without its pair, which UTF-8 cannot hold. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A growable byte buffer that strings are appended to; growing copies only this buffer. */
export class TextBytes {
  bytes: Buffer;
  used = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  private reserve(n: number): void {
    const need = this.used + n;
    if (need <= this.bytes.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(need, this.bytes.length * 2));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  /** Appends `text` from code unit `from` up to `to`; returns how it was coded. */
  append(text: string, from = 0, to = text.length): TextCoding {
    this.reserve(to - from);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return this.appendWide(from === 0 && to === text.length ? text : text.slice(from, to));
      bytes[at++] = c;
    }
    this.used = at;
    return TextCoding.Latin1;
  }

  private appendWide(rest: string): TextCoding {
    if (!LONE_SURROGATE.test(rest)) {
      const n = Buffer.byteLength(rest, 'utf8');
      this.reserve(n);
      this.used += this.bytes.write(rest, this.used, n, 'utf8');
      return TextCoding.Utf8;
    }
    this.reserve(rest.length * 2);
    this.used += this.bytes.write(rest, this.used, rest.length * 2, 'utf16le');
    return TextCoding.Utf16;
  }

  /** Drops the room past what is used, when it is more than an eighth of the buffer. */
  trim(): void {
    if (this.bytes.length - this.used <= this.bytes.length >>> 3) return;
    const exact = Buffer.allocUnsafeSlow(this.used);
    this.bytes.copy(exact, 0, 0, this.used);
    this.bytes = exact;
  }
}

/** Buffer's own decoders without toString's argument handling, which costs several times the decode of a short string. */
interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
}

const direct = typeof (Buffer.prototype as unknown as Partial<SliceDecoders>).latin1Slice === 'function'
  && typeof (Buffer.prototype as unknown as Partial<SliceDecoders>).utf8Slice === 'function'
  && typeof (Buffer.prototype as unknown as Partial<SliceDecoders>).ucs2Slice === 'function';

/** The string held in `bytes[start, end)` with `coding`. */
export function decodeText(bytes: Buffer, start: number, end: number, coding: TextCoding): string {
  if (start === end) return '';
  if (!direct) return bytes.toString(coding === TextCoding.Latin1 ? 'latin1' : coding === TextCoding.Utf8 ? 'utf8' : 'utf16le', start, end);
  const b = bytes as unknown as SliceDecoders;
  if (coding === TextCoding.Latin1) return b.latin1Slice(start, end);
  if (coding === TextCoding.Utf8) return b.utf8Slice(start, end);
  return b.ucs2Slice(start, end);
}
