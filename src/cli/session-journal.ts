import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileJournal } from '../journal/file-journal.ts';
import { NO_JOURNAL, type Journal } from '../journal/journal.ts';
import type { CliOptions } from './args.ts';
import { stateDirectory } from './unknown-writes.ts';

/** The journal a session records its writes in: none with `--no-journal`, `--journal DIR`, else the state directory's `journal/`. */
export function sessionJournal(
  opts: Pick<CliOptions, 'journalDir' | 'noJournal'>, env: Record<string, string | undefined> = process.env, home: string = homedir(),
): Journal {
  if (opts.noJournal) return NO_JOURNAL;
  return createFileJournal(resolve(opts.journalDir ?? join(stateDirectory(env, home), 'journal')));
}
