/** The two comparison operators a ListUsers filter supports: exact match and prefix match. */
export type FilterOperator = '=' | '^=';

/** One parsed ListUsers filter. */
export interface UserFilter {
  attribute: string;
  operator: FilterOperator;
  value: string;
}

/**
 * Outcome of parsing a filter. `filter` is null for an empty (or whitespace-only) filter, which means
 * "all users". On failure, `message` is a sentence a person can act on and `column` is the 1-based
 * position in the text where the problem starts.
 */
export type FilterParseResult =
  | { ok: true; filter: UserFilter | null }
  | { ok: false; message: string; column: number };

/** The only attributes Cognito can search on, in the order Cognito documents them. */
export const SEARCHABLE_ATTRIBUTES: readonly string[] = Object.freeze([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

const CASE_SENSITIVE_ATTRIBUTES: ReadonlySet<string> = new Set(['username', 'status', 'sub']);

/** Flat user view used for matching. attributes holds standard attrs by name, incl. sub/email/etc. */
export interface FilterableUser {
  username: string;
  enabled: boolean;
  userStatus: string;
  attributes: Record<string, string>;
}

class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

function isWhitespace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function skipWhitespace(text: string, index: number): number {
  let i = index;
  while (i < text.length && isWhitespace(text[i])) i += 1;
  return i;
}

function isNameChar(ch: string): boolean {
  return !isWhitespace(ch) && ch !== '=' && ch !== '^' && ch !== '"';
}

function exampleFor(attribute: string, operator: FilterOperator, value: string): string {
  return formatUserFilter({ attribute, operator, value });
}

function unknownAttributeMessage(name: string): string {
  const list = SEARCHABLE_ATTRIBUTES.join(', ');
  const sameIgnoringCase = SEARCHABLE_ATTRIBUTES.find((a) => a.toLowerCase() === name.toLowerCase());
  if (sameIgnoringCase !== undefined) {
    return `Unknown attribute "${name}": attribute names are case-sensitive, did you mean "${sameIgnoringCase}"?`;
  }
  if (name.startsWith('custom:') || name.startsWith('dev:')) {
    return `Unknown attribute "${name}": custom attributes are not searchable; searchable attributes are ${list}`;
  }
  return `Unknown attribute "${name}": searchable attributes are ${list}`;
}

/** What an error message quotes of the input: at most `max` characters, so that a message is never a screen of echoed input. */
/** At most `max` characters of what someone typed, to quote in a message (a pasted page is not echoed). */
export function excerpt(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function readAttribute(text: string, start: number): { name: string; end: number } {
  let i = start;
  while (i < text.length && isNameChar(text[i])) i += 1;
  const name = text.slice(start, i);
  if (name === '') {
    const found = text[start];
    const detail = found === '"' ? 'a quoted value' : `"${found}"`;
    throw new FilterSyntaxError(
      `Expected an attribute name but found ${detail}: start with one of ${SEARCHABLE_ATTRIBUTES.join(', ')}, e.g. email ^= "bob"`,
      start,
    );
  }
  if (!SEARCHABLE_ATTRIBUTES.includes(name)) throw new FilterSyntaxError(unknownAttributeMessage(excerpt(name)), start);
  return { name, end: i };
}

function readOperator(text: string, start: number, attribute: string): { operator: FilterOperator; end: number } {
  if (text.startsWith('^=', start)) return { operator: '^=', end: start + 2 };
  if (text[start] === '=') return { operator: '=', end: start + 1 };
  throw new FilterSyntaxError(
    `Expected = or ^= after "${attribute}", e.g. ${exampleFor(attribute, '^=', 'bob')}`,
    start,
  );
}

function readQuotedValue(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next !== '"' && next !== '\\') {
        throw new FilterSyntaxError(
          `Invalid escape "\\${next}": inside a value only \\" (a quote) and \\\\ (a backslash) can be escaped`,
          i,
        );
      }
      value += next;
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  throw new FilterSyntaxError('Unterminated quoted value: add a closing " after the value', start);
}

function readValue(
  text: string,
  start: number,
  attribute: string,
  operator: FilterOperator,
): { value: string; end: number } {
  if (start >= text.length) {
    throw new FilterSyntaxError(
      `Expected a value in double quotes after ${operator}, e.g. ${exampleFor(attribute, operator, 'bob')}`,
      start,
    );
  }
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && !isWhitespace(text[end])) end += 1;
    const bare = excerpt(text.slice(start, end).replace(/^'|'$/g, ''));
    throw new FilterSyntaxError(
      `Value must be in double quotes: ${exampleFor(attribute, operator, bare)}`,
      start,
    );
  }
  return readQuotedValue(text, start);
}

function rejectTrailingText(text: string, start: number): void {
  const rest = text.slice(start).trimEnd();
  if (rest === '') return;
  const secondClause = /^(and|or|&&|\|\||,|;)(\s|$)/i.test(rest) || rest.includes('=');
  const message = secondClause
    ? `Only one condition can be searched at a time: remove "${excerpt(rest)}"`
    : `Unexpected text after the value: "${excerpt(rest)}"`;
  throw new FilterSyntaxError(message, start);
}

function parseOrThrow(text: string): UserFilter {
  const attrStart = skipWhitespace(text, 0);
  const { name: attribute, end: attrEnd } = readAttribute(text, attrStart);
  const opStart = skipWhitespace(text, attrEnd);
  const { operator, end: opEnd } = readOperator(text, opStart, attribute);
  const valueStart = skipWhitespace(text, opEnd);
  const { value, end: valueEnd } = readValue(text, valueStart, attribute, operator);
  rejectTrailingText(text, skipWhitespace(text, valueEnd));
  return { attribute, operator, value };
}

/**
 * Parses a ListUsers filter such as `email ^= "bob"` using Cognito's grammar: one searchable attribute,
 * `=` or `^=` (whitespace around it optional), and a double-quoted value in which `\"` and `\\` are the
 * only escapes. An empty or whitespace-only text is valid and yields `filter: null`.
 */
export function parseUserFilter(text: string): FilterParseResult {
  if (text.trim() === '') return { ok: true, filter: null };
  try {
    return { ok: true, filter: parseOrThrow(text) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, message: error.message, column: error.index + 1 };
    throw error;
  }
}

/** Renders a filter in the canonical form Cognito accepts, e.g. `email ^= "bob"`, escaping `"` and `\`. */
export function formatUserFilter(filter: UserFilter): string {
  const escaped = filter.value.replace(/[\\"]/g, (ch) => `\\${ch}`);
  return `${filter.attribute} ${filter.operator} "${escaped}"`;
}

function attributeValue(attribute: string, user: FilterableUser): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    case 'cognito:user_status':
      return user.userStatus;
    default:
      return user.attributes[attribute];
  }
}

function fold(attribute: string, value: string): string {
  return CASE_SENSITIVE_ATTRIBUTES.has(attribute) ? value : value.toLowerCase();
}

/**
 * Whether a user matches a filter the way Cognito matches it: `username`, `status` and `sub` compare
 * case-sensitively, every other searchable attribute case-insensitively. A user without the attribute
 * never matches.
 */
export function matchesUserFilter(filter: UserFilter, user: FilterableUser): boolean {
  const actual = attributeValue(filter.attribute, user);
  if (actual === undefined) return false;
  const have = fold(filter.attribute, actual);
  const want = fold(filter.attribute, filter.value);
  return filter.operator === '=' ? have === want : have.startsWith(want);
}

/**
 * The value of the filter's attribute for sorting results by it: lower-cased for case-insensitive
 * attributes, '' when the user lacks the attribute.
 */
export function filterSortKey(filter: UserFilter, user: FilterableUser): string {
  const actual = attributeValue(filter.attribute, user);
  return actual === undefined ? '' : fold(filter.attribute, actual);
}
