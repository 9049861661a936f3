import { bulkUserSpec, type BulkUserWrite } from '../writes/bulk-user-specs.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import type { User } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import { isUserListKind, markId, rowUser } from './list-rows.ts';
import { changeMarks, marksOf } from './mark-actions.ts';
import { selectedItem } from './paged-list.ts';
import type { ListRef } from './routes.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** The users a bulk write acts on: the marked rows of the list, else the row under the cursor. */
function bulkUsers(kit: StoreKit, ref: ListRef): { users: User[]; marked: boolean } {
  const rows = kit.list(ref).items;
  const marks = marksOf(kit.get(), ref);
  const marked = Object.keys(marks).length > 0 ? rows.filter((row) => marks[markId(ref, row)]) : [];
  if (marked.length > 0) return { users: marked.map((row) => rowUser(ref, row)!), marked: true };
  const row = selectedItem(displayedList(kit.get(), ref) ?? kit.list(ref));
  const user = row === undefined ? undefined : rowUser(ref, row);
  return { users: user ? [user] : [], marked: false };
}

/**
 * Writes on many users of a list at once (`ref`: users, sweep findings, any list of users): the marked ones, else
 * the one under the cursor; one confirmation with the count, then `runWrite` sends each once, paced.
 */
export function createBulkActions(kit: StoreKit, intervalMs?: number): Pick<AppActions, 'askBulkUserWrite'> {
  const { flash } = kit;
  return {
    askBulkUserWrite(ref, write: BulkUserWrite) {
      if (refuseReadOnly(kit)) return;
      if (!('poolId' in ref) || !isUserListKind(ref.kind)) return;
      const running = kit.get().writeProgress;
      if (running) return flash('warn', `${running.label} is still being sent (${running.done}/${running.total}): wait for it, so that writes stay under Cognito's quotas.`);
      const { users, marked } = bulkUsers(kit, ref);
      if (users.length === 0) return flash('warn', 'No user selected: move to a user, or mark users with space or *.');
      const already = write === 'disable' ? users.filter((u) => u.enabled === false) : [];
      if (already.length === users.length) {
        return flash('info', users.length === 1 ? `${users[0].username} is already disabled.` : `All ${users.length} marked users are already disabled.`);
      }
      const skipped = already.length > 0 ? ` ${already.length} already disabled ${already.length === 1 ? 'is' : 'are'} left out.` : '';
      const targets = users.filter((u) => !already.includes(u)).map((u) => ({ poolId: ref.poolId, username: u.username }));
      void runWrite(kit, bulkUserSpec(kit, write, ref, skipped), targets, { intervalMs }).then((run) => {
        if (run.status === 'sent' && marked && already.length > 0) changeMarks(kit, ref, Object.fromEntries(already.map((u) => [u.username, false])));
      });
    },
  };
}
