import { HISTORY_CAP, type HistoryEntries, type HistoryFiles, type HistoryKind } from '../history/history-file.ts';

/** The lines each input line has run, per pool: read from its file when first needed, saved after each new line. */
export interface PromptHistory {
  /** The lines of `kind` run in `scope` (a pool id), oldest first. */
  lines(scope: string, kind: HistoryKind): readonly string[];
  /** Records a line run (again: it moves to the newest), keeping the newest HISTORY_CAP. */
  add(scope: string, kind: HistoryKind, text: string): void;
}

/**
 * A history kept in memory and, when `files` is given, in the state directory; `failed` hears once why it could
 * not be saved (the session keeps its history in memory).
 */
export function createPromptHistory(files: HistoryFiles | undefined, failed: (message: string) => void): PromptHistory {
  const scopes = new Map<string, HistoryEntries>();
  let saving = files !== undefined;
  function entries(scope: string): HistoryEntries {
    let found = scopes.get(scope);
    if (!found) {
      found = files?.read(scope) ?? {};
      scopes.set(scope, found);
    }
    return found;
  }
  return {
    lines: (scope, kind) => entries(scope)[kind] ?? [],
    add(scope, kind, text) {
      if (text.trim() === '') return;
      const all = entries(scope);
      all[kind] = [...(all[kind] ?? []).filter((line) => line !== text), text].slice(-HISTORY_CAP);
      if (!saving || !files) return;
      try {
        files.write(scope, all);
      } catch (error) {
        saving = false;
        failed(`Search history not saved in ${files.dir}: ${error instanceof Error ? error.message : String(error)}. It is kept for this session; --no-history turns it off.`);
      }
    },
  };
}
