import type { AuthEvent } from '../gateway/types.ts';

/** A client-side filter over loaded auth events: every field present must match one of its values. */
export interface EventFilter {
  riskLevel?: string[];
  decision?: string[];
  response?: string[];
  type?: string[];
  country?: string[];
  ip?: string[];
  compromised?: boolean;
}

/** The parsed filter, or why the text is not a filter. */
export type EventFilterResult = { ok: true; filter: EventFilter } | { ok: false; message: string };

interface FilterField {
  key: keyof Omit<EventFilter, 'compromised'>;
  names: string[];
  /** Canonical values; typed values match them case-insensitively. Empty: any value, compared case-insensitively. */
  values: string[];
  aliases?: Record<string, string>;
}

const FIELDS: FilterField[] = [
  { key: 'riskLevel', names: ['risk', 'level'], values: ['High', 'Medium', 'Low', 'none'] },
  { key: 'decision', names: ['decision'], values: ['AccountTakeover', 'Block', 'NoRisk', 'none'], aliases: { ato: 'AccountTakeover', takeover: 'AccountTakeover' } },
  { key: 'response', names: ['response', 'result'], values: ['Pass', 'Fail', 'InProgress'] },
  { key: 'type', names: ['type'], values: ['SignIn', 'SignUp', 'ForgotPassword', 'PasswordChange', 'ResendCode'] },
  { key: 'country', names: ['country'], values: [] },
  { key: 'ip', names: ['ip'], values: [] },
];

/** Words the filter line understands, for completion and the help text. */
const EVENT_FILTER_WORDS = [...FIELDS.flatMap((f) => f.names.map((n) => `${n}=`)), 'cc', 'cc=no'];

/** One line that explains the syntax. */
export const EVENT_FILTER_SYNTAX = 'risk=High,Medium decision=ato response=Fail type=SignIn country=BR ip=203.0. cc';

function canonical(field: FilterField, typed: string): string | undefined {
  const lower = typed.toLowerCase();
  const alias = field.aliases?.[lower];
  if (alias) return alias;
  if (field.values.length === 0) return typed;
  return field.values.find((v) => v.toLowerCase() === lower);
}

/** Parses `risk=High,Medium country=BR cc`; an empty text is an empty filter (everything matches). */
export function parseEventFilter(text: string): EventFilterResult {
  const filter: EventFilter = {};
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const [rawName, ...rest] = token.split('=');
    const name = rawName.toLowerCase();
    const rawValue = rest.join('=');
    if (name === 'cc' || name === 'compromised') {
      if (rest.length === 0 || /^(yes|true|1)$/i.test(rawValue)) filter.compromised = true;
      else if (/^(no|false|0)$/i.test(rawValue)) filter.compromised = false;
      else return { ok: false, message: `cc takes yes or no, not "${rawValue}"` };
      continue;
    }
    const field = FIELDS.find((f) => f.names.includes(name));
    if (!field) return { ok: false, message: `unknown field "${rawName}": use ${FIELDS.map((f) => f.names[0]).join(', ')} or cc` };
    if (rest.length === 0 || rawValue === '') return { ok: false, message: `${rawName} needs a value, e.g. ${field.names[0]}=${field.values[0] ?? 'BR'}` };
    const values: string[] = [];
    for (const v of rawValue.split(',').filter(Boolean)) {
      const c = canonical(field, v);
      if (c === undefined) return { ok: false, message: `${rawName} is one of ${field.values.join(', ')}, not "${v}"` };
      values.push(c);
    }
    filter[field.key] = [...(filter[field.key] ?? []), ...values];
  }
  return { ok: true, filter };
}

/** True when the filter holds no condition. */
export function isEmptyEventFilter(filter: EventFilter): boolean {
  return Object.values(filter).every((v) => v === undefined);
}

function oneOf(values: string[] | undefined, actual: string | undefined, mode: 'exact' | 'prefix' = 'exact'): boolean {
  if (!values) return true;
  const a = (actual ?? 'none').toLowerCase();
  return values.some((v) => (mode === 'prefix' ? a.startsWith(v.toLowerCase()) : a === v.toLowerCase()));
}

/** True if the event passes every condition of the filter. */
export function matchesEventFilter(e: AuthEvent, f: EventFilter): boolean {
  return oneOf(f.riskLevel, e.riskLevel)
    && oneOf(f.decision, e.riskDecision)
    && oneOf(f.response, e.response)
    && oneOf(f.type, e.type)
    && oneOf(f.country, e.country)
    && oneOf(f.ip, e.ip, 'prefix')
    && (f.compromised === undefined || (e.compromisedCredentials === true) === f.compromised);
}

/** Completions for the last word of the filter line; countries come from the loaded events. */
export function completeEventFilter(text: string, countries: string[]): string[] {
  const start = text.lastIndexOf(' ') + 1;
  const head = text.slice(0, start);
  const word = text.slice(start);
  const eq = word.indexOf('=');
  if (eq < 0) {
    return EVENT_FILTER_WORDS.filter((w) => w.startsWith(word.toLowerCase())).map((w) => head + w);
  }
  const name = word.slice(0, eq).toLowerCase();
  const typed = word.slice(eq + 1);
  const done = typed.includes(',') ? typed.slice(0, typed.lastIndexOf(',') + 1) : '';
  const last = typed.slice(done.length).toLowerCase();
  const field = FIELDS.find((f) => f.names.includes(name));
  const values = field ? (field.key === 'country' ? countries : field.values) : name === 'cc' ? ['yes', 'no'] : [];
  return values.filter((v) => v.toLowerCase().startsWith(last)).map((v) => `${head}${word.slice(0, eq + 1)}${done}${v}`);
}
