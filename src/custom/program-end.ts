import type { CustomOutput } from '../config/config-types.ts';

/** How a program a custom command ran ended: its exit status, the signal that ended it, or why it did not start. */
export interface ProgramEnd {
  code: number | null;
  signal?: string;
  error?: string;
}

/** Runs argv (argv[0] is the program, looked up in PATH; never a shell) with the terminal or in the background. */
export type RunProgram = (argv: string[], output: CustomOutput) => Promise<ProgramEnd>;

/** How a program ended, in a few words. */
export function describeEnd(end: ProgramEnd): string {
  if (end.error) return `could not run: ${end.error}`;
  if (end.signal) return `ended by ${end.signal}`;
  return `exit status ${end.code ?? '?'}`;
}
