import {
  DEFAULT_SHARE, describeEstimate, estimateSweep, startSweep, type SweepFinding, type SweepHandle, type SweepProgress,
} from '../sweep/index.ts';
import { writeFindingsExport } from '../export/findings-file.ts';
import { insertFinding } from './finding-list.ts';
import { emptyList, selectedItem } from './paged-list.ts';
import { userKey, type ListRef } from './routes.ts';
import type { AppActions, AppState, SweepState } from './state.ts';
import type { StoreKit } from './store-kit.ts';

type SweepActions = Pick<AppActions, 'askSweep' | 'cancelSweep' | 'openFinding' | 'exportFindings'>;

/** The pool-wide sweep: confirm with the estimated cost, run it paced, stream findings into a list, cancel, export. */
export function createSweepActions(kit: StoreKit, share = DEFAULT_SHARE, exportDir?: string): SweepActions {
  const { get, set, flash, top, push, setList, list } = kit;
  const handles = new Map<string, SweepHandle>();

  function putSweep(poolId: string, change: Partial<SweepState>) {
    set((s) => ({ sweeps: { ...s.sweeps, [poolId]: { ...s.sweeps[poolId], ...change } as SweepState } }));
  }

  function run(poolId: string, filter: string, estimatedUsers: number | undefined) {
    const ref: ListRef = { kind: 'findings', poolId };
    setList(ref, { ...emptyList<SweepFinding>(), complete: true, pagesLoaded: 1 });
    const handle = startSweep({
      gateway: kit.gw.forSweep?.() ?? kit.gw, poolId, filter, estimatedUsers, share,
      onProgress: (progress: SweepProgress) => putSweep(poolId, { progress }),
      onFinding: (finding) => setList(ref, insertFinding(list<SweepFinding>(ref), finding)),
    });
    handles.set(poolId, handle);
    putSweep(poolId, { filter, running: true, error: undefined, progress: undefined });
    push({ view: 'sweep', poolId });
    void handle.done.then((summary) => {
      handles.delete(poolId);
      putSweep(poolId, { running: false, progress: summary, error: summary.error?.message });
      const found = `${summary.riskyEvents} risky events in ${summary.riskyUsers} of ${summary.usersScanned} users`;
      if (summary.error) flash('error', `Sweep stopped: ${summary.error.message}`);
      else if (summary.phase === 'cancelled') flash('warn', `Sweep cancelled: ${found} so far.`);
      else flash('info', `Sweep done: ${found}.`);
    });
  }

  return {
    askSweep() {
      const route = top();
      if (!('poolId' in route)) return flash('warn', 'Open a pool first: a sweep reads the events of one pool\'s users.');
      const { poolId } = route;
      if (handles.has(poolId)) {
        push({ view: 'sweep', poolId });
        return flash('info', 'A sweep of this pool is already running.');
      }
      const pool = get().pools[poolId]?.value;
      if (pool && pool.threatProtection === 'OFF') {
        return flash('error', 'Threat protection is OFF for this pool: Cognito records no risk data, so there is nothing to sweep.');
      }
      const filter = get().searches[poolId] ?? '';
      const estimatedUsers = (s: AppState) => s.pools[poolId]?.value?.estimatedUsers;
      get().actions.ensurePool(poolId);
      set({
        confirm: {
          title: (s) => {
            const estimated = estimatedUsers(s)?.toLocaleString('en-US');
            const scope = filter ? `the users matching ${filter} (at most ${estimated ?? '?'})` : `${estimated ?? 'all'} users`;
            return `Sweep ${scope} of ${s.pools[poolId]?.value?.name ?? poolId} for risky events?`;
          },
          detail: (s) => {
            const estimated = estimatedUsers(s);
            const cost = estimated !== undefined ? describeEstimate(estimateSweep(estimated, share)) : 'cost unknown until the pool details load';
            return `${cost} at ${Math.round(share * 100)}% of Cognito's quotas (shared with production). Reads only; esc cancels.`;
          },
          yesLabel: 'start',
          onConfirm: () => run(poolId, filter, estimatedUsers(get())),
        },
      });
    },
    cancelSweep() {
      const route = top();
      if (route.view !== 'sweep') return false;
      const handle = handles.get(route.poolId);
      if (!handle) return false;
      handle.cancel();
      return true;
    },
    exportFindings(format) {
      const route = top();
      if (route.view !== 'sweep') return flash('warn', 'e exports a sweep\'s findings: run one first (s on a pool\'s users).');
      const { poolId } = route;
      const sweep = get().sweeps[poolId];
      const findings = list<SweepFinding>({ kind: 'findings', poolId }).items;
      if (findings.length === 0) return flash('warn', sweep?.running ? 'No risky events found yet: nothing to export.' : 'No findings to export.');
      const partial = !sweep || sweep.running || sweep.progress?.phase !== 'done';
      const dir = exportDir ?? process.cwd();
      writeFindingsExport({ dir, poolId, filter: sweep?.filter, findings, format, partial, now: kit.now() }).then(
        (path) => flash('info', `Exported ${findings.length} users with risky events to ${path}${partial ? ' (the sweep had not finished: more may exist)' : ''}`),
        (error) => flash('error', error instanceof Error ? error.message : String(error)),
      );
    },
    openFinding() {
      const route = top();
      if (route.view !== 'sweep') return;
      const finding = selectedItem(list<SweepFinding>({ kind: 'findings', poolId: route.poolId }));
      if (!finding) return;
      const { poolId } = route;
      set((s) => ({ users: { ...s.users, [userKey(poolId, finding.user.username)]: finding.user } }));
      push({ view: 'events', poolId, username: finding.user.username });
    },
  };
}
