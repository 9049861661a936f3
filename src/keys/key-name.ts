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
