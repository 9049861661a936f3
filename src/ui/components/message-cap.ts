import { cellWidth, safeText, truncate } from '../text.ts';

/**
 * A message made safe and cut to `width` cells (one line); when cut, its last short sentence (what to do next) is
 * kept and the middle gives way. Only the first few screens' worth of characters are
 * looked at, so that a message quoting 100 KB costs no more than a short one; the whole text stays where it came
 * from (the store, the API call log).
 */
export function capMessage(text: string, width: number): string {
  if (width <= 0) return '';
  const head = text.length > width * 4 ? text.slice(0, width * 4) : text;
  const safe = safeText(head);
  if (cellWidth(safe) <= width) return safe;
  const last = head === text ? lastSentence(safe) : '';
  if (last === '' || cellWidth(last) > width * 0.45) return truncate(safe, width);
  return `${truncate(safe.slice(0, safe.length - last.length).trimEnd(), width - cellWidth(last) - 1)} ${last}`;
}

/** The message's last sentence (what to do next, e.g. "R to retry (asks first)."), or '' when it has one only. */
function lastSentence(text: string): string {
  const trimmed = text.trimEnd();
  const body = trimmed.replace(/[.!?]$/, '');
  const at = Math.max(body.lastIndexOf('. '), body.lastIndexOf('; '), body.lastIndexOf('! '), body.lastIndexOf('? '));
  return at < 0 ? '' : trimmed.slice(at + 1).trim();
}

/** The end of a line being typed, made safe and at most `width` cells wide (… first when cut), with its width. */
export function tailOf(text: string, width: number): { text: string; width: number } {
  const tail = text.length > width * 4 ? text.slice(-width * 4) : text;
  const safe = safeText(tail);
  if (tail === text && cellWidth(safe) <= width) return { text: safe, width: cellWidth(safe) };
  const chars = [...safe];
  let out = '';
  let used = 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = cellWidth(chars[i]);
    if (used + w > width) break;
    out = chars[i] + out;
    used += w;
  }
  return { text: `…${out}`, width: used };
}
