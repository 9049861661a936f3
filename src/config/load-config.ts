import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type * as z from 'zod/mini';
import { CONFIG_SCHEMA } from './config-schema.ts';
import { ConfigError, configProblem, type AppConfig, type LineOf, type LoadedConfig } from './config-types.ts';

type Issue = z.core.$ZodIssue;

/** The line of the deepest node of `path` that is in the document: a map key's own line, a list item's line. */
function lineFinder(contents: unknown, lines: LineCounter): LineOf {
  return (path) => {
    let node = contents as Node | null | undefined;
    let at: number | undefined = node?.range?.[0];
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        at = (pair.key as Node).range?.[0] ?? at;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        at = item.range?.[0] ?? at;
        node = item;
      } else {
        break;
      }
    }
    return at === undefined ? undefined : lines.linePos(at).line;
  };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

const EXPECTED: Record<string, string> = { string: 'text', boolean: 'true or false', object: 'a map of keys', array: 'a list', number: 'a number' };

/** The key path an issue is about and what is wrong there, in a few words. */
function explain(issue: Issue, data: unknown): { path: (string | number)[]; problem: string } {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const input = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path: [...path, issue.keys[0]], problem: 'unknown key' };
    case 'invalid_type':
      return { path, problem: `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(input)}` };
    case 'invalid_value':
      return { path, problem: `must be one of ${issue.values.map(String).join(', ')}` };
    case 'invalid_union':
      return { path, problem: issue.message.startsWith('Invalid input') ? `has the wrong type (got ${describe(input)})` : issue.message };
    case 'too_small':
      return { path, problem: 'must not be empty' };
    case 'invalid_key':
      return { path, problem: explain(issue.issues[0] as Issue, data).problem };
    default:
      return { path, problem: issue.message };
  }
}

/** Parses and validates config text; throws ConfigError with one line naming the file, the line and the key. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lines.linePos(error.pos[0]).line;
    const key = text.slice(error.pos[0]).split(/[:\n]/)[0].trim();
    const reason = error.code === 'DUPLICATE_KEY' ? `${key}: the key is given twice` : `not valid YAML (${error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')})`;
    throw new ConfigError(`${file}:${line}: ${reason}`);
  }
  const lineOf = lineFinder(doc.contents, lines);
  const data = doc.toJS() ?? {};
  const parsed = CONFIG_SCHEMA.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => explain(issue, data)).map((p) => ({ ...p, line: lineOf(p.path) ?? 0 }));
    problems.sort((a, b) => a.line - b.line);
    const first = problems[0];
    throw new ConfigError(configProblem(file, lineOf, first.path, first.problem));
  }
  return { file, config: parsed.data as AppConfig, lineOf };
}

/** Reads the config file; undefined when there is none (defaults apply); ConfigError when it cannot be used. */
export function loadConfig(file: string): LoadedConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(`${file}: cannot be read (${code ?? (error as Error).message})`);
  }
  return parseConfig(text, file);
}
