import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import inkWidestLine from 'widest-line';
import cachedWidestLine from '../../src/ui/render/cached-widest-line.ts';
import { RecentCache } from '../../src/ui/render/recent-cache.ts';
import { rowCachedOutput, type ClipRect, type InkOutput, type InkOutputClass, type LineTransformer } from '../../src/ui/render/row-cached-output.ts';
import { SeededRandom } from '../helpers/seeded-random.ts';

const require = createRequire(import.meta.url);
const InkOutputClass = (await import(pathToFileURL(join(dirname(require.resolve('ink')), 'output.js')).href)).default as InkOutputClass;

function random(seed: number): () => number {
  const rng = new SeededRandom(seed);
  return () => rng.next();
}

const PIECES = ['a', 'bc', ' ', 'user-42', 'é', '漢字', '👍', '🇫🇷', 'x\u0301', '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[7m', '\u001b[27m', '…', '\t', ''];
const TRANSFORMERS: LineTransformer[] = [
  (line) => `\u001b[32m${line}\u001b[39m`,
  (line, index) => (index % 2 === 0 ? line.toUpperCase() : line),
  (line) => `${line} `,
];

type Op = ['write', number, number, string, LineTransformer[]] | ['clip', ClipRect] | ['unclip'];

function randomFrame(next: () => number, width: number, height: number, horizontalClips: boolean): Op[] {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const ops: Op[] = [];
  let open = 0;
  for (let n = int(1, 14); n > 0; n--) {
    const roll = next();
    if (roll < 0.12) {
      const vertical = { y1: int(-1, height), y2: int(0, height + 1) };
      ops.push(['clip', horizontalClips && next() < 0.5 ? { ...vertical, x1: int(0, width), x2: int(0, width + 2) } : vertical]);
      open++;
    } else if (roll < 0.2 && open > 0) {
      ops.push(['unclip']);
      open--;
    } else {
      const lines = Array.from({ length: int(1, 4) }, () => Array.from({ length: int(0, 6) }, () => pick(PIECES)).join(''));
      const transformers = Array.from({ length: int(0, 2) }, () => pick(TRANSFORMERS));
      ops.push(['write', int(-1, width + 1), int(-2, height + 1), lines.join('\n'), transformers]);
    }
  }
  return ops;
}

function draw(output: InkOutput, ops: Op[]): string {
  for (const op of ops) {
    if (op[0] === 'write') output.write(op[1], op[2], op[3], { transformers: op[4] });
    else if (op[0] === 'clip') output.clip(op[1]);
    else output.unclip();
  }
  return JSON.stringify(output.get());
}

describe('row-cached Output (the bundled bin renders with it in place of Ink\'s)', () => {
  it('answers exactly what Ink\'s Output answers, frame after frame, for random writes, clips and transformers', () => {
    const RowCached = rowCachedOutput(InkOutputClass);
    const next = random(20261123);
    for (let frame = 0; frame < 3000; frame++) {
      const width = 1 + Math.floor(next() * 30);
      const height = 1 + Math.floor(next() * 8);
      const ops = randomFrame(next, width, height, frame % 3 === 0);
      const expected = draw(new InkOutputClass({ width, height }), ops);
      assert.equal(draw(new RowCached({ width, height }), ops), expected, `frame ${frame}: ${JSON.stringify(ops)}`);
      assert.equal(draw(new RowCached({ width, height }), ops), expected, `frame ${frame} again, from the cache`);
    }
  });

  it('builds only the rows it has not seen: scrolling a list by one row builds one row (text with an emoji, which Ink\'s Output builds)', () => {
    let built = 0;
    class CountingOutput extends InkOutputClass {
      override get() {
        built++;
        return super.get();
      }
    }
    const RowCached = rowCachedOutput(CountingOutput);
    const frame = (top: number) => {
      const output = new RowCached({ width: 40, height: 10 });
      for (let y = 0; y < 10; y++) output.write(0, y, `\u001b[36muser-${top + y}\u001b[39m  👍  enabled`, { transformers: [] });
      return output.get().output;
    };
    frame(0);
    assert.equal(built, 10);
    built = 0;
    const scrolled = frame(1);
    assert.equal(built, 1);
    assert.match(scrolled.split('\n')[9]!, /user-10\u001b\[39m {2}👍/);
  });

  it('lets Ink draw a frame whose transformer adds a line break', () => {
    const RowCached = rowCachedOutput(InkOutputClass);
    const ops: Op[] = [['write', 0, 0, 'ab\ncd', [(line) => `${line}\nzz`]]];
    assert.equal(draw(new RowCached({ width: 6, height: 3 }), ops), draw(new InkOutputClass({ width: 6, height: 3 }), ops));
  });
});

describe('cached widest-line', () => {
  it('answers what widest-line answers', () => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => PIECES[Math.floor(next() * PIECES.length)]!.concat(next() < 0.2 ? '\n' : '')).join('');
      assert.equal(cachedWidestLine(text), inkWidestLine(text), JSON.stringify(text));
      assert.equal(cachedWidestLine(text), inkWidestLine(text), `${JSON.stringify(text)} from the cache`);
    }
  });
});

describe('RecentCache', () => {
  it('keeps at most two generations and recomputes what aged out', () => {
    let made = 0;
    const cache = new RecentCache<number>(2);
    const get = (key: string) => cache.get(key, (k) => { made++; return k.length; });
    get('a'); get('bb'); get('ccc'); get('dddd');
    assert.equal(made, 4);
    assert.ok(cache.size <= 4);
    get('ccc');
    assert.equal(made, 4);
    get('e'); get('ff'); get('a');
    assert.equal(made, 7);
  });
});

describe('the bundled bin', () => {
  it('renders with the row-cached Output, the cached widest-line and the fast string-width', () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const bin = [join(dist, 'cli.js'), ...readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f))]
      .map((file) => readFileSync(file, 'utf8')).join('\n');
    assert.match(bin, /rowCachedOutput\(/);
    assert.match(bin, /function widestLine\((\w+)\) \{\s*return widths\d*\.get\(\1, measure\d*\);/, 'the cached widest-line (esbuild may rename its names)');
    assert.match(bin, /createStringWidth\(\(\) => \(init_string_width\(\)/, 'string-width is loaded on first need');
  });
});
