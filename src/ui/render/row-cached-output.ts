import { fastRow, type RowPiece } from './fast-row.ts';
import { RecentCache } from './recent-cache.ts';

/** A function Ink applies to each line a text node writes (colours, for example). */
export type LineTransformer = (line: string, index: number) => string;

/** A clipping rectangle as Ink's renderer pushes it; a side left undefined does not clip. */
export interface ClipRect {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

/** The frame buffer Ink's renderer writes a frame into and reads as text (ink/build/output.js). */
export interface InkOutput {
  write(x: number, y: number, text: string, options: { transformers: LineTransformer[] }): void;
  clip(clip: ClipRect): void;
  unclip(): void;
  get(): { output: string; height: number };
}

/** A class with the constructor of Ink's Output. */
export type InkOutputClass = new (options: { width: number; height: number }) => InkOutput;

type Operation =
  | { kind: 'write'; x: number; y: number; text: string; transformers: LineTransformer[] }
  | { kind: 'clip'; clip: ClipRect }
  | { kind: 'unclip' };

type Piece = RowPiece;

const ROWS_PER_GENERATION = 2048;
const PIECE_SEPARATOR = '\u0000';
const FIELD_SEPARATOR = '\u0001';

function rowKey(width: number, pieces: Piece[]): string {
  let key = String(width);
  for (const piece of pieces) key += PIECE_SEPARATOR + piece.x + FIELD_SEPARATOR + piece.line;
  return key;
}

/**
 * Ink's Output with the same answers, computed a row at a time: a row's text depends only on the pieces written
 * to it, so a row seen in an earlier frame (at any height: scrolling moves rows) is taken from a cache, and only
 * new rows are built: by fastRow when they hold plain text and colours, else by Ink's own Output. Ink builds a cell
 * object for every character of every row of every frame, which at list sizes is most of a frame's work and of its
 * garbage.
 *
 * Frames that clip horizontally, or whose transformers add line breaks, are handed to Ink's Output whole.
 */
export function rowCachedOutput(InkOutputBase: InkOutputClass): InkOutputClass {
  const rows = new RecentCache<string>(ROWS_PER_GENERATION);

  function buildRow(width: number, pieces: Piece[]): string {
    const fast = fastRow(width, pieces);
    if (fast !== undefined) return fast;
    const single = new InkOutputBase({ width, height: 1 });
    for (const piece of pieces) single.write(piece.x, 0, piece.line, { transformers: [] });
    return single.get().output;
  }

  return class RowCachedOutput implements InkOutput {
    private readonly operations: Operation[] = [];

    constructor(private readonly size: { width: number; height: number }) {}

    write(x: number, y: number, text: string, options: { transformers: LineTransformer[] }): void {
      if (!text) return;
      this.operations.push({ kind: 'write', x, y, text, transformers: options.transformers });
    }

    clip(clip: ClipRect): void {
      this.operations.push({ kind: 'clip', clip });
    }

    unclip(): void {
      this.operations.push({ kind: 'unclip' });
    }

    get(): { output: string; height: number } {
      const { width, height } = this.size;
      const pieces = this.piecesByRow();
      if (pieces === undefined) return this.replayOnInk();
      const lines: string[] = new Array(height);
      for (let y = 0; y < height; y++) {
        const row = pieces[y];
        lines[y] = row === undefined ? '' : rows.get(rowKey(width, row), () => buildRow(width, row));
      }
      return { output: lines.join('\n'), height };
    }

    /** The pieces each row receives, in the order Ink writes them; undefined when the frame needs Ink whole. */
    private piecesByRow(): (Piece[] | undefined)[] | undefined {
      const { height } = this.size;
      const byRow: (Piece[] | undefined)[] = new Array(height);
      const clips: ClipRect[] = [];
      for (const op of this.operations) {
        if (op.kind === 'clip') {
          if (typeof op.clip.x1 === 'number' && typeof op.clip.x2 === 'number') return undefined;
          clips.push(op.clip);
          continue;
        }
        if (op.kind === 'unclip') {
          clips.pop();
          continue;
        }
        let lines = op.text.split('\n');
        let { y } = op;
        const clip = clips.at(-1);
        if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number') {
          if (y + lines.length < clip.y1 || y > clip.y2) continue;
          const from = y < clip.y1 ? clip.y1 - y : 0;
          const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
          lines = lines.slice(from, to);
          if (y < clip.y1) y = clip.y1;
        }
        let offsetY = 0;
        for (let index = 0; index < lines.length; index++) {
          const row = y + offsetY;
          if (!Number.isInteger(row) || row < 0 || row >= height) continue;
          let line = lines[index]!;
          for (const transform of op.transformers) line = transform(line, index);
          if (line.includes('\n')) return undefined;
          (byRow[row] ??= []).push({ x: op.x, line });
          offsetY++;
        }
      }
      return byRow;
    }

    private replayOnInk(): { output: string; height: number } {
      const whole = new InkOutputBase(this.size);
      for (const op of this.operations) {
        if (op.kind === 'write') whole.write(op.x, op.y, op.text, { transformers: op.transformers });
        else if (op.kind === 'clip') whole.clip(op.clip);
        else whole.unclip();
      }
      return whole.get();
    }
  };
}
