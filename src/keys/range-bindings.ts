import type { Binding } from './binding.ts';
import { readOnlyReason } from './shared-bindings.ts';

/** `b` on an event: puts `block <its IP>/32` on the command line, to edit or send with Enter. */
export const PROPOSE_BLOCK: Binding = {
  keys: ['b'], label: 'b', description: 'block the event\'s IP: puts :block <IP>/32 on the command line (edit the prefix, Enter asks first)',
  short: 'block IP', disabled: readOnlyReason, run: ({ actions }) => actions.proposeBlock(),
};
