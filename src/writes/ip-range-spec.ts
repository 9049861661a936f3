import type { GatewayError } from '../gateway/errors.ts';
import type { RiskConfiguration, ThreatProtectionMode } from '../gateway/types.ts';
import { MAX_RANGES, overlapping } from '../domain/ip-range.ts';
import { unknownCause, unknownOutcomeText, writeFailureReason } from '../store/feedback-text.ts';
import { riskKey } from '../store/routes.ts';
import { toListError, type StoreKit } from '../store/store-kit.ts';
import type { ReadBack, WriteSpec, WriteTexts } from './write-spec.ts';

/** Which exception list a change is on: always block, or always allow (skip risk detection). */
export type RangeList = 'blocked' | 'skipped';

/** One change to one exception list of the pool's or one app client's risk configuration. */
export interface RangeChange {
  poolId: string;
  /** The app client whose configuration changes; absent for the pool's. */
  clientId?: string;
  clientName?: string;
  list: RangeList;
  op: 'add' | 'remove';
  cidr: string;
  /** The effective configuration the diff was computed from (the pool's when the client inherits). */
  base: RiskConfiguration;
  /** The pool's threat-protection mode, when known. */
  mode?: ThreatProtectionMode;
  /** Said first in the confirmation: why it is asked again (the configuration changed since the last diff). */
  notice?: string;
}

const LIST_NAME: Record<RangeList, string> = { blocked: 'BlockedIPRangeList (always block)', skipped: 'SkippedIPRangeList (always allow)' };
const COMMAND: Record<RangeList, Record<RangeChange['op'], string>> = {
  blocked: { add: 'Block', remove: 'Unblock' },
  skipped: { add: 'Always allow', remove: 'Stop always allowing' },
};

/** The ranges of one list of a configuration. */
export function rangesOf(config: RiskConfiguration, list: RangeList): string[] {
  const ex = config.exceptions;
  return ex === undefined ? [] : list === 'blocked' ? ex.blockedIpRanges : ex.skippedIpRanges;
}

/** The configuration with the change made to its list and every other field as it was. */
export function changedConfiguration(c: RangeChange): RiskConfiguration {
  const ex = c.base.exceptions ?? { blockedIpRanges: [], skippedIpRanges: [], blockedAbsent: true, skippedAbsent: true };
  const before = rangesOf(c.base, c.list);
  const after = c.op === 'add' ? [...before, c.cidr] : before.filter((r) => r !== c.cidr);
  const exceptions = c.list === 'blocked'
    ? { ...ex, blockedIpRanges: after, blockedAbsent: undefined }
    : { ...ex, skippedIpRanges: after, skippedAbsent: undefined };
  return { ...c.base, exceptions };
}

/** True when two reads of a configuration hold the same settings (the modification date aside). */
export function sameConfiguration(a: RiskConfiguration, b: RiskConfiguration): boolean {
  const canonical = (v: unknown): unknown => (Array.isArray(v) ? v.map(canonical)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== 'modifiedAt' && x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, canonical(x)]))
      : v);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Where the change goes, in words: "pool us-east-1_X", "app client web (its own configuration)". */
export function placeOf(c: Pick<RangeChange, 'poolId' | 'clientId' | 'clientName'>): string {
  return c.clientId === undefined ? `pool ${c.poolId}` : `app client ${c.clientName ?? c.clientId}`;
}

/** Why the change makes no sense on its base configuration (already there, not there, over the limit), or undefined. */
export function rangeChangeProblem(c: RangeChange): string | undefined {
  const list = rangesOf(c.base, c.list);
  const name = c.list === 'blocked' ? 'always-block' : 'always-allow';
  if (c.op === 'add' && list.includes(c.cidr)) return `${c.cidr} is already in the ${name} list of ${placeOf(c)}: nothing to send.`;
  if (c.op === 'remove' && !list.includes(c.cidr)) return `${c.cidr} is not in the ${name} list of ${placeOf(c)} (${list.length} range${list.length === 1 ? '' : 's'}): nothing to send.`;
  if (c.op === 'add' && list.length + 1 > MAX_RANGES) return `The ${name} list of ${placeOf(c)} already has ${list.length} ranges; Cognito allows ${MAX_RANGES}. Remove one first.`;
  return undefined;
}

/** The confirmation's detail: the diff of the list, the count against the limit, and what the user should know. */
export function rangeChangeDetail(c: RangeChange): string {
  const before = rangesOf(c.base, c.list);
  const after = rangesOf(changedConfiguration(c), c.list);
  const parts = [...(c.notice ? [c.notice] : []), `${LIST_NAME[c.list]} of ${placeOf(c)}: ${c.op === 'add' ? '+' : '−'} ${c.cidr} (${before.length} → ${after.length} of ${MAX_RANGES}).`];
  const other: RangeList = c.list === 'blocked' ? 'skipped' : 'blocked';
  const overlaps = c.op === 'add' ? overlapping(c.cidr, rangesOf(c.base, other)) : [];
  if (overlaps.length > 0) {
    parts.push(`It overlaps the ${other === 'skipped' ? 'always-allow' : 'always-block'} list: ${overlaps.join(', ')}.`);
  }
  if (c.list === 'blocked' && c.op === 'add' && c.mode !== undefined && c.mode !== 'ENFORCED') {
    parts.push(`Threat protection is ${c.mode === 'AUDIT' ? 'in audit-only mode' : 'off'}: the block will be stored but not enforced.`);
  }
  if (c.clientId !== undefined && c.base.clientId === undefined) {
    parts.push('The client inherits the pool\'s configuration today; this gives it its own copy, and it stops inheriting (later pool changes will not reach it).');
  }
  parts.push('Every other section is sent back unchanged; the configuration is read again just before writing.');
  return parts.join(' ');
}

/** Reads a pool's or client's risk configuration into state.risk (the read-back after a write) and returns it. */
export async function readRiskInto(kit: StoreKit, poolId: string, clientId: string | undefined): Promise<RiskConfiguration> {
  const value = await kit.gw.describeRiskConfiguration(poolId, clientId);
  const key = riskKey(poolId, clientId);
  kit.set((s) => ({ risk: { ...s.risk, [key]: { loading: false, value, requestId: (s.risk[key]?.requestId ?? 0) + 1 } } }));
  return value;
}

/** What a write of a range change found: set when the configuration changed between the diff and the write. */
export interface ConflictHolder {
  changed?: RiskConfiguration;
}

/**
 * Adds or removes one range: just before writing, the configuration is read again and, if it changed since the
 * diff was shown, nothing is written (`holder.changed` gets the new one); else the whole configuration is written
 * back with only the list changed, then read back into state.risk.
 */
export function ipRangeSpec(kit: StoreKit, holder: ConflictHolder): WriteSpec<RangeChange> {
  const what = (c: RangeChange) => `${COMMAND[c.list][c.op]} ${c.cidr} on ${placeOf(c)}`;

  const readBackInto = (c: RangeChange) => readRiskInto(kit, c.poolId, c.clientId);

  async function readBack(c: RangeChange, error: GatewayError): Promise<ReadBack> {
    const now = await readBackInto(c);
    const present = rangesOf(now, c.list).includes(c.cidr);
    if (present === (c.op === 'add')) return { state: 'applied', message: `${what(c)}: Cognito now shows it — the write was applied.` };
    return { state: 'not-applied', message: `${what(c)}: outcome was UNKNOWN (${unknownCause(error)}); Cognito does not show it — not applied; R to send again (asks first).` };
  }

  return {
    operation: 'SetRiskConfiguration',
    write: 'risk exceptions',
    where: (c) => ({ poolId: c.poolId, username: `(risk configuration ${c.clientId ?? 'of the pool'})` }),
    label: (c) => c.cidr,
    parameters: (c) => ({ list: c.list, op: c.op, range: c.cidr, ...(c.clientId !== undefined ? { clientId: c.clientId } : {}) }),
    async send(gw, c) {
      const fresh = await gw.describeRiskConfiguration(c.poolId, c.clientId);
      if (!sameConfiguration(fresh, c.base)) {
        holder.changed = fresh;
        throw new Error('the risk configuration changed since the diff was shown; nothing was written.');
      }
      await gw.setRiskConfiguration(c.poolId, c.clientId, changedConfiguration(c));
    },
    title: ([c]) => `${what(c)}?`,
    detail: ([c]) => rangeChangeDetail(c),
    dangerous: false,
    precheck: ([c]) => rangeChangeProblem(c),
    async afterSuccess([c]) {
      try {
        const now = await readBackInto(c);
        const list = rangesOf(now, c.list);
        kit.flash('info', `Done: ${what(c)}. Read back: ${list.length} of ${MAX_RANGES} ranges now — ${list.join(', ') || 'none'}.`);
      } catch (error) {
        kit.flash('warn', `Done: ${what(c)}, but reading it back failed: ${writeFailureReason(toListError(error).message)}`);
      }
    },
    readBack,
    texts: riskWriteTexts(what),
  };
}

/** What a SetRiskConfiguration write says of itself, named by `what`; it is read back after every success. */
export function riskWriteTexts<T>(what: (target: T) => string): WriteTexts<T> {
  return {
    what: ([c]) => what(c!),
    succeeded: ([c]) => `Done: ${what(c!)} (SetRiskConfiguration succeeded). Reading it back…`,
    failed: (c, reason) => `NOT done: ${what(c)}: ${reason}`,
    unknown: (c, error) => unknownOutcomeText(what(c), error, 'Reading the configuration back…'),
    done: 'done',
    notDone: 'NOT done',
  };
}
