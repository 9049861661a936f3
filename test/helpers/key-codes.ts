/** What a terminal sends for each key name the tests press; any other name is sent as the characters themselves. */
const KEY_CODES: Record<string, string> = {
  enter: '\r', escape: '\u001b', tab: '\t', backspace: '\u007f', space: ' ',
  up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D',
  pageup: '\u001b[5~', pagedown: '\u001b[6~', home: '\u001b[H', end: '\u001b[F', 'ctrl+c': '\u0003',
};

/** The bytes a terminal sends for a key name ('enter', 'down', …) or for literal text. */
export function keyCode(key: string): string {
  return KEY_CODES[key] ?? key;
}
