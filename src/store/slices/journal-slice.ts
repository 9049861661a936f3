import { createReportActions } from '../report-actions.ts';
import type { Slice, SliceEnv } from './env.ts';

/** An incident name is kept to this many characters. */
export const INCIDENT_NAME_MAX = 80;

/** The journal: whether it is on, and the incident its lines are filed under. */
export function journalSlice({ set, deps, kit }: SliceEnv): Slice<'incident' | 'journalOff', 'setIncident' | 'writeReport'> {
  kit.journal = deps.journal;
  const off = deps.journal !== undefined && deps.journal.dir === undefined ? 'journal off (--no-journal)' : undefined;
  return {
    state: { incident: undefined, journalOff: off },
    actions: {
      ...createReportActions(kit, deps.exportDir),
      setIncident(name) {
        const clean = name.replace(/\p{C}/gu, '').trim().slice(0, INCIDENT_NAME_MAX);
        set({ incident: clean || undefined });
        kit.flash('info', clean ? `Incident "${clean}": journal lines are filed under it from now on.` : 'No incident named: journal lines carry none.');
      },
    },
  };
}
