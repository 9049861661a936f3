import { COMMANDS, findCommand } from './command-table.ts';
import type { CompletionSource } from './command-table.ts';

/** Values the app already knows, offered as argument completions. */
export type KnownValues = Record<CompletionSource, readonly string[]>;

/** What Tab can do with a command line. */
export interface Completion {
  /** What the completed word is: a command name or one of the known lists; none when nothing completes here. */
  target: 'command' | CompletionSource | 'none';
  /** Where the word being completed starts in the text. */
  start: number;
  /** The word as typed. */
  partial: string;
  /** Values that match the word: those it starts (ignoring case), else those that contain it; in the order given. */
  candidates: string[];
  /** The longest prefix all candidates share (ignoring case, spelled as the first candidate); `partial` when there are none. */
  commonPrefix: string;
}

/** One step of Tab cycling: the new line and which candidate it holds. */
export interface CycleStep {
  text: string;
  /** Index into candidates, already wrapped into 0..count-1; -1 when there are none. */
  index: number;
  count: number;
}

/** The completion for a command line as typed (with or without the leading `:`). */
export function completeCommand(text: string, known: KnownValues): Completion {
  const match = /^(\s*:?\s*)(\S*)(\s+)?(.*)$/s.exec(text);
  if (!match) return none(text.length, '');
  const [, lead, name, gap, rest] = match;
  if (gap === undefined) {
    const candidates = matching(name, COMMANDS.map((c) => c.name));
    return { target: 'command', start: lead.length, partial: name, candidates, commonPrefix: commonPrefix(candidates, name) };
  }
  const start = lead.length + name.length + gap.length;
  const spec = findCommand(name);
  if (!spec?.argument || /\s/.test(rest)) return none(start, rest);
  const source = spec.argument.completes;
  const candidates = matching(rest, known[source]);
  return { target: source, start, partial: rest, candidates, commonPrefix: commonPrefix(candidates, rest) };
}

/**
 * The line after pressing Tab `index` times (0 for the first press; negative goes backwards) from `original`,
 * the text as it was before the first Tab: the word is replaced by the candidate at that index. A completed
 * command name that takes an argument gets a trailing space. Keep `original` and the count while the user
 * presses Tab; start again from the current text after any other key.
 */
export function cycleCompletion(original: string, known: KnownValues, index: number): CycleStep {
  const completion = completeCommand(original, known);
  const count = completion.candidates.length;
  if (count === 0) return { text: original, index: -1, count };
  const wrapped = ((index % count) + count) % count;
  return { text: replaceWord(original, completion, completion.candidates[wrapped]), index: wrapped, count };
}

/**
 * The line with the word extended to the candidates' common prefix (the whole candidate when there is just
 * one), or unchanged when that would not add anything: what a first Tab does in a shell.
 */
export function applyCommonPrefix(text: string, known: KnownValues): string {
  const completion = completeCommand(text, known);
  if (completion.candidates.length === 1) return replaceWord(text, completion, completion.candidates[0]);
  const { commonPrefix: prefix, partial } = completion;
  if (prefix.length <= partial.length || !prefix.toLowerCase().startsWith(partial.toLowerCase())) return text;
  return text.slice(0, completion.start) + prefix;
}

function replaceWord(text: string, completion: Completion, value: string): string {
  const needsSpace = completion.target === 'command' && findCommand(value)?.argument !== undefined;
  return text.slice(0, completion.start) + value + (needsSpace ? ' ' : '');
}

function matching(partial: string, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  const lower = partial.toLowerCase();
  const exact = unique.filter((v) => v.toLowerCase() === lower);
  const starting = unique.filter((v) => v.toLowerCase().startsWith(lower) && v.toLowerCase() !== lower);
  if (exact.length + starting.length > 0) return [...exact, ...starting];
  return unique.filter((v) => v.toLowerCase().includes(lower));
}

function commonPrefix(candidates: string[], partial: string): string {
  if (candidates.length === 0) return partial;
  let prefix = candidates[0];
  for (const candidate of candidates.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < candidate.length && prefix[i].toLowerCase() === candidate[i].toLowerCase()) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

function none(start: number, partial: string): Completion {
  return { target: 'none', start, partial, candidates: [], commonPrefix: partial };
}
