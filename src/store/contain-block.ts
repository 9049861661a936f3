import type { ConflictHolder } from '../writes/ip-range-spec.ts';
import { ipRangesSpec, rangesChangeNotes, rangesChangeProblem, splitRanges, type RangesChange } from '../writes/ip-ranges-spec.ts';
import type { WriteSpec } from '../writes/write-spec.ts';
import { writeFailureReason } from './feedback-text.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** How many times the block step reads the configuration again when it changed between its read and its write. */
const MAX_ATTEMPTS = 3;

/** What the block step reports into the playbook's summary. */
export interface BlockResult {
  problems: string[];
  skipped?: string;
  /** Said in the summary even when it succeeded: ranges skipped, ranges also always allowed, a block not enforced. */
  notes?: string[];
}

/** Sends a write for the playbook (journaled with its id, paced, counted into the result). */
export type PlaybookSend = <T>(spec: WriteSpec<T>, targets: T[], result: BlockResult) => Promise<void>;

/**
 * The playbook's block step: reads the pool's risk configuration, skips the ranges already listed, refuses before
 * sending when the list would pass 200, then adds the rest to BlockedIPRangeList in one SetRiskConfiguration that sends
 * every other section back unchanged. When the configuration changed between the read and the write, nothing was
 * written: it reads again and tries once more (the user confirmed the ranges, not a diff).
 */
export async function runBlockStep(kit: StoreKit, poolId: string, cidrs: string[], result: BlockResult, send: PlaybookSend): Promise<void> {
  if (cidrs.length === 0) {
    result.skipped = 'no IPv4 address in the loaded risky events';
    return;
  }
  const mode = kit.get().pools[poolId]?.value?.threatProtection ?? await kit.gw.describeUserPool(poolId).then((p) => p.threatProtection, () => undefined);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let base;
    try {
      base = await kit.gw.describeRiskConfiguration(poolId);
    } catch (error) {
      result.problems.push(`reading the risk configuration failed: ${writeFailureReason(toListError(error).message)}; nothing was sent`);
      return;
    }
    const { send: toAdd, already } = splitRanges(base, 'blocked', 'add', cidrs);
    const change: RangesChange = { poolId, list: 'blocked', op: 'add', cidrs: toAdd, base, ...(mode ? { mode } : {}) };
    result.notes = already.length > 0 ? [`already listed, skipped: ${already.join(', ')}`] : [];
    if (toAdd.length === 0) {
      result.skipped = `${cidrs.join(', ')} already in the always-block list`;
      return;
    }
    const why = rangesChangeProblem(change);
    if (why) {
      result.problems.push(`refused before sending: ${why}`);
      return;
    }
    result.notes.push(...rangesChangeNotes(change));
    const holder: ConflictHolder = {};
    const before = result.problems.length;
    await send(ipRangesSpec(kit, holder), [change], result);
    if (holder.changed === undefined) return;
    kit.set({ failedWrite: undefined });
    if (attempt < MAX_ATTEMPTS) result.problems.splice(before);
  }
}
