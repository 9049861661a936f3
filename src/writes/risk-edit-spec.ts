import type { GatewayError } from '../gateway/errors.ts';
import type { RiskConfiguration } from '../gateway/types.ts';
import { applyRiskEdit, loweredProtection, riskDiff, type RiskEdit } from '../domain/risk-edit.ts';
import { unknownCause, writeFailureReason } from '../store/feedback-text.ts';
import { toListError, type StoreKit } from '../store/store-kit.ts';
import { placeOf, readRiskInto, riskWriteTexts, sameConfiguration, type ConflictHolder } from './ip-range-spec.ts';
import type { ReadBack, WriteSpec } from './write-spec.ts';

/** One `:risk-set` on the pool's or one app client's risk configuration. */
export interface RiskEditChange {
  poolId: string;
  /** The app client whose configuration changes; absent for the pool's. */
  clientId?: string;
  clientName?: string;
  edit: RiskEdit;
  /** The effective configuration the diff is computed from (the pool's when the client inherits). */
  base: RiskConfiguration;
  /** Said first in the confirmation: why it is asked again (the configuration changed since the last diff). */
  notice?: string;
}

const MAX_DIFF_LINES = 12;

/** The configuration the change writes, or why it cannot be made on its base. */
export function editedConfiguration(c: RiskEditChange): { ok: true; config: RiskConfiguration } | { ok: false; error: string } {
  return applyRiskEdit(c.base, c.edit);
}

function after(c: RiskEditChange): RiskConfiguration {
  const r = editedConfiguration(c);
  return r.ok ? r.config : c.base;
}

/** The confirmation's detail: the diff (changed fields only, old → new), what lowers protection, and inheriting. */
export function riskEditDetail(c: RiskEditChange): string {
  const diff = riskDiff(c.base, after(c));
  const lines = diff.slice(0, MAX_DIFF_LINES).map((d) => `${d.field}: ${d.before} → ${d.after}`);
  if (diff.length > MAX_DIFF_LINES) lines.push(`… and ${diff.length - MAX_DIFF_LINES} more`);
  const parts = [...(c.notice ? [c.notice] : []), `Risk configuration of ${placeOf(c)}, changed fields: ${lines.join('; ')}.`];
  const lowered = loweredProtection(c.base, after(c));
  if (lowered.length > 0) parts.push(`This LOWERS protection: ${lowered.join('; ')}.`);
  if (c.clientId !== undefined && c.base.clientId === undefined) {
    parts.push('The client inherits the pool\'s configuration today; this gives it its own copy, and it stops inheriting (later pool changes will not reach it).');
  }
  parts.push('Every other field is sent back unchanged; the configuration is read again just before writing.');
  return parts.join(' ');
}

/**
 * Changes the account-takeover actions and the compromised-credentials settings: just before writing, the
 * configuration is read again and, if it changed since the diff was shown, nothing is written (`holder.changed` gets
 * the new one); else the whole configuration is written with only the edited fields changed, then read back. It is dangerous (red) when `change` lowers protection.
 */
export function riskEditSpec(kit: StoreKit, holder: ConflictHolder, change: RiskEditChange): WriteSpec<RiskEditChange> {
  const what = (c: RiskEditChange) => `Change the risk configuration of ${placeOf(c)}`;

  async function readBack(c: RiskEditChange, error: GatewayError): Promise<ReadBack> {
    const now = await readRiskInto(kit, c.poolId, c.clientId);
    if (riskDiff(after(c), now).length === 0) return { state: 'applied', message: `${what(c)}: Cognito now shows the new settings — the write was applied.` };
    return { state: 'not-applied', message: `${what(c)}: outcome was UNKNOWN (${unknownCause(error)}); Cognito does not show the new settings — not applied; R to send again (asks first).` };
  }

  return {
    operation: 'SetRiskConfiguration',
    write: 'risk configuration',
    where: (c) => ({ poolId: c.poolId, username: `(risk configuration ${c.clientId ?? 'of the pool'})` }),
    label: (c) => c.clientName ?? c.clientId ?? c.poolId,
    parameters: (c) => ({
      ...Object.fromEntries(riskDiff(c.base, after(c)).map((d) => [d.field, `${d.before} → ${d.after}`])),
      ...(c.clientId !== undefined ? { clientId: c.clientId } : {}),
    }),
    async send(gw, c) {
      const fresh = await gw.describeRiskConfiguration(c.poolId, c.clientId);
      if (!sameConfiguration(fresh, c.base)) {
        holder.changed = fresh;
        throw new Error('the risk configuration changed since the diff was shown; nothing was written.');
      }
      await gw.setRiskConfiguration(c.poolId, c.clientId, after(c));
    },
    title: ([c]) => `${what(c)}?`,
    detail: ([c]) => riskEditDetail(c),
    dangerous: loweredProtection(change.base, after(change)).length > 0,
    precheck: ([c]) => {
      const r = editedConfiguration(c);
      if (!r.ok) return r.error;
      return riskDiff(c.base, r.config).length === 0 ? `${placeOf(c)} already has these settings: nothing to send.` : undefined;
    },
    async afterSuccess([c]) {
      try {
        const now = await readRiskInto(kit, c.poolId, c.clientId);
        const left = riskDiff(after(c), now);
        kit.flash(left.length === 0 ? 'info' : 'warn', left.length === 0
          ? `Done: ${what(c)}. Read back: ${riskDiff(c.base, now).map((d) => `${d.field} ${d.after}`).join(', ')}.`
          : `Done: ${what(c)}, but the read-back differs: ${left.map((d) => `${d.field} is ${d.after}`).join(', ')}.`);
      } catch (error) {
        kit.flash('warn', `Done: ${what(c)}, but reading it back failed: ${writeFailureReason(toListError(error).message)}`);
      }
    },
    readBack,
    texts: riskWriteTexts(what),
  };
}
