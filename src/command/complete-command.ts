import { COMMANDS, findCommand } from './command-table.ts';
import type { CompletionSource } from './command-table.ts';
import { riskSettingWords } from '../domain/risk-edit.ts';

/** Values the app already knows, offered as argument completions (none for a source left out). */
export type KnownValues = Partial<Record<CompletionSource, readonly string[]>>;

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
}

/** Command names the config adds: aliases (completed as names, their arguments as the command's) and custom commands' `:` names. */
export interface ConfiguredNames {
  aliases?: Readonly<Record<string, string>>;
  custom?: readonly string[];
}

/** The completion for a command line as typed (with or without the leading `:`). */
export function completeCommand(text: string, known: KnownValues, more: ConfiguredNames = {}): Completion {
  const match = /^(\s*:?\s*)(\S*)(\s+)?(.*)$/s.exec(text);
  if (!match) return none(text.length, '');
  const [, lead, name, gap, rest] = match;
  if (gap === undefined) {
    const candidates = matching(name, [...COMMANDS.map((c) => c.name), ...Object.keys(more.aliases ?? {}), ...(more.custom ?? [])]);
    return { target: 'command', start: lead.length, partial: name, candidates };
  }
  const start = lead.length + name.length + gap.length;
  const alias = more.aliases && Object.hasOwn(more.aliases, name) ? more.aliases[name].trim().replace(/^:/, '') : undefined;
  const spec = findCommand(alias === undefined ? name : /\s/.test(alias) ? '' : alias);
  if (spec?.argument?.completes === 'riskSettings') {
    const last = /\S*$/.exec(rest)?.[0] ?? '';
    const used = new Set(rest.slice(0, rest.length - last.length).split(/\s+/).map((w) => w.split('=')[0]));
    const words = riskSettingWords().filter((w) => !used.has(w.split('=')[0]));
    return { target: 'riskSettings', start: start + rest.length - last.length, partial: last, candidates: matching(last, words) };
  }
  if (!spec?.argument || /\s/.test(rest)) return none(start, rest);
  const source = spec.argument.completes;
  const candidates = matching(rest, known[source] ?? []);
  return { target: source, start, partial: rest, candidates };
}

/**
 * Every line Tab can turn `text` into, one per candidate in order: the word replaced by the candidate, and a
 * trailing space after a completed command name that takes an argument. Empty when nothing completes.
 */
export function completionLines(text: string, known: KnownValues, more: ConfiguredNames = {}): string[] {
  const completion = completeCommand(text, known, more);
  return completion.candidates.map((candidate) => replaceWord(text, completion, candidate, more));
}

function replaceWord(text: string, completion: Completion, value: string, more: ConfiguredNames): string {
  const alias = more.aliases && Object.hasOwn(more.aliases, value) ? more.aliases[value].trim().replace(/^:/, '') : undefined;
  const needsSpace = completion.target === 'command' && (alias === undefined ? findCommand(value) : /\s/.test(alias) ? undefined : findCommand(alias))?.argument !== undefined;
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

function none(start: number, partial: string): Completion {
  return { target: 'none', start, partial, candidates: [] };
}
