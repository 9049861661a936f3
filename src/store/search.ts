import { formatUserFilter, parseUserFilter, type UserFilter } from '../domain/user-filter.ts';

/** Attributes that plain search text can be matched against by prefix, in the order Tab cycles them. */
export const PLAIN_SEARCH_ATTRIBUTES = [
  'email', 'username', 'name', 'given_name', 'family_name', 'preferred_username', 'phone_number', 'sub',
] as const;

/** The filter to send, or why nothing will be sent. */
export type SearchResult = { ok: true; filter: string; description: string } | { ok: false; message: string };

/** Cognito's ListUsers Filter is at most this many characters. */
export const FILTER_MAX_CHARS = 256;

function tooLong(chars: number, what: string): SearchResult {
  return {
    ok: false,
    message: `too long: ${what}${chars.toLocaleString('en-US')} characters, Cognito's filter takes at most ${FILTER_MAX_CHARS} (ctrl+u clears)`,
  };
}

/** Characters as Cognito counts them (code points). */
function charCount(text: string): number {
  return Array.from(text).length;
}

const EXPRESSION = /^\s*[A-Za-z_:]+\s*\^?=/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns what was typed in the search line into a ListUsers filter. A full filter expression is taken as written
 * (and checked before anything is sent); plain text searches `attribute` by prefix, except that a uuid searches
 * `sub` exactly and a number starting with + searches `phone_number`.
 */
export function buildSearch(text: string, attribute: string = PLAIN_SEARCH_ATTRIBUTES[0]): SearchResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, filter: '', description: 'all users' };
  const typed = charCount(trimmed);
  if (typed > FILTER_MAX_CHARS) return tooLong(typed, '');
  const built = buildFilter(trimmed, attribute);
  if (built.ok && charCount(built.filter) > FILTER_MAX_CHARS) return tooLong(charCount(built.filter), 'as a filter ');
  return built;
}

function buildFilter(trimmed: string, attribute: string): SearchResult {
  if (EXPRESSION.test(trimmed)) {
    const parsed = parseUserFilter(trimmed);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    if (!parsed.filter) return { ok: true, filter: '', description: 'all users' };
    return { ok: true, filter: formatUserFilter(parsed.filter), description: formatUserFilter(parsed.filter) };
  }
  const formatted = formatUserFilter(plainFilter(trimmed, attribute));
  return { ok: true, filter: formatted, description: formatted };
}

/** Plain text as a filter: a uuid is a `sub`, a number starting with + a `phone_number`, anything else `attribute`. */
function plainFilter(trimmed: string, attribute: string): UserFilter {
  if (UUID.test(trimmed)) return { attribute: 'sub', operator: '=', value: trimmed };
  if (/^\+\d+$/.test(trimmed)) return { attribute: 'phone_number', operator: '^=', value: trimmed };
  return { attribute, operator: '^=', value: trimmed };
}

/**
 * What the search line will really search for the text typed so far, for its hint: the attribute plain text goes to
 * (which a uuid or a +number overrides), or that a filter expression is sent as written.
 */
export function searchTarget(text: string, attribute: string = PLAIN_SEARCH_ATTRIBUTES[0]): string {
  const trimmed = text.trim();
  if (EXPRESSION.test(trimmed)) return 'a filter, sent as written';
  const filter = plainFilter(trimmed, attribute);
  const how = filter.operator === '=' ? 'is' : 'starts with';
  if (filter.attribute === attribute) return `text: ${attribute} ${how} (tab: other attribute)`;
  return `text: ${filter.attribute} ${how} (${filter.attribute === 'sub' ? 'a uuid' : 'a +number'}, whatever tab chose)`;
}

/** The next attribute in the Tab cycle. */
export function nextSearchAttribute(current: string = PLAIN_SEARCH_ATTRIBUTES[0]): string {
  const i = PLAIN_SEARCH_ATTRIBUTES.indexOf(current as (typeof PLAIN_SEARCH_ATTRIBUTES)[number]);
  return PLAIN_SEARCH_ATTRIBUTES[(i + 1) % PLAIN_SEARCH_ATTRIBUTES.length];
}

/**
 * The ListUsers filters that find one user by what someone typed — a username, an email, a phone number or a sub —
 * likeliest first (an email filter for text with `@`, a sub filter for a uuid, a phone filter for a +number), then
 * the username. They are independent and can go out together; a username match still wins (see `lookupPrecedence`).
 */
export function lookupFilters(query: string): string[] {
  const q = query.trim();
  const filters: string[] = [];
  if (q.includes('@')) filters.push(formatUserFilter({ attribute: 'email', operator: '=', value: q }));
  if (/^\+\d+$/.test(q)) filters.push(formatUserFilter({ attribute: 'phone_number', operator: '=', value: q }));
  if (UUID.test(q)) filters.push(formatUserFilter({ attribute: 'sub', operator: '=', value: q.toLowerCase() }));
  filters.push(formatUserFilter({ attribute: 'username', operator: '=', value: q }));
  return filters;
}

/** The order in which the answers to `lookupFilters` are taken: the username match first, then the others as sent. */
export function lookupPrecedence(filters: readonly string[]): number[] {
  const username = filters.findIndex((f) => f.startsWith('username '));
  return [username, ...filters.map((_, i) => i).filter((i) => i !== username)];
}
