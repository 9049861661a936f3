import { readFileSync } from 'node:fs';

/** One process as /proc/PID/stat describes it: its parent, process group and session. */
export interface ProcessIds {
  ppid: number;
  pgrp: number;
  session: number;
}

/** Reads a process's ids from /proc; undefined where there is no /proc (macOS) or the process is gone. */
export function readProcessIds(pid: number): ProcessIds | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, ppid, pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), pgrp: Number(pgrp), session: Number(session) };
  } catch {
    return undefined;
  }
}

/**
 * Whether a stop signal would stop this process: the kernel discards SIGTSTP for an orphaned process group, one no
 * shell of the same session is waiting on (the app started as a tmux pane's own command, `exec`ed by a login shell,
 * or under a test's pseudo-terminal). Walks up the parents in the process's own group to the first one outside it:
 * the group has a job-control shell when that one is in the same session. True where /proc cannot tell.
 */
export function canStopForJobControl(pid: number = process.pid, read: (pid: number) => ProcessIds | undefined = readProcessIds): boolean {
  const self = read(pid);
  if (!self) return true;
  let parent = self.ppid;
  for (let hops = 0; hops < 64 && parent > 0; hops++) {
    const ids = read(parent);
    if (!ids) return true;
    if (ids.pgrp !== self.pgrp) return ids.session === self.session;
    parent = ids.ppid;
  }
  return false;
}
