import { findingInsertIndex } from '../sweep/severity.ts';
import type { SweepFinding } from '../sweep/types.ts';
import type { PagedList } from './paged-list.ts';

/**
 * Adds a finding where it belongs (worst first) while the cursor stays on the finding it was on (the list view keeps
 * that row on its line of the screen).
 */
export function insertFinding(list: PagedList<SweepFinding>, finding: SweepFinding): PagedList<SweepFinding> {
  const at = findingInsertIndex(list.items, finding);
  const items = [...list.items.slice(0, at), finding, ...list.items.slice(at)];
  const above = list.items.length > 0 && at <= list.cursor;
  return { ...list, items, cursor: above ? list.cursor + 1 : list.cursor };
}
