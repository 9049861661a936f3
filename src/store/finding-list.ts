import { findingInsertIndex } from '../sweep/severity.ts';
import type { SweepFinding } from '../sweep/types.ts';
import { windowOffset, type PagedList } from './paged-list.ts';

/**
 * Adds a finding where it belongs (worst first) while the cursor stays on the finding it was on, on the same line
 * of the screen: a finding that lands above it pushes the window down with it instead of pushing it down the screen.
 */
export function insertFinding(list: PagedList<SweepFinding>, finding: SweepFinding, height: number): PagedList<SweepFinding> {
  const at = findingInsertIndex(list.items, finding);
  const items = [...list.items.slice(0, at), finding, ...list.items.slice(at)];
  const above = list.items.length > 0 && at <= list.cursor;
  const cursor = above ? list.cursor + 1 : list.cursor;
  const offset = windowOffset(cursor, above ? list.offset + 1 : list.offset, height, items.length);
  return { ...list, items, cursor, offset };
}
