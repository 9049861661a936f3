/** How a string is held in a byte buffer: one byte per code unit, UTF-8, or UTF-16 code units (lone surrogates). */
export const enum TextCoding {
  Latin1 = 0,
  Utf8 = 1,
  Utf16 = 2,
}

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

  /** Appends `rest` as UTF-8, encoded here (a call into Buffer costs more than the few characters of a name); UTF-16 when it holds a lone surrogate. */
  private appendWide(rest: string): TextCoding {
    this.reserve(rest.length * 3);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = 0; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (c < 0x80) {
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        const low = rest.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return this.appendUtf16(rest);
        const code = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        bytes[at++] = 0xf0 | (code >> 18);
        bytes[at++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
        i++;
      }
    }
    this.used = at;
    return TextCoding.Utf8;
  }

  private appendUtf16(rest: string): TextCoding {
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
