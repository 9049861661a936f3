import { createOutputActions } from '../output-actions.ts';
import { createSweepActions } from '../sweep-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

type SweepActions = 'askSweep' | 'cancelSweep' | 'openFinding' | 'exportFindings' | 'copySelected' | 'exportEvents';

/** Sweeps of pools for risky events and their findings, and getting data out: copy a row, export events. */
export function sweepSlice({ deps, kit }: SliceEnv): Slice<'sweeps', SweepActions> {
  return {
    state: { sweeps: {} },
    actions: { ...createSweepActions(kit, deps.sweepShare, deps.exportDir), ...createOutputActions(kit, deps) },
  };
}
