import { allInFlight, NO_WRITES_IN_FLIGHT } from '../../writes/in-flight.ts';
import { createFeedbackActions } from '../feedback-actions.ts';
import { createContainActions } from '../contain-actions.ts';
import { createUndoActions } from '../undo-actions.ts';
import { createIpPivotActions } from '../ip-pivot-actions.ts';
import { createIpRangeActions } from '../ip-range-actions.ts';
import { createRiskEditActions } from '../risk-edit-actions.ts';
import { createUserActions } from '../user-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

type WritesActions =
  | 'askFeedback' | 'askUserWrite' | 'askBulkUserWrite' | 'askAdminWrite' | 'askRangeChange' | 'proposeBlock' | 'askRiskEdit' | 'proposeRiskEdit'
  | 'askContain' | 'resumeContain' | 'askUndo' | 'quit' | 'openIpPivot';

type WritesState = 'pendingWrites' | 'actionLog' | 'failedWrite' | 'writeProgress' | 'quitting' | 'quitArmed';

/**
 * Writes: those in flight, the latest that failed, a batch's progress, the log of every attempt; and quitting, which
 * asks twice while a write is still being sent.
 */
export function writesSlice({ get, set, deps, kit, shared }: SliceEnv): Slice<WritesState, WritesActions> {
  return {
    state: { pendingWrites: NO_WRITES_IN_FLIGHT, actionLog: [], failedWrite: undefined, writeProgress: undefined, quitting: false, quitArmed: false },
    actions: {
      ...createFeedbackActions(kit, deps.feedbackIntervalMs),
      ...createUserActions(kit),
      ...createIpRangeActions(kit),
      ...createRiskEditActions(kit),
      ...createContainActions(kit, deps.feedbackIntervalMs),
      ...createUndoActions(kit, deps.feedbackIntervalMs),
      ...createIpPivotActions(kit),
      quit() {
        const inFlight = allInFlight(get().pendingWrites).length;
        if (inFlight > 0 && !get().quitArmed) {
          set({ quitArmed: true });
          kit.flash('warn', `${inFlight} write${inFlight > 1 ? 's are' : ' is'} still being sent: wait for the result, or press q again to quit without knowing it.`);
          return;
        }
        shared.stopLeftLoads(true);
        set({ quitting: true });
      },
    },
  };
}
