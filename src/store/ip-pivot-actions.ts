import { journalMarker } from '../writes/journal-marker.ts';
import { PIVOT_ACTION } from '../writes/playbook-journal.ts';
import { describeIpPivotScope, ipPivotScope } from './ip-pivot-list.ts';
import { listKey } from './routes.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';


/** Opening the IP pivot: the view, then one journal line with the address, what was searched and how many users were found. */
export function createIpPivotActions(kit: StoreKit): Pick<AppActions, 'openIpPivot'> {
  return {
    openIpPivot(poolId, address, via) {
      kit.push({ view: 'ip', poolId, address });
      const users = kit.get().lists[listKey({ kind: 'ip', poolId, address })]?.items.length ?? 0;
      const source = describeIpPivotScope(ipPivotScope(kit.get(), poolId));
      void journalMarker(kit, {
        poolId, action: PIVOT_ACTION, write: 'IP pivot', username: '', label: `${address} (${users} user${users === 1 ? '' : 's'} found)`,
        parameters: { address, via, source, users: String(users) },
      }).then((failure) => { if (failure) kit.flash('warn', `The pivot is not journaled: ${failure}.`); });
    },
  };
}
