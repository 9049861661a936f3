import { useCallback } from 'react';
import { markCount } from '../../keys/mark-count.ts';
import { markId } from '../../store/list-rows.ts';
import { marksOf } from '../../store/mark-actions.ts';
import type { ListRef } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';

/** A list's marks as its view draws them: whether a row is marked (●), and ' · 3 marked · Disable 12 users 5/12…' for its status line. */
export function useMarks(ref: ListRef): { isMarked: (row: unknown) => boolean; status: string } {
  const marks = useAppState((s) => marksOf(s, ref));
  const progress = useAppState((s) => s.writeProgress);
  const kind = ref.kind;
  const isMarked = useCallback((row: unknown) => marks[markId({ kind }, row)] === true, [marks, kind]);
  const count = markCount(marks);
  const status = `${count ? ` · ${count} marked` : ''}${progress ? ` · ${progress.label}: ${progress.done}/${progress.total}…` : ''}`;
  return { isMarked, status };
}
