import type { AuthEventStore } from './auth-event-store.ts';
import { addOnNotEnabled, clientNotFound, poolNotFound, userNotFound } from './errors.ts';
import type { LogConfiguration } from './log-delivery.ts';
import type { ClientRecord, UserRecord } from './model.ts';
import type { TokenCodec } from './paging.ts';
import type { PoolStore } from './pool-store.ts';
import type { SeededWorld } from './seed.ts';

/** Everything a Cognito operation handler may read or change. */
export interface CognitoContext {
  world: SeededWorld;
  seed: number;
  /** The fixed "now" the data was generated against (epoch ms). */
  now: number;
  /** Current emulated time: `now` plus the real time elapsed since the emulator started (epoch ms). */
  clock(): number;
  tokens: TokenCodec;
  events: AuthEventStore;
  /** Each pool's log export settings (GetLogDeliveryConfiguration), by pool id. */
  logDelivery: Map<string, LogConfiguration[]>;
  /** Whether the emulated account has a log group with this ARN (SetLogDeliveryConfiguration checks it). */
  logGroupExists(arn: string): boolean;
}

/** An operation: takes the parsed JSON body and returns the JSON response, or throws a ServiceError. */
export type OperationHandler = (ctx: CognitoContext, body: Record<string, unknown>) => unknown;

/** The pool with this id, or ResourceNotFoundException. */
export function requirePool(ctx: CognitoContext, poolId: string): PoolStore {
  const pool = ctx.world.byId.get(poolId);
  if (pool === undefined) throw poolNotFound(poolId);
  return pool;
}

/** The user known by this username, alias or sub, or UserNotFoundException. */
export function requireUser(pool: PoolStore, name: string): UserRecord {
  const user = pool.findUser(name);
  if (user === undefined) throw userNotFound();
  return user;
}

/** The pool's app client with this id, or ResourceNotFoundException. */
export function requireClient(pool: PoolStore, clientId: string): ClientRecord {
  const client = pool.def.clients.find((c) => c.id === clientId);
  if (client === undefined) throw clientNotFound(clientId);
  return client;
}

/** UserPoolAddOnNotEnabledException unless the pool has threat protection (AUDIT or ENFORCED). */
export function requireThreatProtection(pool: PoolStore): void {
  if (pool.def.mode === 'OFF') throw addOnNotEnabled(pool.def.id);
}
