import { cellWidth } from '../text.ts';
import { RecentCache } from './recent-cache.ts';

const widths = new RecentCache<number>(4096);

function measure(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, cellWidth(line));
  return widest;
}

/**
 * The columns of the widest line of `text`, as the `widest-line` package answers, remembered across frames.
 * The bundled bin puts it in place of `widest-line`, which Ink calls for every text node of every frame.
 */
export default function widestLine(text: string): number {
  return widths.get(text, measure);
}
