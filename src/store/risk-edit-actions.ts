import type { RiskEdit } from '../domain/risk-edit.ts';
import { refuseReadOnly } from '../writes/run-write.ts';
import { riskEditSpec } from '../writes/risk-edit-spec.ts';
import { writeFailureReason } from './feedback-text.ts';
import { askUntilSettled, riskPlace } from './ip-range-actions.ts';
import type { AppActions } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/**
 * `:risk-set` on the open pool, or on the app client selected in the risk view (starting from its effective
 * configuration): reads the configuration, shows the diff, writes it through runWrite, reads it back.
 */
export function createRiskEditActions(kit: StoreKit): Pick<AppActions, 'askRiskEdit' | 'proposeRiskEdit'> {
  const { get, set, flash } = kit;
  return {
    askRiskEdit(edit: RiskEdit) {
      if (refuseReadOnly(kit)) return;
      const where = riskPlace(kit);
      if (!where) return flash('warn', 'Open a pool first: :risk-set changes a pool\'s (or an app client\'s) risk configuration.');
      const { poolId } = where;
      const client = edit.scope === 'pool' ? undefined : where.client;
      if (edit.scope === 'client' && !client) return flash('warn', 'No app client configuration loaded: select a client in the risk view (:risk) and press enter, or use :risk-set pool ….');
      if (get().pools[poolId]?.value?.threatProtection === 'OFF') return flash('warn', `Threat protection is off for pool ${poolId}: it has no risk configuration to change.`);
      flash('info', 'Reading the risk configuration…');
      kit.gw.describeRiskConfiguration(poolId, client?.id).then(
        (base) => askUntilSettled(kit, (holder, change) => riskEditSpec(kit, holder, change), { poolId, clientId: client?.id, clientName: client?.name, edit, base }),
        (error: unknown) => flash('error', `Could not read the risk configuration: ${writeFailureReason(toListError(error).message)} Nothing was sent.`),
      );
    },
    proposeRiskEdit() {
      if (refuseReadOnly(kit)) return;
      set({ prompt: { kind: 'command', text: 'risk-set ' } });
    },
  };
}
