import { createCommandActions } from '../command-actions.ts';
import { createDialogActions } from '../dialog-actions.ts';
import { createPromptActions } from '../prompt-actions.ts';
import { createSearchActions } from '../search-actions.ts';
import { createTriageActions } from '../triage-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

type OverlayState = 'prompt' | 'confirm' | 'helpOpen' | 'helpScroll' | 'searches' | 'eventViews' | 'marks';
type OverlayActions =
  | 'openSearch' | 'clearSearch' | 'openPrompt' | 'editPrompt' | 'completePrompt' | 'submitPrompt' | 'cancelPrompt'
  | 'toggleAttention' | 'clearEventFilter' | 'jumpRisky' | 'toggleMark' | 'markAllShown' | 'clearMarks'
  | 'confirmYes' | 'confirmNo' | 'editDialog' | 'moveDialogStep' | 'toggleDialogStep' | 'toggleDryRun' | 'openDialog'
  | 'retryFailedWrite' | 'toggleHelp' | 'scrollHelp';

/**
 * What lies over a view and takes its keys: the input lines (the user search, the event filter and what it shows,
 * the `:` command line), the event marks, the dialogs, and the help.
 */
export function overlaySlice({ deps, kit, shared }: SliceEnv): Slice<OverlayState, OverlayActions> {
  const commands = createCommandActions(kit, { switchTarget: deps.connect ? (change) => shared.switchTarget(change) : undefined, profiles: deps.profiles });
  const { searchPrompt, ...search } = createSearchActions(kit);
  const { filterPrompt, ...triage } = createTriageActions(kit);
  return {
    state: { prompt: undefined, confirm: undefined, helpOpen: false, helpScroll: undefined, searches: {}, eventViews: {}, marks: {} },
    actions: {
      ...search,
      ...triage,
      ...createPromptActions(kit, { search: searchPrompt, filter: filterPrompt, command: commands.commandPrompt }),
      ...createDialogActions(kit),
    },
  };
}
