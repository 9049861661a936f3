import type { JournalLine } from '../journal/journal.ts';
import { RANGES_PARAMETER } from './ip-ranges-spec.ts';
import { PIVOT_ACTION, PLAYBOOK_ACTION, playbookOf, succeeded } from './playbook-journal.ts';
import { QUERY_ACTION } from '../journal/query-journal.ts';

/** One call that reverses a journaled call that succeeded. */
export type UndoCall =
  | { kind: 'enable' | 'disable'; poolId: string; username: string }
  | { kind: 'unblock'; poolId: string; clientId?: string; ranges: string[] }
  | { kind: 'feedback'; poolId: string; username: string; eventId: string; value: 'Valid' | 'Invalid'; label: string; previousUnknown: boolean };

/** What `:undo` offers: the action it reverses, what cannot be reversed (said first), and the reverse calls. */
export interface UndoPlan {
  /** The key its journal lines carry as `undoOf`: "playbook:<id>" or "batch:<time>|<operation>". */
  key: string;
  /** "playbook pb-…" or "AdminDisableUser ×12 at …". */
  what: string;
  /** One sentence per call that cannot be reversed: "AdminUserGlobalSignOut maria.garcia (a sign-out)". */
  irreversible: string[];
  calls: UndoCall[];
}

const CANNOT: Record<string, string> = {
  AdminUserGlobalSignOut: 'a sign-out: the revoked refresh tokens stay revoked',
  AdminResetUserPassword: 'a reset password: the old password stays unusable',
  AdminForgetDevice: 'a forgotten device: it asks for MFA again at its next sign-in',
  AdminDeleteUser: 'a deletion: the user and their data are gone',
};

/** The key of the action a journal line belongs to: its playbook, or its batch (one runWrite journals a batch at one time). */
export function actionKey(line: JournalLine): string {
  const playbook = playbookOf(line);
  return playbook !== undefined ? `playbook:${playbook}` : `batch:${line.at}|${line.action}|${line.write}`;
}

const isCall = (l: JournalLine) => l.action !== PLAYBOOK_ACTION && l.action !== PIVOT_ACTION && l.action !== QUERY_ACTION && l.outcome !== 'cancelled' && l.parameters?.undoOf === undefined;

function reverse(line: JournalLine): UndoCall | string {
  const who = `${line.action} ${line.target.label}`;
  const p = line.parameters ?? {};
  switch (line.action) {
    case 'AdminDisableUser':
      return { kind: 'enable', poolId: line.poolId, username: line.target.username };
    case 'AdminEnableUser':
      return { kind: 'disable', poolId: line.poolId, username: line.target.username };
    case 'SetRiskConfiguration':
      const ranges = p.range ? [p.range] : (p[RANGES_PARAMETER] ?? '').split(' ').filter(Boolean);
      if (p.list === 'blocked' && p.op === 'add' && ranges.length > 0) return { kind: 'unblock', poolId: line.poolId, ...(p.clientId ? { clientId: p.clientId } : {}), ranges };
      return `${who} (${p.op ?? 'change'} ${ranges.join(', ')} on the ${p.list ?? ''} list: not reversed by :undo; use :block, :unblock, :skip or :unskip)`;
    case 'AdminUpdateAuthEventFeedback': {
      if (!line.target.eventId) return `${who} (the event id is not in the journal)`;
      const previous = p.previous === 'Valid' || p.previous === 'Invalid' ? p.previous : undefined;
      if (p.value !== 'Invalid' && previous === undefined) return `${who} (feedback ${p.value ?? ''}: the previous feedback is not in the journal)`;
      return {
        kind: 'feedback', poolId: line.poolId, username: line.target.username, eventId: line.target.eventId,
        value: previous ?? 'Valid', label: line.target.label, previousUnknown: previous === undefined,
      };
    }
    default:
      return CANNOT[line.action] ? `${who} (${CANNOT[line.action]})` : `${who} (not reversed by :undo)`;
  }
}

/**
 * The undo of the last playbook or batch of writes in these journal lines (oldest first) that has not been undone:
 * the reverse of each call that succeeded (enable for disable, unblock for block, Valid for feedback Invalid), and
 * what cannot be reversed. Undefined when there is nothing to undo.
 */
export function undoPlan(lines: readonly JournalLine[]): UndoPlan | undefined {
  const undone = new Set(lines.flatMap((l) => l.parameters?.undoOf ?? []));
  const last = [...lines].reverse().find((l) => isCall(l) && !undone.has(actionKey(l)));
  if (!last) return undefined;
  const key = actionKey(last);
  const own = lines.filter((l) => isCall(l) && actionKey(l) === key && succeeded(l));
  const plan: UndoPlan = { key, what: playbookOf(last) !== undefined ? `playbook ${playbookOf(last)}` : `${last.action} ×${own.length} at ${last.at}`, irreversible: [], calls: [] };
  const seen = new Set<string>();
  for (const line of own) {
    const r = reverse(line);
    const id = typeof r === 'string' ? r : JSON.stringify(r);
    if (seen.has(id)) continue;
    seen.add(id);
    if (typeof r === 'string') plan.irreversible.push(r);
    else plan.calls.push(r);
  }
  return plan;
}

/** How a reverse call reads in the dialog. */
export function undoCallText(call: UndoCall): string {
  switch (call.kind) {
    case 'enable':
      return `AdminEnableUser ${call.username}`;
    case 'disable':
      return `AdminDisableUser ${call.username}`;
    case 'unblock':
      return `SetRiskConfiguration: unblock ${call.ranges.join(', ')}${call.clientId ? ` (client ${call.clientId})` : ''}`;
    case 'feedback':
      return `AdminUpdateAuthEventFeedback ${call.username} ${call.label} ${call.value}${call.previousUnknown ? ' (the previous feedback cannot be known: the journal did not record it)' : ''}`;
  }
}
