import { spawn } from 'node:child_process';
import { describeEnd, type ProgramEnd, type RunProgram } from '../custom/program-end.ts';
import { ENTER_FULL_SCREEN, enterRawMode, restoreTerminal } from './terminal-modes.ts';

/** What running a program in the terminal needs from the app on it: hand the terminal over, and take it back. */
export interface TerminalHold {
  /** Stops the app drawing and reading keys; resolves once its last frame is off the screen. */
  release(): Promise<void>;
  /** Lets the app read keys and draw its whole frame again. */
  retake(): void;
}

/** Why a program could not be found: a bare name is looked up in PATH, a path is read as it is (a relative one from the directory the app started in). */
function notFound(program: string): string {
  if (!program.includes('/')) return `${program}: no such program in PATH`;
  return `${program}: no such file${program.startsWith('/') ? '' : ` (a relative path is read from ${process.cwd()}, where cognito-tui started)`}`;
}

/** Starts argv[0] with the other entries as its arguments, each passed as is: no shell reads any of them. */
function start(argv: string[], stdio: 'inherit' | 'ignore'): Promise<ProgramEnd> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio, shell: false });
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error: error.code === 'ENOENT' ? notFound(argv[0]) : error.message }));
    child.once('close', (code, signal) => resolve({ code, ...(signal ? { signal } : {}) }));
  });
}

/**
 * Runs `during` with Ctrl-C left to the program on the terminal: the terminal sends SIGINT to its whole process group,
 * and it must end the program, not the app waiting for it.
 */
async function leavingInterruptsTo<T>(during: () => Promise<T>): Promise<T> {
  const saved = process.listeners('SIGINT');
  const ignore = () => {};
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', ignore);
  try {
    return await during();
  } finally {
    process.off('SIGINT', ignore);
    for (const listener of saved) process.on('SIGINT', listener);
  }
}

/** Waits for Enter on the terminal, in line mode (the app let go of stdin, so it is held open here meanwhile). */
function waitForEnter(stdin: NodeJS.ReadStream): Promise<void> {
  return new Promise((resolve) => {
    const onData = () => {
      stdin.off('data', onData);
      stdin.pause();
      stdin.unref();
      resolve();
    };
    stdin.on('data', onData);
    stdin.ref();
    stdin.resume();
  });
}

/**
 * Runs custom commands' programs for the TUI: in the background (no terminal; the exit status is flashed), or
 * with the terminal (the app steps aside to the main screen as for less, the program's output stays until Enter).
 */
export function createProgramRunner(hold: () => TerminalHold | undefined): RunProgram {
  return async (argv, output) => {
    if (output === 'background') return start(argv, 'ignore');
    const terminal = hold();
    if (!terminal) return start(argv, 'ignore');
    await terminal.release();
    restoreTerminal();
    try {
      const end = await leavingInterruptsTo(() => start(argv, 'inherit'));
      process.stdout.write(`\n[${argv[0]}: ${describeEnd(end)}] Press Enter to go back to cognito-tui.`);
      await waitForEnter(process.stdin);
      return end;
    } finally {
      enterRawMode();
      process.stdout.write(ENTER_FULL_SCREEN);
      terminal.retake();
    }
  };
}
