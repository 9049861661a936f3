import { spawnSync } from 'node:child_process';

/** What a tmux command answered: its exit, its output, and the error text when it failed or could not run. */
export interface TmuxResult {
  ok: boolean;
  output: string;
  error?: string;
}

/** Runs a tmux command (the tmux server of $TMUX), with `input` on its stdin; at most two seconds. */
export type TmuxRunner = (args: string[], input?: string) => TmuxResult;

/** The tmux on PATH, run synchronously: each call is a short local request to the server the app runs under. */
export const runTmux: TmuxRunner = (args, input) => {
  const r = spawnSync('tmux', args, { input: input ?? '', encoding: 'utf8', timeout: 2000 });
  if (r.error) return { ok: false, output: '', error: r.error.message };
  const error = r.stderr.trim().split('\n')[0] || `exit status ${r.status}`;
  return r.status === 0 ? { ok: true, output: r.stdout } : { ok: false, output: r.stdout, error };
};
