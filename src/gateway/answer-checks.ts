import { MalformedAnswerError } from './errors.ts';

/** The largest answer body read; a bigger one is refused rather than held in memory. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** What a JSON value is, for a message: 'null', 'a list', 'an object', 'a number'… */
export const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Members whose keys are the customer's own (tags), so a key ending in "Date" there says nothing about its type. */
const FREE_FORM_MAPS: ReadonlySet<string> = new Set(['UserPoolTags']);

/** The first null, non-number `…Date` or too deep nesting inside `value` (a member named `key`), said in words. */
export function findProblem(value: unknown, key: string, depth: number): string | undefined {
  if (depth > 32) return 'the answer is nested too deeply';
  if (value === null) return `${key} is null`;
  if (key.endsWith('Date') && typeof value !== 'number') return `${key} is not a date (got ${kindOf(value)})`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = findProblem(item, key, depth + 1);
      if (problem) return problem;
    }
  } else if (typeof value === 'object' && !FREE_FORM_MAPS.has(key)) {
    for (const [k, v] of Object.entries(value)) {
      const problem = findProblem(v, k, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * A successful answer's raw body as a JSON object, or undefined when it is empty: JSON (not an HTML page, not cut
 * off) and an object, else a MalformedAnswerError naming the problem.
 */
export function parseAnswerText(body: Uint8Array, contentType: string | undefined): Record<string, unknown> | undefined {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8').trim();
  if (text === '') return undefined;
  if (/html/i.test(contentType ?? '') || text.startsWith('<')) {
    throw new MalformedAnswerError('the answer is an HTML page, not Cognito\'s JSON (a proxy or a sign-in page in the way?)', true);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const cut = error instanceof SyntaxError && /unterminated|unexpected end|end of (json|data)/i.test(error.message);
    throw new MalformedAnswerError(cut ? 'the answer was cut off (incomplete JSON)' : 'the answer is not valid JSON', true);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MalformedAnswerError(`the answer is ${kindOf(parsed)}, not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Checks a successful answer's raw body before the SDK reads it: JSON (not an HTML page, not cut off), a JSON
 * object, no `null` anywhere, every `…Date` an epoch-seconds number. Throws MalformedAnswerError naming the problem.
 */
export function checkRawAnswer(body: Uint8Array, contentType: string | undefined): void {
  const parsed = parseAnswerText(body, contentType);
  const problem = parsed === undefined ? undefined : findProblem(parsed, '', 0);
  if (problem) throw new MalformedAnswerError(problem);
}

/**
 * Checks a 4xx answer's raw body: Cognito explains every client error in JSON, so an HTML page or other text means
 * something else answered (a proxy, a firewall). Throws MalformedAnswerError saying so; a JSON body passes.
 */
export function checkErrorAnswer(body: Uint8Array, contentType: string | undefined, status: number): void {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8').trim();
  if (text === '') return;
  try {
    JSON.parse(text);
    return;
  } catch {
    const what = /html/i.test(contentType ?? '') || text.startsWith('<') ? 'an HTML page' : 'text that is not JSON';
    throw new MalformedAnswerError(`HTTP ${status} with ${what}, not Cognito's answer (a proxy or firewall in the way?)`);
  }
}

/** A header of an answer by its lower-case name, whatever case the answer gave it. */
export function header(headers: Readonly<Record<string, string | undefined>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The whole body of an answer as bytes, at most MAX_ANSWER_BYTES; bodies already in memory are returned as they are. */
export async function readWholeBody(body: unknown): Promise<unknown> {
  if (body === undefined || body === null || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_ANSWER_BYTES) {
      (body as { destroy?: () => void }).destroy?.();
      throw new MalformedAnswerError(`the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(bytes);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

function fail(field: string, what: string, value: unknown): never {
  throw new MalformedAnswerError(`${field} is not ${what} (got ${kindOf(value)})`);
}

/** A text field of the SDK's output: a string or absent. */
export function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : fail(field, 'text', value);
}

/** A number field of the SDK's output. */
export function num(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(field, 'a number', value);
}

/** A true/false field of the SDK's output. */
export function bool(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : fail(field, 'true or false', value);
}

/** A date field of the SDK's output, as epoch milliseconds. */
export function date(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : fail(field, 'a date', value);
}

/** A list field of the SDK's output (absent = empty). */
export function list<T>(value: T[] | undefined | null, field: string): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : fail(field, 'a list', value);
}

/** An object field of the SDK's output. */
export function obj<T extends object>(value: T | undefined | null, field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' && !Array.isArray(value) ? value : fail(field, 'an object', value);
}
