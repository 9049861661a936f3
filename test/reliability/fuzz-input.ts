import { GLOBAL_KEYS, LIST_KEYS } from '../../src/keys/global-keys.ts';
import { VIEWS } from '../../src/views/registry.ts';
import { keyCode } from '../helpers/key-codes.ts';
import type { SeededRandom } from '../helpers/seeded-random.ts';

/** Every key name any key table binds, read from the tables, so keys added later are fuzzed too. */
export function tableKeyNames(): string[] {
  const names = new Set<string>();
  for (const table of [...VIEWS.map((v) => ({ bindings: v.keys })), GLOBAL_KEYS]) for (const b of table.bindings) for (const k of b.keys) names.add(k);
  for (const b of LIST_KEYS) for (const k of b.keys) names.add(k);
  return [...names].sort();
}

/** Keys every modal state takes (confirmations, prompts) that the tables do not list. */
export const MODAL_KEYS = ['y', 'Y', 'n', 'N', 'enter', 'escape', 'tab', 'backspace', 'space', 'ctrl+u'];

const JUNK_PIECES = [
  'x', 'Z', '0', '9', '!', '"', '=', '^=', '~', '\\', '{', 'é', 'ß', '東', '👩‍💻', '\u202e', '\u200b',
  '\u001b', '\u001b[', '\u001b]0;t\u0007', '\u009b', '\u009d', '\u0007', '\u0000', '\t', '\r', '\n', '\u007f',
  'username ^= "', 'hostile', 'maria', 'us-east-1_', ':pool ', ':user ', ':risk', ':log', ':sweep', ':region eu-west-1',
  'risk=High', 'country=', 'cc', ' ',
];

/** A chunk of junk, as a paste or a burst of typing would deliver it. */
export function junk(rng: SeededRandom): string {
  let out = '';
  const n = rng.int(1, 6);
  for (let i = 0; i < n; i++) out += rng.pick(JUNK_PIECES);
  return out;
}

/**
 * Keystroke sequences a person would type to get somewhere with writes (a user's events) and to act there; they go
 * through the same dispatcher, one key at a time, and make the fuzz reach the write paths often.
 */
export const MACROS = [
  ':pool us-east-1_Qm7Rk2Tz9\r', ':user maria.garcia\r', ':user hostile-osc52\r', ':user hostile-long\r',
  'vy', 'iy', ' iy', '  vy', 'dy', 'Sy', 'jjiy', '*iy',
];

/** The bytes a terminal sends for a key name as the key tables spell it, or undefined for a name it cannot send. */
export function keyBytes(name: string): string | undefined {
  const bytes = keyCode(name);
  return bytes !== name || [...name].length === 1 ? bytes : undefined;
}
