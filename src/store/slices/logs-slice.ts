import { emptyLogsState } from '../log-source-actions.ts';
import type { LogsActions } from '../logs-state.ts';
import { createQueryActions } from '../query-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

/** The pool-wide query path: where each pool's user activity is, the range asked, the Logs Insights queries and their rows. */
export function logsSlice({ deps, kit }: SliceEnv): Slice<'logs', keyof LogsActions> {
  return {
    state: { logs: emptyLogsState() },
    actions: createQueryActions(kit, { logGroup: deps.logGroup, exportDir: deps.exportDir, poll: deps.queryPoll }),
  };
}
