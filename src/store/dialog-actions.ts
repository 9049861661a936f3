import {
  checkedSteps, dialogKind, editTyped, moveStep, scrollDialogList, submitTyped, toggleDry, toggleStep,
} from './dialog.ts';
import type { AppActions, ChecklistDialog, Dialog, DialogKind, TypedDialog, YesNoDialog } from './state.ts';
import type { StoreKit } from './store-kit.ts';

type DialogActions = Pick<AppActions,
  'confirmYes' | 'confirmNo' | 'editDialog' | 'moveDialogStep' | 'toggleDialogStep' | 'toggleDryRun' | 'openDialog'
  | 'retryFailedWrite' | 'toggleHelp' | 'scrollHelp'>;

/** The modal layer: answering the three kinds of dialog, R for the latest failed write, and the help. */
export function createDialogActions(kit: StoreKit): DialogActions {
  const { get, set, flash } = kit;

  function current<D extends Dialog>(kind: DialogKind): D | undefined {
    const d = get().confirm;
    return d && dialogKind(d) === kind ? (d as D) : undefined;
  }

  function update(next: Dialog) {
    set({ confirm: next });
  }

  return {
    confirmYes() {
      const d = get().confirm;
      if (!d) return;
      switch (d.kind) {
        case 'typed': {
          const result = submitTyped(d);
          if (!result.submit) return update(result.dialog);
          set({ confirm: undefined });
          return d.onConfirm();
        }
        case 'checklist': {
          const steps = checkedSteps(d);
          if (steps.length === 0) return flash('warn', 'Nothing is checked: space checks a step, esc cancels.');
          set({ confirm: undefined });
          return d.onRun(steps);
        }
        default:
          set({ confirm: undefined });
          return d.onConfirm();
      }
    },
    confirmNo() {
      const d = get().confirm;
      if (!d) return;
      set({ confirm: undefined });
      flash('info', 'Cancelled: nothing was sent.');
      if (d.kind !== 'checklist') d.onCancel?.();
    },
    editDialog(text) {
      const d = current<TypedDialog>('typed');
      if (d) update(editTyped(d, text));
    },
    moveDialogStep(delta) {
      const d = current<ChecklistDialog>('checklist');
      if (d) return update(d.dryRun ? scrollDialogList(d, delta) : moveStep(d, delta));
      const yesNo = current<YesNoDialog>('yes-no');
      if (yesNo?.lines) update(scrollDialogList(yesNo, delta));
    },
    toggleDialogStep() {
      const d = current<ChecklistDialog>('checklist');
      if (d) update(toggleStep(d));
    },
    toggleDryRun() {
      const d = current<ChecklistDialog>('checklist');
      if (d) update(toggleDry(d));
    },
    openDialog(dialog) {
      set({ confirm: dialog, helpOpen: false, prompt: undefined });
    },
    retryFailedWrite() {
      const failed = get().failedWrite;
      if (!failed) return flash('info', 'R: no failed write to send again (r refreshes the list).');
      failed.ask();
    },
    toggleHelp() {
      set((s) => ({ helpOpen: !s.helpOpen, helpScroll: 0 }));
    },
    scrollHelp(delta) {
      set((s) => ({ helpScroll: Math.max(0, (s.helpScroll ?? 0) + Math.trunc(delta)) }));
    },
  };
}
