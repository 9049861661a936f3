import { checkRange, MAX_RANGES } from '../domain/ip-range.ts';
import type { RiskConfiguration, ThreatProtectionMode } from '../gateway/types.ts';
import { rangesOf } from './ip-range-spec.ts';
import { rangesChangeNotes, rangesChangeProblem, splitRanges } from './ip-ranges-spec.ts';

/** A step of the containment playbook, run in this order for each user. */
export type ContainStep = 'disable' | 'sign-out' | 'forget-devices' | 'reset-password' | 'mark-invalid' | 'block-ips';

/** The playbook's steps in the order they run, with their labels and whether the checklist checks them at first. */
export const CONTAIN_STEPS: readonly { id: ContainStep; label: string; checked: boolean }[] = [
  { id: 'disable', label: 'Disable the user (AdminDisableUser)', checked: true },
  { id: 'sign-out', label: 'Sign out everywhere: revoke refresh tokens (AdminUserGlobalSignOut)', checked: true },
  { id: 'forget-devices', label: 'Forget all remembered devices (AdminListDevices, then AdminForgetDevice each)', checked: false },
  { id: 'reset-password', label: 'Reset the password (AdminResetUserPassword)', checked: false },
  { id: 'mark-invalid', label: 'Mark the loaded risky events Invalid (AdminUpdateAuthEventFeedback each)', checked: true },
  { id: 'block-ips', label: "Block those events' IPs, /32 each (one SetRiskConfiguration)", checked: false },
];

/** The operation each step sends (once per device or event for the last two). */
export const STEP_OPERATION: Record<ContainStep, string> = {
  disable: 'AdminDisableUser',
  'sign-out': 'AdminUserGlobalSignOut',
  'reset-password': 'AdminResetUserPassword',
  'forget-devices': 'AdminForgetDevice',
  'mark-invalid': 'AdminUpdateAuthEventFeedback',
  'block-ips': 'SetRiskConfiguration',
};

/** A user the playbook acts on: their username, remembered devices when known, and their loaded risky events. */
export interface ContainSubject {
  username: string;
  /** The device keys; undefined when not read yet (they are listed when the playbook runs). */
  devices?: string[];
  /** The loaded events that need attention and are not Invalid yet: id and a short label for the dry run. */
  riskyEvents: { id: string; label: string }[];
  /** The IP addresses of the loaded events that need attention (not marked Valid), for the block step. */
  ips?: string[];
}

/** One call of the plan, in the order it is sent. */
export interface PlannedCall {
  username: string;
  step: ContainStep;
  operation: string;
  /** The device key or event id it acts on, for the per-device and per-event steps. */
  target?: string;
  /** The dry run's line: "AdminDisableUser maria.garcia". */
  line: string;
}

/** The plan: what the playbook sends for `subjects` with `steps` on, one user after another, steps in playbook order. */
export interface ContainPlan {
  calls: PlannedCall[];
  /** Users whose devices are listed only when the playbook runs (each found device is then one more call). */
  devicesListedWhenRun: string[];
  /** Users with no loaded risky event to mark. */
  noRiskyEvents: string[];
  /** What the dry run says of the block step: addresses it cannot block, ranges already listed, the limit, the mode. */
  blockNotes: string[];
}

/** The pool's risk configuration and mode as the app has read them, when it has: the dry run then says what the block finds. */
export interface BlockContext {
  base?: RiskConfiguration;
  mode?: ThreatProtectionMode;
}

/** The ordered calls of the playbook for these users and steps; nothing is read or sent. */
export function containPlan(subjects: readonly ContainSubject[], steps: readonly ContainStep[], poolId = '', block: BlockContext = {}): ContainPlan {
  const on = new Set(steps);
  const plan: ContainPlan = { calls: [], devicesListedWhenRun: [], noRiskyEvents: [], blockNotes: [] };
  for (const s of subjects) {
    for (const { id: step } of CONTAIN_STEPS) {
      if (!on.has(step) || step === 'block-ips') continue;
      const operation = STEP_OPERATION[step];
      if (step === 'forget-devices') {
        if (s.devices === undefined) {
          plan.devicesListedWhenRun.push(s.username);
          plan.calls.push({ username: s.username, step, operation: 'AdminListDevices', line: `AdminListDevices ${s.username} (a read; then one AdminForgetDevice per device found)` });
          continue;
        }
        for (const key of s.devices) plan.calls.push({ username: s.username, step, operation, target: key, line: `${operation} ${s.username} ${key}` });
        continue;
      }
      if (step === 'mark-invalid') {
        if (s.riskyEvents.length === 0) plan.noRiskyEvents.push(s.username);
        for (const e of s.riskyEvents) plan.calls.push({ username: s.username, step, operation, target: e.id, line: `${operation} ${s.username} ${e.label} Invalid` });
        continue;
      }
      plan.calls.push({ username: s.username, step, operation, line: `${operation} ${s.username}` });
    }
  }
  if (on.has('block-ips')) planBlock(plan, subjects, poolId, block);
  return plan;
}

/** The /32 ranges of the subjects' addresses, in order and once each, and the addresses that cannot be blocked (IPv6, malformed). */
export function blockRanges(subjects: readonly ContainSubject[]): { cidrs: string[]; unblockable: string[] } {
  const cidrs: string[] = [];
  const unblockable: string[] = [];
  for (const ip of new Set(subjects.flatMap((s) => s.ips ?? []))) {
    const checked = checkRange(`${ip}/32`);
    if (checked.ok) cidrs.push(checked.cidr);
    else unblockable.push(ip);
  }
  return { cidrs: [...new Set(cidrs)], unblockable };
}

function planBlock(plan: ContainPlan, subjects: readonly ContainSubject[], poolId: string, { base, mode }: BlockContext) {
  const { cidrs, unblockable } = blockRanges(subjects);
  if (unblockable.length > 0) plan.blockNotes.push(`Not blocked (IPv4 ranges only): ${unblockable.join(', ')}.`);
  const { send, already } = base ? splitRanges(base, 'blocked', 'add', cidrs) : { send: cidrs, already: [] };
  if (already.length > 0) plan.blockNotes.push(`Already in BlockedIPRangeList, skipped: ${already.join(', ')}.`);
  if (send.length === 0) {
    plan.blockNotes.push(cidrs.length === 0 ? 'No address to block: the loaded risky events carry no IPv4 address.' : 'Nothing left to block.');
    return;
  }
  const change = { poolId, list: 'blocked' as const, op: 'add' as const, cidrs: send, base: base ?? {}, ...(mode ? { mode } : {}) };
  const problem = base ? rangesChangeProblem(change) : undefined;
  if (problem) {
    plan.blockNotes.push(`The block step is refused: ${problem}.`);
    return;
  }
  const count = base ? ` (${rangesOf(base, 'blocked').length} → ${rangesOf(base, 'blocked').length + send.length} of ${MAX_RANGES})` : ' (the configuration is read first; ranges already listed are skipped)';
  plan.calls.push({ username: '', step: 'block-ips', operation: 'SetRiskConfiguration', target: send.join(' '), line: `SetRiskConfiguration pool ${poolId}: add to BlockedIPRangeList ${send.join(', ')}${count}` });
  plan.blockNotes.push(...rangesChangeNotes(change).map((n) => `Block: ${n}.`));
}

/** The writes of a plan (the device listings are reads). */
export function plannedWrites(plan: ContainPlan): PlannedCall[] {
  return plan.calls.filter((c) => c.operation !== 'AdminListDevices');
}

/** The dry run: each call on its own line in order, what is left out, then the count of writes. */
export function dryRunLines(plan: ContainPlan): string[] {
  const writes = plannedWrites(plan).length;
  const lines = plan.calls.map((c) => c.line);
  if (plan.noRiskyEvents.length > 0) lines.push(`No loaded risky event to mark Invalid for ${plan.noRiskyEvents.join(', ')}.`);
  lines.push(...plan.blockNotes);
  const more = plan.devicesListedWhenRun.length > 0 ? ', plus one AdminForgetDevice per device found' : '';
  lines.push(`${writes} call${writes === 1 ? '' : 's'}${more}`);
  return lines;
}
