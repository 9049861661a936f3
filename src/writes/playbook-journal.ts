import type { JournalLine } from '../journal/journal.ts';

/** The `write` of the journal line a playbook writes when it starts, with its planned calls. */
export const PLAYBOOK_STARTED = 'playbook started';
/** The `write` of the journal line a playbook writes when its last call is answered. */
export const PLAYBOOK_FINISHED = 'playbook finished';
/** The journal's `action` of the playbook's own lines (they are not calls to Cognito). */
export const PLAYBOOK_ACTION = 'Playbook';
/** The journal's `action` of an IP pivot (a search of what the app has read, not a call to Cognito). */
export const PIVOT_ACTION = 'pivot';
/** The operation of the playbook's block step: one per playbook, so any success of it in the playbook's lines is it. */
const BLOCK_OPERATION = 'SetRiskConfiguration';
/** At most this many planned calls are recorded in the "playbook started" line. */
export const MAX_RECORDED_CALLS = 400;

/** One call a playbook planned, as its journal line records it: names and ids only, never a secret. */
export interface JournaledCall {
  /** The Cognito operation ("AdminDisableUser"), or "AdminListDevices" for the read that precedes forgetting devices. */
  operation: string;
  username: string;
  /** The event id (feedback) or the device key it acts on. */
  target?: string;
  /** The value it sets (feedback: Invalid). */
  value?: string;
}

/** A playbook found in the journal without its "finished" line: its id, pool, and the calls not known to be done. */
export interface UnfinishedPlaybook {
  id: string;
  poolId: string;
  startedAt: string;
  planned: JournaledCall[];
  left: JournaledCall[];
}

/** The planned calls of a "playbook started" line, or none when they cannot be read. */
export function recordedCalls(line: JournalLine): JournaledCall[] {
  try {
    const value = JSON.parse(line.parameters?.calls ?? '[]') as unknown;
    if (!Array.isArray(value)) return [];
    return value.flatMap((c: unknown): JournaledCall[] => {
      const call = c as Partial<JournaledCall> | null;
      if (!call || typeof call.operation !== 'string' || typeof call.username !== 'string') return [];
      return [{
        operation: call.operation, username: call.username,
        ...(typeof call.target === 'string' ? { target: call.target } : {}), ...(typeof call.value === 'string' ? { value: call.value } : {}),
      }];
    });
  } catch {
    return [];
  }
}

/** True when the journal line says the call succeeded (ok, or an unknown outcome read back as applied). */
export function succeeded(line: JournalLine): boolean {
  return line.outcome === 'ok' || line.readBack === 'applied';
}

/** The id of the playbook a journal line belongs to, if any. */
export function playbookOf(line: JournalLine): string | undefined {
  return line.parameters?.playbook;
}

/** The event id or device key a call's journal line acted on. */
function lineTarget(line: JournalLine): string | undefined {
  return line.target.eventId ?? line.parameters?.device ?? (line.action === 'AdminForgetDevice' ? line.parameters?.value : undefined);
}

/** True when this journal line records `call` as done. */
function doneBy(call: JournaledCall, line: JournalLine): boolean {
  if (call.operation === BLOCK_OPERATION) return succeeded(line) && line.action === BLOCK_OPERATION;
  return succeeded(line) && line.action === call.operation && line.target.username === call.username
    && (call.target === undefined || lineTarget(line) === call.target);
}

/**
 * The latest playbook of these journal lines (oldest first) that has no "finished" line, with the calls no `ok` line
 * of the same playbook records. The device listing of "forget devices" is always left: it is a read, and the devices
 * it finds are those not forgotten yet. Undefined when every playbook finished.
 */
export function unfinishedPlaybook(lines: readonly JournalLine[]): UnfinishedPlaybook | undefined {
  const finished = new Set(lines.filter((l) => l.write === PLAYBOOK_FINISHED).flatMap((l) => playbookOf(l) ?? []));
  const start = [...lines].reverse().find((l) => l.write === PLAYBOOK_STARTED && playbookOf(l) !== undefined && !finished.has(playbookOf(l)!));
  if (!start) return undefined;
  const id = playbookOf(start)!;
  const own = lines.filter((l) => playbookOf(l) === id && l.action !== PLAYBOOK_ACTION);
  const planned = recordedCalls(start);
  const left = planned.filter((call) => call.operation === 'AdminListDevices' || !own.some((l) => doneBy(call, l)));
  return { id, poolId: start.poolId, startedAt: start.at, planned, left };
}

/** How a call reads in a dialog: "AdminDisableUser maria.garcia", "AdminUpdateAuthEventFeedback maria.garcia <event> Invalid". */
export function callText(call: JournaledCall): string {
  return [call.operation, call.username, call.target, call.value].filter((x) => x !== undefined && x !== '').join(' ');
}
