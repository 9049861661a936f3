/** Four 32-bit words: a 128-bit hash or PRNG state. */
type Words128 = [number, number, number, number];

function avalanche(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 128-bit non-cryptographic hash of a string, used to derive independent PRNG streams from keys. */
export function hash128(text: string): Words128 {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 0x85a308d3;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x2c1b3c6d) + (a >>> 7);
    c = Math.imul(c ^ code, 0x297a2d39) ^ (b >>> 11);
    d = Math.imul(d ^ code, 0x5bd1e995) + (c >>> 5);
  }
  a = avalanche(a ^ text.length);
  b = avalanche(b + a);
  c = avalanche(c ^ b);
  d = avalanche(d + c);
  a = avalanche(a ^ d);
  return [a, b >>> 0, c, d];
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = '-'.charCodeAt(0);

const hex = (word: number, shift: number): number => HEX_CODES[(word >>> shift) & 15];

/** Formats four 32-bit words as an RFC 4122 version-4 UUID string. */
function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  const a = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
  const b = ((w2 & 0x3fffffff) | 0x80000000) >>> 0;
  return String.fromCharCode(
    hex(w0, 28), hex(w0, 24), hex(w0, 20), hex(w0, 16), hex(w0, 12), hex(w0, 8), hex(w0, 4), hex(w0, 0), DASH,
    hex(a, 28), hex(a, 24), hex(a, 20), hex(a, 16), DASH, hex(a, 12), hex(a, 8), hex(a, 4), hex(a, 0), DASH,
    hex(b, 28), hex(b, 24), hex(b, 20), hex(b, 16), DASH, hex(b, 12), hex(b, 8), hex(b, 4), hex(b, 0),
    hex(w3, 28), hex(w3, 24), hex(w3, 20), hex(w3, 16), hex(w3, 12), hex(w3, 8), hex(w3, 4), hex(w3, 0),
  );
}

/**
 * Deterministic pseudo-random generator (xoshiro128** over a 128-bit state) seeded from a key, so that
 * separate streams (one per pool, per user, ...) never overlap in practice.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(...key: Array<string | number>) {
    const [a, b, c, d] = hash128(key.join('\u001f'));
    this.s0 = a;
    this.s1 = b;
    this.s2 = c;
    this.s3 = d | 1;
  }

  /** Next 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Draws `n` 32-bit integers and drops them (the stream moves on as if they had been used). */
  skip(n: number): void {
    for (let i = 0; i < n; i += 1) this.uint32();
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Uniform integer in [min, max] inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element chosen uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One element of a weighted table, chosen with probability proportional to its weight. */
  weighted<T>(table: WeightedTable<T>): T {
    return table.at(this.next());
  }

  /** A random version-4 UUID drawn from this stream. */
  uuid(): string {
    return uuidFromWords(this.uint32(), this.uint32(), this.uint32(), this.uint32());
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

/** Items with weights, prepared for repeated weighted picks. */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly bounds: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let total = 0;
    for (const [, w] of entries) total += w;
    let acc = 0;
    this.items = entries.map(([item]) => item);
    this.bounds = entries.map(([, w]) => {
      acc += w / total;
      return acc;
    });
  }

  /** The item whose cumulative weight band contains `fraction` (in [0, 1)). */
  at(fraction: number): T {
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i += 1) if (fraction < bounds[i]) return this.items[i];
    return this.items[this.items.length - 1];
  }
}
