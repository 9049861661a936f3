import * as z from 'zod/mini';
import { isPoolId, isRegion } from '../command/regions.ts';
import { isColor, THEME_ROLES, THEMES } from '../ui/theme.ts';
import { PLAIN_SEARCH_ATTRIBUTES } from '../store/search.ts';
import { USER_COLUMN_NAMES } from './user-column-names.ts';

const NAMED_KEYS = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'space']);

/** True for a key name as the key tables spell it: one printable character, ctrl+letter, or a named key (enter, up…). */
export function isKeyName(name: string): boolean {
  return NAMED_KEYS.has(name) || /^ctrl\+[a-z]$/.test(name) || ([...name].length === 1 && name > ' ' && name !== '\u007f');
}

const keyName = z.string().check(z.refine(isKeyName, { message: 'is not a key name: use one character (D, /), ctrl+LETTER, or one of enter, escape, tab, space, up, down, left, right, pageup, pagedown, home, end' }));
const keyList = z.pipe(z.union([keyName, z.array(keyName).check(z.minLength(1))]), z.transform((k: string | string[]) => (Array.isArray(k) ? k : [k])));
const commandName = z.string().check(z.regex(/^[a-z][\w-]{0,31}$/, { message: 'must be a word of letters, digits, - or _ (e.g. whois)' }));
const region = z.string().check(z.refine(isRegion, { message: 'is not an AWS region name (e.g. eu-west-1)' }));
const poolId = z.string().check(z.refine(isPoolId, { message: 'is not a user pool id (e.g. eu-west-1_AbCdEf123)' }));
const nonEmpty = z.string().check(z.minLength(1, { message: 'must not be empty' }));

/** Splits a command line into arguments at spaces; '…' and "…" keep spaces inside one argument. */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) args.push(m[1] ?? m[2] ?? m[3]);
  return args;
}

const customCommand = z.strictObject({
  name: nonEmpty,
  key: z.optional(keyName),
  command: z.optional(commandName),
  views: z._default(z.array(nonEmpty), []),
  run: z.union([z.pipe(nonEmpty, z.transform(splitCommandLine)), z.array(z.string()).check(z.minLength(1))]),
  confirm: z._default(z.boolean(), false),
  output: z._default(z.enum(['suspend', 'background']), 'suspend'),
}).check(z.refine((c) => c.key !== undefined || c.command !== undefined, { message: 'needs a key, a command (its : name), or both' }));

const themeColors = z.partialRecord(z.enum(THEME_ROLES), z.string().check(z.refine(isColor, { message: 'is not a colour: use a name (red, cyanBright…) or #rrggbb' })));
const themeName = z.string().check(z.refine((n) => n in THEMES, { message: `is not a theme: use ${Object.keys(THEMES).join(', ')}` }));

/** The config file's schema: exactly these top-level keys, each optional (zod/mini: a fraction of the size to load). */
export const CONFIG_SCHEMA = z.strictObject({
  profile: z.optional(nonEmpty),
  region: z.optional(region),
  pool: z.optional(poolId),
  time: z.optional(z.enum(['utc', 'local'])),
  theme: z.optional(z.union([themeName, z.strictObject({ base: z.optional(themeName), colors: z.optional(themeColors) })])),
  keys: z.optional(z.record(nonEmpty, z.record(nonEmpty, keyList))),
  aliases: z.optional(z.record(commandName, nonEmpty)),
  commands: z.optional(z.array(customCommand)),
  journalDir: z.optional(nonEmpty),
  pools: z.optional(z.record(poolId, z.strictObject({
    logGroup: z.optional(nonEmpty),
    columns: z.optional(z.array(z.enum(USER_COLUMN_NAMES)).check(z.minLength(1))),
    searchAttribute: z.optional(z.enum(PLAIN_SEARCH_ATTRIBUTES)),
  }))),
  profiles: z.optional(z.record(nonEmpty, z.strictObject({ readOnly: z.optional(z.boolean()), region: z.optional(region) }))),
});
