import { YANK_FIELDS, type YankField } from '../export/yank-fields.ts';
import type { Binding, KeyTable } from './binding.ts';

const CANCEL: Binding = { keys: ['escape', 'Y', 'q'], label: 'esc', description: 'close, nothing is copied', short: 'cancel', run: ({ actions }) => actions.closeYank() };

/** The keys of the Y picker: a letter per field (u username, e email, s sub, i event id, a IP address), esc closes. */
export const YANK_KEYS: KeyTable = {
  title: 'Copy a field (Y, then a letter)',
  bindings: [
    ...YANK_FIELDS.map((f): Binding => ({
      keys: [f.key], label: f.key, description: `copy the ${f.label} of the selection`, short: `copy ${f.label}`, run: ({ actions }) => actions.yankField(f.name),
    })),
    CANCEL,
  ],
};

const offered = new WeakMap<YankField[], KeyTable>();

/** The picker's keys for the fields the selection has; the same table object for the same picker, so selectors stay stable. */
export function yankTable(fields: YankField[]): KeyTable {
  const cached = offered.get(fields);
  if (cached) return cached;
  const keys = new Set(fields.map((f) => f.key));
  const table = { ...YANK_KEYS, bindings: YANK_KEYS.bindings.filter((b) => b === CANCEL || b.keys.some((k) => keys.has(k))) };
  offered.set(fields, table);
  return table;
}
