import type { AuthEvent } from '../gateway/types.ts';
import { feedbackSpec } from '../writes/feedback-spec.ts';
import type { ConflictHolder } from '../writes/ip-range-spec.ts';
import { ipRangesSpec, splitRanges, type RangesChange } from '../writes/ip-ranges-spec.ts';
import { DEFAULT_WRITE_INTERVAL_MS } from '../writes/pacing.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { undoCallText, undoPlan, type UndoCall, type UndoPlan } from '../writes/undo-plan.ts';
import { userWriteSpec } from '../writes/user-write-specs.ts';
import type { WriteSpec } from '../writes/write-spec.ts';
import { writeFailureReason } from './feedback-text.ts';
import { reportLines } from './report-actions.ts';
import type { AppActions } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** How many calls of each list the dialog names before "and N more". */
const SHOWN = 12;

function listed(items: string[]): string {
  return `${items.slice(0, SHOWN).join('; ')}${items.length > SHOWN ? `; and ${items.length - SHOWN} more` : ''}`;
}

/** Tallies of an undo run, for its summary. */
interface Tally {
  ok: number;
  problems: string[];
}

/**
 * `:undo`: the last playbook or batch of writes of the journal (the incident's, or today's) reversed: one yes/no
 * that lists first what cannot be reversed, then each reverse call sent once through `runWrite`, paced. Its journal
 * lines carry `undoOf`, so the same action is not offered again.
 */
export function createUndoActions(kit: StoreKit, intervalMs = DEFAULT_WRITE_INTERVAL_MS): Pick<AppActions, 'askUndo'> {
  const { flash } = kit;
  let running = false;

  async function send<T>(plan: UndoPlan, spec: WriteSpec<T>, targets: T[], tally: Tally): Promise<void> {
    const why = spec.precheck?.(targets);
    if (why) { tally.problems.push(`${spec.operation}: not sent: ${why}`); return; }
    const tagged: WriteSpec<T> = { ...spec, parameters: (t) => ({ ...spec.parameters?.(t), undoOf: plan.key }) };
    const run = await runWrite(kit, tagged, targets, { confirmed: true, intervalMs });
    if (run.status !== 'sent') { tally.problems.push(`${spec.operation}: not sent (see the message before)`); return; }
    for (const o of run.outcomes) {
      if (o.outcome === 'ok' || o.readBack === 'applied') tally.ok++;
      else tally.problems.push(`${spec.operation} ${o.label}: ${o.outcome}${o.message ? ` (${o.message})` : ''}`);
    }
  }

  async function unblock(plan: UndoPlan, call: UndoCall & { kind: 'unblock' }, tally: Tally): Promise<void> {
    let base;
    try {
      base = await kit.gw.describeRiskConfiguration(call.poolId, call.clientId);
    } catch (error) {
      tally.problems.push(`unblock ${call.ranges.join(', ')}: reading the risk configuration failed: ${writeFailureReason(toListError(error).message)}`);
      return;
    }
    const { send: present, already: gone } = splitRanges(base, 'blocked', 'remove', call.ranges);
    if (gone.length > 0) tally.problems.push(`unblock ${gone.join(', ')}: not in the blocked list any more; nothing sent for ${gone.length === 1 ? 'it' : 'them'}`);
    if (present.length === 0) return;
    const holder: ConflictHolder = {};
    const change: RangesChange = { poolId: call.poolId, ...(call.clientId ? { clientId: call.clientId } : {}), list: 'blocked', op: 'remove', cidrs: present, base };
    await send(plan, ipRangesSpec(kit, holder), [change], tally);
  }

  async function run(plan: UndoPlan) {
    running = true;
    const tally: Tally = { ok: 0, problems: [] };
    try {
      const groups = new Map<string, UndoCall[]>();
      for (const call of plan.calls) {
        const key = call.kind === 'unblock' ? `unblock|${call.clientId ?? ''}|${call.ranges.join(' ')}` : JSON.stringify([call.kind, call.poolId, call.kind === 'feedback' ? [call.username, call.value] : '']);
        groups.set(key, [...(groups.get(key) ?? []), call]);
      }
      let first = true;
      for (const calls of groups.values()) {
        if (!first) await new Promise((resolve) => setTimeout(resolve, intervalMs));
        first = false;
        const [head] = calls;
        if (head.kind === 'unblock') await unblock(plan, head, tally);
        else if (head.kind === 'feedback') {
          const ref = { kind: 'events', poolId: head.poolId, username: head.username } as const;
          const loaded = kit.list<AuthEvent>(ref).items;
          const events = calls.flatMap((c) => (c.kind === 'feedback' ? [loaded.find((e) => e.id === c.eventId) ?? { id: c.eventId, challenges: [] }] : []));
          await send(plan, feedbackSpec(kit, head.poolId, head.username, head.value), events, tally);
        } else {
          await send(plan, userWriteSpec(kit, head.kind), calls.map((c) => ({ poolId: c.poolId, username: 'username' in c ? c.username : '' })), tally);
        }
      }
    } finally {
      running = false;
    }
    const failed = tally.problems.length > 0 ? ` NOT undone: ${tally.problems.join(' | ')}.` : '';
    flash(failed ? 'error' : 'info', `Undo of ${plan.what}: ${tally.ok} reverse call${tally.ok === 1 ? '' : 's'} succeeded.${failed}${plan.irreversible.length > 0 ? ` Not reversible: ${plan.irreversible.length}.` : ''}`);
  }

  return {
    askUndo() {
      if (refuseReadOnly(kit)) return;
      if (running) return flash('warn', 'An undo is still running: wait for its summary.');
      if (!kit.journal || kit.journal.dir === undefined) return flash('warn', 'The journal is off (--no-journal): there is nothing to undo from.');
      const plan = undoPlan(reportLines(kit));
      if (!plan) return flash('info', `Nothing to undo in the journal (${kit.get().incident ? `incident ${kit.get().incident}` : "today's, UTC"}).`);
      const cannot = plan.irreversible.length > 0 ? `CANNOT be reversed (${plan.irreversible.length}): ${listed(plan.irreversible)}.` : '';
      if (plan.calls.length === 0) return flash('warn', `Undo of ${plan.what}: nothing can be reversed. ${cannot}`);
      const n = plan.calls.length;
      kit.set({
        confirm: {
          title: `Undo ${plan.what}? ${n} reverse call${n === 1 ? '' : 's'}`,
          detail: `${cannot}${cannot ? ' ' : ''}Reverse, each sent once: ${listed(plan.calls.map(undoCallText))}.`,
          lines: [...plan.irreversible.map((x) => `CANNOT be reversed: ${x}`), ...plan.calls.map(undoCallText)],
          onConfirm: () => { void run(plan); },
        },
      });
    },
  };
}
