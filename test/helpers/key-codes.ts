/** What a terminal sends for each key name the tests press; any other name is sent as the characters themselves. */
const KEY_CODES: Record<string, string> = {
  enter: '\r', escape: '\u001b', tab: '\t', 'shift+tab': '\u001b[Z', backspace: '\u007f', space: ' ',
  up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D',
  pageup: '\u001b[5~', pagedown: '\u001b[6~', home: '\u001b[H', end: '\u001b[F',
};

const CTRL = /^ctrl\+([a-z])$/;

/** The bytes a terminal sends for a key name ('enter', 'down', 'ctrl+u', …) or for literal text. */
export function keyCode(key: string): string {
  const ctrl = CTRL.exec(key);
  if (ctrl) return String.fromCharCode(ctrl[1].charCodeAt(0) - 96);
  return KEY_CODES[key] ?? key;
}
