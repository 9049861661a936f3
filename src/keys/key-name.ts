/** The subset of ink's Key that naming needs. */
export interface InkKey {
  upArrow?: boolean; downArrow?: boolean; leftArrow?: boolean; rightArrow?: boolean;
  pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean;
  return?: boolean; escape?: boolean; tab?: boolean; backspace?: boolean; delete?: boolean;
  ctrl?: boolean; shift?: boolean; meta?: boolean;
}

/**
 * Names a keypress the way key tables spell it: 'up', 'down', 'pageup', 'enter', 'escape', 'backspace', 'tab',
 * 'shift+tab', 'home', 'end', 'space', 'ctrl+c', or the typed character itself ('j', 'G', '/', '?').
 */
export function keyName(input: string, key: InkKey): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

const CHAR_KEYS: Record<string, string> = {
  '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace', ' ': 'space', '\u0003': 'ctrl+c', '\u001b': 'escape',
};

/** True for a character that can be typed into a line: not a C0 or C1 control character, not DEL. */
export function isPrintable(ch: string): boolean {
  return ch >= ' ' && ch !== '\u007f' && !(ch >= '\u0080' && ch <= '\u009f');
}

/** The name of a Ctrl+letter a terminal sends as a C0 control character (\u0015 is ctrl+u), if it is one. */
function ctrlName(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  return code >= 1 && code <= 26 ? `ctrl+${String.fromCharCode(code + 96)}` : undefined;
}

/**
 * Splits a chunk of plain input that arrived at once (fast typing, a paste, keys sent by tmux) into one key per
 * character, naming Enter, Tab, Backspace, Space and Ctrl+letter; other control characters are dropped.
 */
export function splitKeys(input: string): { name: string; input: string }[] {
  const keys: { name: string; input: string }[] = [];
  for (const ch of input) {
    const named = CHAR_KEYS[ch] ?? ctrlName(ch);
    if (named) keys.push({ name: named, input: ch });
    else if (isPrintable(ch)) keys.push({ name: ch, input: ch });
  }
  return keys;
}
