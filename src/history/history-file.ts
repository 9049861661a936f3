import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The input lines that keep a history: `/` search, `f` filter, `:` command. */
export type HistoryKind = 'search' | 'filter' | 'command';

/** One pool's history: each kind's lines, oldest first. */
export type HistoryEntries = Partial<Record<HistoryKind, string[]>>;

/** Lines kept per kind and pool; older ones are dropped. */
export const HISTORY_CAP = 100;

const KINDS: readonly HistoryKind[] = ['search', 'filter', 'command'];

/** Where the history of each pool is read from and saved to. */
export interface HistoryFiles {
  /** The directory, for messages. */
  dir: string;
  /** A pool's history; empty when it has none yet (or its file is not a history). */
  read(scope: string): HistoryEntries;
  /** Replaces a pool's history (mode 0600: it holds emails and phone numbers); throws when it cannot. */
  write(scope: string, entries: HistoryEntries): void;
}

function fileName(scope: string): string {
  return `${scope.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

function lines(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '').slice(-HISTORY_CAP) : [];
}

/** The history files in `dir` (made with mode 0700 when first written): one JSON file per pool. */
export function createHistoryFiles(dir: string): HistoryFiles {
  return {
    dir,
    read(scope) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(join(dir, fileName(scope)), 'utf8'));
      } catch {
        return {};
      }
      const found = (parsed ?? {}) as Record<string, unknown>;
      return Object.fromEntries(KINDS.map((k) => [k, lines(found[k])]).filter(([, v]) => v.length > 0));
    },
    write(scope, entries) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, fileName(scope));
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(entries, null, 1)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
  };
}
