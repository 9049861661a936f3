import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { journalDay, type Journal, type JournalLine } from './journal.ts';

/** A journal line longer than this is not ours and is skipped when reading. */
const MAX_LINE = 16_384;
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * The journal in `dir`: one JSON Lines file per UTC day (`YYYY-MM-DD.jsonl`, mode 0600) in a directory of mode
 * 0700, each append flushed with fsync before it resolves.
 */
export function createFileJournal(dir: string, now: () => number = Date.now): Journal {
  const fileOf = (day: string) => join(dir, `${day}.jsonl`);
  const prepare = () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  };
  return {
    dir,
    check() {
      try {
        prepare();
        const file = fileOf(journalDay(now()));
        closeSync(openSync(file, 'a', 0o600));
        chmodSync(file, 0o600);
        return undefined;
      } catch (error) {
        return `the journal in ${dir} cannot be written (${reason(error)})`;
      }
    },
    async append(lines) {
      if (lines.length === 0) return;
      prepare();
      const file = fileOf(journalDay(now()));
      const handle = await open(file, 'a', 0o600);
      try {
        await handle.chmod(0o600);
        await handle.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    read(day) {
      let text: string;
      try {
        text = readFileSync(fileOf(day), 'utf8');
      } catch {
        return [];
      }
      return text.split('\n').flatMap(parseLine);
    },
    days() {
      try {
        return readdirSync(dir).flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []).sort();
      } catch {
        return [];
      }
    },
  };
}

function parseLine(text: string): JournalLine[] {
  if (text.trim() === '' || text.length > MAX_LINE) return [];
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return [];
    const line = value as Partial<JournalLine>;
    const ok = typeof line.at === 'string' && typeof line.action === 'string' && typeof line.outcome === 'string' && typeof line.poolId === 'string'
      && typeof line.target === 'object' && line.target !== null && typeof line.target.label === 'string';
    return ok ? [line as JournalLine] : [];
  } catch {
    return [];
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const text = { EACCES: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on the disk', EPERM: 'not permitted', ENOTDIR: 'a path part is not a directory' }[code ?? ''];
  return text ?? (error instanceof Error ? error.message : String(error));
}
