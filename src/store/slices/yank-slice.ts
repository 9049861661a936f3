import { sendToClipboard } from '../../export/clipboard-route.ts';
import { runTmux } from '../../export/tmux.ts';
import { yankFields } from '../../export/yank-fields.ts';
import { selectedRow } from '../output-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

/** How long a value to select by hand stays on the flash line. */
const BY_HAND_MS = 30_000;

/** Y: copy one field of the selection (username, email, sub, event id, IP) through the way out that works here. */
export function yankSlice({ get, set, deps, kit }: SliceEnv): Slice<'yank', 'openYank' | 'yankField' | 'closeYank'> {
  return {
    state: { yank: undefined },
    actions: {
      openYank() {
        const route = kit.top();
        const fields = yankFields(selectedRow(kit), { username: 'username' in route ? route.username : undefined });
        if (fields.length === 0) return kit.flash('warn', 'Nothing here has a field to copy: select a user, an event, a finding or a journal line (C copies the row as JSON).');
        set({ yank: fields });
      },
      yankField(name) {
        const field = get().yank?.find((f) => f.name === name);
        set({ yank: undefined });
        if (!field) return;
        const outcome = sendToClipboard(field.label, field.value, { write: deps.writeToTerminal, env: deps.env ?? process.env, tmux: deps.tmux ?? runTmux });
        if (outcome.way === 'by-hand') kit.flash('warn', outcome.message, BY_HAND_MS);
        else kit.flash('info', outcome.message);
      },
      closeYank() {
        set({ yank: undefined });
      },
    },
  };
}
