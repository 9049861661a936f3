import assert from 'node:assert/strict';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { cellWidth } from '../../src/ui/text.ts';

/** What the walk needs from a running app: keys in, the screen out. */
export interface ScreenDriver {
  press(...keys: string[]): Promise<void> | void;
  type(text: string): Promise<void> | void;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

/** One screen of the walk as it was seen. */
export interface SeenScreen {
  view: string;
  screen: string;
}

const FOOTER_END = /\? help {2}q quit/;

/** Checks every screen must pass at any size: nothing wider or taller than the terminal, the footer ends with ? help and q quit. */
export function assertFits(view: string, screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, '').split('\n');
  assert.ok(lines.length <= rows, `${view}: ${lines.length} lines on a ${rows}-row terminal`);
  lines.forEach((line, i) => assert.ok(cellWidth(line) <= columns, `${view}: line ${i + 1} is ${cellWidth(line)} cells wide:\n${line}`));
  const footer = lines.filter((l) => l.trim() !== '').at(-1) ?? '';
  assert.match(footer, FOOTER_END, `${view}: the footer ends with ? help and q quit:\n${footer}`);
}

function column(screen: string, header: string): void {
  assert.match(screen, new RegExp(`\\b${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), `the ${header} column is shown`);
}

/**
 * Walks the main views of the demo data (pools, users, user, events, event, risk, sweep, log) and checks each at
 * the terminal's size: it fits, its footer ends with the help and quit keys, and what the view is for is on it.
 */
export async function walkMainViews(d: ScreenDriver, columns: number, rows: number): Promise<SeenScreen[]> {
  const seen: SeenScreen[] = [];
  /** The screen once `pattern` and, below it, the footer's end are both on it: a frame written in pieces is not checked half drawn. */
  const whole = (pattern: RegExp) => d.waitForText(new RegExp(`${pattern.source}[\\s\\S]*${FOOTER_END.source}`));
  const check = (view: string, screen: string) => {
    assertFits(view, screen, columns, rows);
    seen.push({ view, screen });
  };

  let screen = await whole(/1\/5 pools/);
  assert.ok(screen.includes(LARGE_POOL_ID), 'pool ids are shown whole');
  column(screen, 'POOL ID');
  check('pools', screen);

  await d.press('enter');
  screen = await whole(/\d+\/\d+\+? users/);
  column(screen, 'USERNAME');
  column(screen, 'STATUS');
  if (/FORCE_CHANG/.test(screen)) assert.match(screen, /FORCE_CHANGE_PASSWORD/, 'a status is shown whole');
  check('users', screen);

  await d.press('/');
  await d.type(TAKEOVER_USERNAME);
  await d.press('enter');
  await d.waitForText(/1\/1 users/);
  await d.press('enter');
  screen = await whole(/remembered devices[\s\S]*devices · all loaded/);
  assert.match(screen, /groups/);
  assert.match(screen, /enterprise-customers/, 'the user\'s groups are listed');
  assert.match(screen, /created +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/, 'times carry seconds and Z');
  check('user', screen);

  await d.press('enter');
  screen = await whole(/\d+\/\d+\+? events/);
  for (const header of ['TIME', 'TYPE', 'RESULT', 'RISK', 'IP']) column(screen, header);
  assert.match(screen, /\d\d-\d\d \d\d:\d\d:\d\dZ/, 'event times carry seconds and Z');
  assert.match(screen, /\d+\.\d+\.\d+\.\d+/, 'IP addresses are shown');
  check('events', screen);

  await d.press('enter');
  screen = await whole(/risk level/);
  assert.match(screen, /time +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/);
  check('event', screen);

  await d.press('escape');
  await d.waitForText(/\d+\/\d+\+? events/);
  await d.press('escape');
  await d.waitForText(/remembered devices/);
  await d.press('escape');
  await d.waitForText(/1\/1 users/);
  await d.press('c');
  screen = await whole(/takeover: High risk[\s\S]*app clients/);
  assert.match(screen, /POOL DEFAULT/);
  check('risk', screen);

  await d.press('escape');
  await d.waitForText(/1\/1 users/);
  await d.press('s');
  await d.waitForText(/Sweep the users matching/);
  await d.press('y');
  screen = await whole(/users with risky events/);
  column(screen, 'WORST');
  check('sweep', screen);

  await d.press('escape');
  await d.press('escape');
  await d.waitForText(/\d+\/\d+\+? users/);
  await d.press(':');
  await d.type('log');
  await d.press('enter');
  screen = await whole(/API log[\s\S]*recent calls/);
  column(screen, 'OPERATION');
  assert.match(screen, /\d\d:\d\d:\d\dZ/, 'call times carry seconds and Z');
  check('log', screen);
  return seen;
}
