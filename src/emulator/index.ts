import { once } from 'node:events';
import { Adversary } from './adversary.ts';
import { AuthEventStore } from './cognito/auth-event-store.ts';
import type { CognitoContext } from './cognito/context.ts';
import { TokenCodec } from './cognito/paging.ts';
import { DEFAULT_LARGE_POOL_USERS, DEFAULT_SEED, seedWorld } from './cognito/seed.ts';
import type { SeededWorld } from './cognito/seed.ts';
import { activityConfiguration, activityLogGroupName, DEMO_DESTINATIONS } from './cognito/log-delivery.ts';
import type { ActivityDestination, LogConfiguration } from './cognito/log-delivery.ts';
import { PoolActivity } from './cognito/pool-activity.ts';
import { cognitoService } from './cognito/service.ts';
import { MetricsStore } from './cloudwatch/get-metric-data.ts';
import { cloudWatchService } from './cloudwatch/service.ts';
import { LogsStore } from './logs/logs-store.ts';
import { logsService } from './logs/service.ts';
import { syntheticActivity } from './logs/synthetic-activity.ts';
import { FaultInjector } from './faults.ts';
import { createEmulatorServer } from './server.ts';
import { LARGE_POOL_ID } from './well-known-ids.ts';
import type { EmulatorOptions, RecordedRequest, RunningEmulator } from './types.ts';

export type {
  AdversaryBehaviour, AdversaryMode, AdversarySettings, EmulatedPool, EmulatorFaults, EmulatorOptions, RecordedRequest, RunningEmulator,
  WrongTypesVariant,
} from './types.ts';
export type { ActivityDestination } from './cognito/log-delivery.ts';
export type { SyntheticActivity } from './logs/synthetic-activity.ts';
export { activityLogGroupName } from './cognito/log-delivery.ts';
export { ADVERSARY_MODES, DEFAULT_SLOWLORIS_INTERVAL_MS, EVERY_OPERATION } from './adversary.ts';
export {
  AUDIT_POOL_ID,
  DEMO_REGION,
  EMPTY_POOL_ID,
  LARGE_POOL_ID,
  LARGE_POOL_WEB_CLIENT_ID,
  OFF_POOL_ID,
  OVERRIDE_RISK_CLIENT_ID,
  TAKEOVER_EMAIL,
  TAKEOVER_SUB,
  TAKEOVER_USERNAME,
} from './well-known-ids.ts';

const WARM_UP_SLICE = 2_000;

function warmUpInBackground(world: SeededWorld): () => void {
  let handle: NodeJS.Immediate | undefined;
  const pending = [...world.pools];
  const step = (): void => {
    handle = undefined;
    const pool = pending[0];
    if (pool === undefined) return;
    if (pool.advance(WARM_UP_SLICE)) pending.shift();
    handle = setImmediate(step);
  };
  handle = setImmediate(step);
  return () => {
    if (handle !== undefined) clearImmediate(handle);
    pending.length = 0;
  };
}

/**
 * Starts a Cognito emulator on 127.0.0.1. Pools are defined at once; their users are generated in small
 * slices after the server is listening (or at once when a request needs them), and auth events per user
 * on first request.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? Date.now();
  const startedAt = performance.now();
  const world = seedWorld({
    seed,
    now,
    hostile: options.hostile === true,
    usersInLargePool: options.usersInLargePool ?? DEFAULT_LARGE_POOL_USERS,
  });
  const clock = (): number => now + Math.round(performance.now() - startedAt);
  const logs = new LogsStore(clock, { queryLatencyMs: options.queryLatencyMs, maxConcurrentQueries: options.maxConcurrentQueries });
  const logDelivery = new Map<string, LogConfiguration[]>();
  const activity = new Map(world.pools.map((p) => [p.def.id, new PoolActivity(seed, now, p)]));
  for (const pool of world.pools) {
    const destination: ActivityDestination = options.logDelivery?.[pool.def.id] ?? DEMO_DESTINATIONS[pool.def.id] ?? 'none';
    logDelivery.set(pool.def.id, activityConfiguration(pool.def.id, destination));
    if (destination !== 'cloudwatch') continue;
    const bulk = options.syntheticActivity;
    const clientIds = pool.def.clients.map((c) => c.id);
    const filler = pool.def.mode === 'OFF'
      ? undefined
      : bulk !== undefined && pool.def.id === LARGE_POOL_ID
        ? syntheticActivity(bulk, seed, now, pool.def.id, clientIds)
        : activity.get(pool.def.id)?.exportFiller();
    logs.addGroup(activityLogGroupName(pool.def.id), pool.def.createdAt, filler);
  }
  const ctx: CognitoContext = {
    world,
    seed,
    now,
    clock,
    tokens: new TokenCodec(`cognito-emulator:${seed}:${now}`),
    events: new AuthEventStore(seed, now),
    logDelivery,
    logGroupExists: (arn) => [...logs.groups.values()].some((g) => g.arn === arn.replace(/:\*$/, '')),
  };
  const metrics = new MetricsStore((poolId) => activity.get(poolId)?.metricSeries());
  const faults = new FaultInjector(seed, options.faults);
  const adversary = new Adversary(options.adversary);
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createEmulatorServer({
    services: [cognitoService(ctx), logsService(logs), cloudWatchService(metrics)],
    faults,
    adversary,
    requests,
    track: (t) => timers.add(t),
    untrack: (t) => timers.delete(t),
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The emulator did not get a TCP port.');
  const stopWarmUp = warmUpInBackground(world);
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    pools: world.pools.map(({ def, userCount }) => ({ id: def.id, name: def.name, mode: def.mode, tier: def.tier, userCount })),
    setFaults: (f) => faults.set(f),
    fillLogs: async () => {
      await logs.prefill();
      for (const p of world.pools) await metrics.seriesFor(p.def.id);
      let events = 0;
      let bytes = 0;
      for (const g of logs.groups.values()) {
        events += g.table.length;
        bytes += g.table.bytes();
      }
      return { events, bytes };
    },
    setAdversary: (settings) => adversary.set(settings),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        stopWarmUp();
        logs.close();
        metrics.close();
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
