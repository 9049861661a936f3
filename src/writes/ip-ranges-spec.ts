import type { GatewayError } from '../gateway/errors.ts';
import type { RiskConfiguration, ThreatProtectionMode } from '../gateway/types.ts';
import { MAX_RANGES, overlapping } from '../domain/ip-range.ts';
import { unknownCause } from '../store/feedback-text.ts';
import type { StoreKit } from '../store/store-kit.ts';
import { changedConfiguration, placeOf, rangesOf, readRiskInto, riskWriteTexts, sameConfiguration, type ConflictHolder, type RangeList } from './ip-range-spec.ts';
import type { ReadBack, WriteSpec } from './write-spec.ts';

/** Several ranges added to or removed from one exception list in one read-modify-write (a playbook's block, an undo's unblock). */
export interface RangesChange {
  poolId: string;
  /** The app client whose configuration changes; absent for the pool's. */
  clientId?: string;
  list: RangeList;
  op: 'add' | 'remove';
  /** The ranges to add (none already in the list) or to remove (all in the list), in order. */
  cidrs: string[];
  /** The configuration read just before, that the change is made on. */
  base: RiskConfiguration;
  /** The pool's threat-protection mode, when known. */
  mode?: ThreatProtectionMode;
}

/** The journal's parameter that lists the ranges of a batch change, space-separated. */
export const RANGES_PARAMETER = 'ranges';

/** The listed range that holds all of `cidr` (itself, or a broader one), if any. */
export function coveringRange(cidr: string, listed: readonly string[]): string | undefined {
  if (listed.includes(cidr)) return cidr;
  const bits = Number(cidr.split('/')[1]);
  return overlapping(cidr, listed).find((r) => Number(r.split('/')[1]) <= bits);
}

/**
 * The ranges asked for split by the base configuration: those to send, and those already as asked — for an add,
 * listed or inside a broader listed range (named: "185.220.101.34/32 (in 185.220.100.0/22)"); for a remove, not listed.
 */
export function splitRanges(base: RiskConfiguration, list: RangeList, op: 'add' | 'remove', cidrs: readonly string[]): { send: string[]; already: string[] } {
  const listed = rangesOf(base, list);
  const send: string[] = [];
  const already: string[] = [];
  for (const cidr of new Set(cidrs)) {
    if (op === 'remove') {
      (listed.includes(cidr) ? send : already).push(cidr);
      continue;
    }
    const cover = coveringRange(cidr, listed);
    if (cover === undefined) send.push(cidr);
    else already.push(cover === cidr ? cidr : `${cidr} (in ${cover})`);
  }
  return { send, already };
}

/** The configuration with every range of the change made to its list and every other field as it was. */
export function rangesChangedConfiguration(c: RangesChange): RiskConfiguration {
  return c.cidrs.reduce((base, cidr) => changedConfiguration({ poolId: c.poolId, list: c.list, op: c.op, cidr, base }), c.base);
}

/** Why the change is not sent: nothing left to send, or the list would pass Cognito's limit of 200. */
export function rangesChangeProblem(c: RangesChange): string | undefined {
  const name = c.list === 'blocked' ? 'always-block' : 'always-allow';
  if (c.cidrs.length === 0) return `every range is already ${c.op === 'add' ? 'in' : 'out of'} the ${name} list of ${placeOf(c)}: nothing to send`;
  const before = rangesOf(c.base, c.list).length;
  if (c.op === 'add' && before + c.cidrs.length > MAX_RANGES) {
    return `the ${name} list of ${placeOf(c)} has ${before} ranges and ${c.cidrs.length} more would pass Cognito's limit of ${MAX_RANGES}; nothing was sent`;
  }
  return undefined;
}

/** What the user should know of an add: ranges also in the other list (named), and a block stored but not enforced. */
export function rangesChangeNotes(c: RangesChange): string[] {
  const notes: string[] = [];
  const other: RangeList = c.list === 'blocked' ? 'skipped' : 'blocked';
  const overlaps = c.op === 'add' ? c.cidrs.flatMap((cidr) => overlapping(cidr, rangesOf(c.base, other)).map((o) => `${cidr} (${o})`)) : [];
  if (overlaps.length > 0) notes.push(`also in the ${other === 'skipped' ? 'always-allow' : 'always-block'} list: ${overlaps.join(', ')}`);
  if (c.list === 'blocked' && c.op === 'add' && c.mode !== undefined && c.mode !== 'ENFORCED') {
    notes.push(`threat protection is ${c.mode === 'AUDIT' ? 'in audit-only mode' : 'off'}: the block is stored but not enforced`);
  }
  return notes;
}

const VERB: Record<RangeList, Record<RangesChange['op'], string>> = {
  blocked: { add: 'Block', remove: 'Unblock' },
  skipped: { add: 'Always allow', remove: 'Stop always allowing' },
};

/** "Block 2 ranges (203.0.113.7/32, 198.51.100.4/32) on pool us-east-1_X". */
export function rangesWhat(c: Pick<RangesChange, 'list' | 'op' | 'cidrs' | 'poolId' | 'clientId'>): string {
  const n = c.cidrs.length;
  return `${VERB[c.list][c.op]} ${n === 1 ? c.cidrs[0] : `${n} ranges (${c.cidrs.join(', ')})`} on ${placeOf(c)}`;
}

/**
 * Adds or removes several ranges in one SetRiskConfiguration: the configuration is read again just before writing
 * and, if it changed since `base` was read, nothing is written (`holder.changed` gets the new one); else the whole
 * configuration goes back with only the list changed, and is read back into state.risk after.
 */
export function ipRangesSpec(kit: StoreKit, holder: ConflictHolder): WriteSpec<RangesChange> {
  async function readBack(c: RangesChange, error: GatewayError): Promise<ReadBack> {
    const now = rangesOf(await readRiskInto(kit, c.poolId, c.clientId), c.list);
    if (c.cidrs.every((cidr) => now.includes(cidr) === (c.op === 'add'))) return { state: 'applied', message: `${rangesWhat(c)}: Cognito now shows it — the write was applied.` };
    return { state: 'not-applied', message: `${rangesWhat(c)}: outcome was UNKNOWN (${unknownCause(error)}); Cognito does not show it — not applied.` };
  }
  return {
    operation: 'SetRiskConfiguration',
    write: 'risk exceptions',
    where: (c) => ({ poolId: c.poolId, username: `(risk configuration ${c.clientId ?? 'of the pool'})` }),
    label: (c) => c.cidrs.join(', '),
    parameters: (c) => ({ list: c.list, op: c.op, [RANGES_PARAMETER]: c.cidrs.join(' '), ...(c.clientId !== undefined ? { clientId: c.clientId } : {}) }),
    async send(gw, c) {
      const fresh = await gw.describeRiskConfiguration(c.poolId, c.clientId);
      if (!sameConfiguration(fresh, c.base)) {
        holder.changed = fresh;
        throw new Error('the risk configuration changed since it was read; nothing was written.');
      }
      await gw.setRiskConfiguration(c.poolId, c.clientId, rangesChangedConfiguration(c));
    },
    title: ([c]) => `${rangesWhat(c!)}?`,
    detail: ([c]) => [`${rangesOf(c!.base, c!.list).length} → ${rangesOf(rangesChangedConfiguration(c!), c!.list).length} of ${MAX_RANGES}.`, ...rangesChangeNotes(c!)].join(' '),
    precheck: ([c]) => rangesChangeProblem(c!),
    async afterSuccess([c]) {
      await readRiskInto(kit, c!.poolId, c!.clientId);
    },
    readBack,
    texts: riskWriteTexts(rangesWhat),
  };
}
