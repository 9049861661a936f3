import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize, type AnsiCode } from '@alcalzone/ansi-tokenize';
import { isNarrowCodePoint } from './narrow-code-points.ts';
import { isWideCodePoint } from './wide-code-points.ts';

/** A line of text as it lands on one row: where it starts and what it says, after clipping and transformers. */
export interface RowPiece {
  x: number;
  line: string;
}

/** The styles in force on a character: one shared (interned) array per distinct set, so equal styles compare by reference. */
type Styles = readonly AnsiCode[];

const NO_STYLES: Styles = [];
/** Bounds on the caches below: colour sequences come from the app's own theme, so a few dozen is the norm. */
const MAX_CACHED = 512;

const sequenceTokens = new Map<string, readonly AnsiCode[] | undefined>();
const interned = new Map<string, Styles>();
const transitions = new Map<Styles, Map<Styles, string>>();

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  if (map.size >= MAX_CACHED) map.clear();
  return map;
}

/** The index of the `m` ending the colour sequence that starts at `at` (ESC [ digits and semicolons m), or -1. */
function sgrEnd(line: string, at: number): number {
  if (line.charCodeAt(at + 1) !== 0x5b) return -1;
  for (let i = at + 2; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x6d) return i;
    if (c !== 0x3b && (c < 0x30 || c > 0x39)) return -1;
  }
  return -1;
}

/** The style codes one colour sequence stands for, as Ink's tokenizer splits it. */
function tokensOf(sequence: string): readonly AnsiCode[] | undefined {
  if (sequenceTokens.has(sequence)) return sequenceTokens.get(sequence);
  const tokens = tokenize(sequence);
  const codes = tokens.every((t) => t.type === 'ansi') ? (tokens as AnsiCode[]) : undefined;
  bounded(sequenceTokens).set(sequence, codes);
  return codes;
}

const sequenceResults = new Map<Styles, Map<string, Styles | null>>();

/** The styles in force after colour sequence `sequence` is applied to `from`; undefined when it is not one Ink's tokenizer reads as colour codes. */
function stylesAfter(from: Styles, sequence: string): Styles | undefined {
  let bySequence = sequenceResults.get(from);
  if (bySequence === undefined) bounded(sequenceResults).set(from, (bySequence = new Map()));
  let to = bySequence.get(sequence);
  if (to === undefined) {
    const codes = tokensOf(sequence);
    let current = from;
    if (codes !== undefined) for (const code of codes) current = intern(reduceAnsiCodesIncremental(current as AnsiCode[], [code]));
    to = codes === undefined ? null : current;
    bounded(bySequence).set(sequence, to);
  }
  return to ?? undefined;
}

function intern(styles: AnsiCode[]): Styles {
  if (styles.length === 0) return NO_STYLES;
  const key = styles.map((s) => `${s.code}\u0000${s.endCode}`).join('\u0001');
  let shared = interned.get(key);
  if (shared === undefined) {
    shared = styles;
    bounded(interned).set(key, shared);
  }
  return shared;
}

/** The codes that turn `from` into `to`, as Ink's styledCharsToString writes them. */
function transition(from: Styles, to: Styles): string {
  if (from === to) return '';
  let byTarget = transitions.get(from);
  if (byTarget === undefined) bounded(transitions).set(from, (byTarget = new Map()));
  let codes = byTarget.get(to);
  if (codes === undefined) byTarget.set(to, (codes = ansiCodesToString(diffAnsiCodes(from as AnsiCode[], to as AnsiCode[]))));
  return codes;
}

/**
 * Lays one line into the row's cells from `x`, as Ink's Output does (a cell left of the row is dropped, as Ink's frame
 * never shows it); false when the line holds anything but printable
 * ASCII, the narrow standalone code points (one cell and one grapheme each), the wide standalone ones (two cells, the
 * second left empty, as Ink leaves it) and colour sequences.
 */
function place(values: string[], styles: Styles[], x: number, line: string): boolean {
  let current = NO_STYLES;
  let at = x;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      const end = sgrEnd(line, i);
      const next = end < 0 ? undefined : stylesAfter(current, line.slice(i, end + 1));
      if (next === undefined) return false;
      current = next;
      i = end;
      continue;
    }
    if ((c < 0x20 || c > 0x7e) && !isNarrowCodePoint(c)) {
      if (!isWideCodePoint(c)) return false;
      if (at >= 0) {
        values[at] = line[i]!;
        styles[at] = current;
      }
      if (at + 1 >= 0) {
        values[at + 1] = '';
        styles[at + 1] = current;
      }
      at += 2;
      continue;
    }
    if (at >= 0) {
      values[at] = line[i]!;
      styles[at] = current;
    }
    at++;
  }
  return true;
}

/** The cells of the row being made and the parts of its text: kept from row to row, so that a row allocates its text only. */
const cellValues: string[] = [];
const cellStyles: Styles[] = [];
const parts: string[] = [];

/**
 * One row of a frame, exactly as Ink's Output would write it, without a cell object per character: the cells are
 * two arrays (text and shared styles) and style changes are written once per run. Undefined for a row holding text
 * this does not handle (emoji and other wide characters outside its table, combining characters, other escape
 * sequences); Ink's Output draws those.
 */
export function fastRow(width: number, pieces: readonly RowPiece[]): string | undefined {
  const values = cellValues;
  const styles = cellStyles;
  values.length = width;
  styles.length = width;
  values.fill(' ');
  styles.fill(NO_STYLES);
  for (const piece of pieces) if (!place(values, styles, piece.x, piece.line)) return undefined;
  const out = parts;
  let n = 0;
  let previous = NO_STYLES;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === undefined) continue;
    const style = styles[i]!;
    if (style !== previous) out[n++] = transition(previous, style);
    out[n++] = value;
    previous = style;
  }
  out[n++] = transition(previous, NO_STYLES);
  out.length = n;
  return out.join('').trimEnd();
}
