import { createPoolWaiter } from '../pool-waiter.ts';
import { selectedItem } from '../paged-list.ts';
import { riskKey, type ListRef } from '../routes.ts';
import type { AppState, Resource } from '../state.ts';
import { resourceKey } from '../stop-left-loads.ts';
import { toListError } from '../store-kit.ts';
import type { Slice, SliceEnv } from './env.ts';
import { pulseSlice } from './pulse-slice.ts';

/**
 * Single reads: each pool's details (DescribeUserPool), each risk configuration (the pool's, an app client's) and each
 * pool's risk pulse (CloudWatch GetMetricData, see pulse-slice.ts).
 */
export function resourcesSlice(env: SliceEnv): Slice<'pools' | 'risk' | 'pulses', 'ensurePool' | 'ensureRisk' | 'openRisk' | 'loadPulse'> {
  const { get, set, api, aborts, kit, shared } = env;
  const pulse = pulseSlice(env);
  const afterPoolDetail = createPoolWaiter(api);

  function loadResource<T>(field: 'pools' | 'risk', key: string, fetch: (signal: AbortSignal) => Promise<T>, force = false) {
    const existing = get()[field][key] as Resource<T> | undefined;
    if (!force && existing && (existing.loading || existing.value !== undefined)) return;
    const requestId = (existing?.requestId ?? 0) + 1;
    const put = (r: Resource<T>) => set((s) => ({ [field]: { ...s[field], [key]: r } }) as Partial<AppState>);
    put({ loading: true, value: existing?.value, requestId });
    fetch(aborts.signal(resourceKey(field, key), 'resource')).then(
      (value) => { if (get()[field][key]?.requestId === requestId) put({ loading: false, value, requestId }); },
      (error) => { if (get()[field][key]?.requestId === requestId) put({ loading: false, value: existing?.value, error: toListError(error), requestId }); },
    );
  }

  function ensurePool(poolId: string, force = false) {
    loadResource('pools', poolId, (signal) => kit.gw.describeUserPool(poolId, { signal }), force);
  }

  /**
   * Asks for a risk configuration only once the pool's details say threat protection is not OFF (with it OFF,
   * Cognito answers every DescribeRiskConfiguration with UserPoolAddOnNotEnabledException). While the details are
   * on their way it waits for them, and asks then only if the risk view of that pool is still open.
   */
  function ensureRisk(poolId: string, clientId?: string, force = false) {
    const pool = get().pools[poolId];
    if (pool === undefined || pool.loading) {
      ensurePool(poolId);
      afterPoolDetail(poolId, () => {
        const route = kit.top();
        if (route.view !== 'risk' || route.poolId !== poolId) return;
        ensureRisk(poolId, undefined, force);
        ensureSelectedClientRisk(poolId);
      });
      return;
    }
    if (pool.value?.threatProtection === 'OFF') return;
    loadResource('risk', riskKey(poolId, clientId), (signal) => kit.gw.describeRiskConfiguration(poolId, clientId, { signal }), force);
  }

  function ensureSelectedClientRisk(poolId: string) {
    const client = selectedItem(kit.list<{ id: string }>({ kind: 'clients', poolId }));
    if (client) ensureRisk(poolId, client.id);
  }

  shared.followSelection = (ref: ListRef) => {
    if (ref.kind === 'clients') ensureSelectedClientRisk(ref.poolId);
    if (ref.kind === 'pools') {
      const pool = selectedItem(kit.list<{ id: string }>(ref));
      if (pool) ensurePool(pool.id);
    }
  };

  return {
    state: { pools: {}, risk: {}, ...pulse.state },
    actions: { ensurePool, ensureRisk, openRisk: (poolId) => kit.push({ view: 'risk', poolId }), ...pulse.actions },
  };
}
