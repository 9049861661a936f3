import { z } from 'zod';
import { isPoolId, isRegion } from '../command/regions.ts';
import { isColor, THEME_ROLES, THEMES } from '../ui/theme.ts';
import { PLAIN_SEARCH_ATTRIBUTES } from '../store/search.ts';
import { USER_COLUMN_NAMES } from './user-column-names.ts';

const NAMED_KEYS = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'space']);

/** True for a key name as the key tables spell it: one printable character, ctrl+letter, or a named key (enter, up…). */
export function isKeyName(name: string): boolean {
  return NAMED_KEYS.has(name) || /^ctrl\+[a-z]$/.test(name) || ([...name].length === 1 && name > ' ' && name !== '\u007f');
}

const keyName = z.string().refine(isKeyName, { message: 'is not a key name: use one character (D, /), ctrl+LETTER, or one of enter, escape, tab, space, up, down, left, right, pageup, pagedown, home, end' });
const keyList = z.union([keyName, z.array(keyName).min(1)]).transform((k) => (Array.isArray(k) ? k : [k]));
const commandName = z.string().regex(/^[a-z][\w-]{0,31}$/, { message: 'must be a word of letters, digits, - or _ (e.g. whois)' });
const region = z.string().refine(isRegion, { message: 'is not an AWS region name (e.g. eu-west-1)' });
const poolId = z.string().refine(isPoolId, { message: 'is not a user pool id (e.g. eu-west-1_AbCdEf123)' });
const nonEmpty = z.string().min(1, { message: 'must not be empty' });

/** Splits a command line into arguments at spaces; '…' and "…" keep spaces inside one argument. */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) args.push(m[1] ?? m[2] ?? m[3]);
  return args;
}

const customCommand = z.strictObject({
  name: nonEmpty,
  key: keyName.optional(),
  command: commandName.optional(),
  views: z.array(nonEmpty).default([]),
  run: z.union([nonEmpty.transform(splitCommandLine), z.array(z.string()).min(1)]),
  confirm: z.boolean().default(false),
  output: z.enum(['suspend', 'background']).default('suspend'),
}).refine((c) => c.key !== undefined || c.command !== undefined, { message: 'needs a key, a command (its : name), or both' });

const themeColors = z.partialRecord(z.enum(THEME_ROLES), z.string().refine(isColor, { message: 'is not a colour: use a name (red, cyanBright…) or #rrggbb' }));
const themeName = z.string().refine((n) => n in THEMES, { message: `is not a theme: use ${Object.keys(THEMES).join(', ')}` });

/** The config file's schema: exactly these top-level keys, each optional. */
export const CONFIG_SCHEMA = z.strictObject({
  profile: nonEmpty.optional(),
  region: region.optional(),
  pool: poolId.optional(),
  time: z.enum(['utc', 'local']).optional(),
  theme: z.union([themeName, z.strictObject({ base: themeName.optional(), colors: themeColors.optional() })]).optional(),
  keys: z.record(nonEmpty, z.record(nonEmpty, keyList)).optional(),
  aliases: z.record(commandName, nonEmpty).optional(),
  commands: z.array(customCommand).optional(),
  journalDir: nonEmpty.optional(),
  pools: z.record(poolId, z.strictObject({
    logGroup: nonEmpty.optional(),
    columns: z.array(z.enum(USER_COLUMN_NAMES)).min(1).optional(),
    searchAttribute: z.enum(PLAIN_SEARCH_ATTRIBUTES).optional(),
  })).optional(),
  profiles: z.record(nonEmpty, z.strictObject({ readOnly: z.boolean().optional(), region: region.optional() })).optional(),
});
