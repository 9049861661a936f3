import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreTerminal } from './terminal-modes.ts';
import { safeText } from '../ui/text.ts';

/**
 * Reports a failure nobody expected in one line (its stack goes to a file, never to the screen), after giving
 * the terminal back.
 */
export function reportCrash(error: unknown): void {
  restoreTerminal();
  const message = error instanceof Error ? error.message : String(error);
  const log = join(tmpdir(), `cognito-tui-crash-${process.pid}.log`);
  let details = '';
  try {
    writeFileSync(log, `${new Date().toISOString()}\n${error instanceof Error ? error.stack ?? message : message}\n`);
    details = ` Details are in ${log}.`;
  } catch {
    details = '';
  }
  process.stderr.write(`cognito-tui: internal error: ${safeText(message)}.${details} Please report it with what you did just before.\n`);
}

/** Exits once what was written to the terminal has gone out (a TTY write can still be queued), or after a second. */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    try {
      stream.write('', done);
    } catch {
      done();
    }
  }
  setTimeout(() => process.exit(code), 1000).unref();
}

