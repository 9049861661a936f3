import { definePools } from './pool-definitions.ts';
import { PoolStore } from './pool-store.ts';
import { LARGE_POOL_ID } from '../well-known-ids.ts';

/** Seed used when none is given. */
export const DEFAULT_SEED = 20_240_601;

/** Number of users in the large pool when none is given. */
export const DEFAULT_LARGE_POOL_USERS = 20_000;

/** What the world is generated from; the same inputs always give the same data. */
export interface SeedInput {
  seed: number;
  now: number;
  hostile: boolean;
  usersInLargePool: number;
}

/** Every pool, in ListUserPools order, and by id. Users are generated on first use. */
export interface SeededWorld {
  pools: PoolStore[];
  byId: Map<string, PoolStore>;
}

/** Defines all pools deterministically from the seed input; see {@link PoolStore} for when data is generated. */
export function seedWorld(input: SeedInput): SeededWorld {
  const pools = definePools(input.now, input.usersInLargePool).map((def) => {
    const isLarge = def.id === LARGE_POOL_ID;
    return new PoolStore(def, { seed: input.seed, now: input.now, withVictim: isLarge, hostile: isLarge && input.hostile });
  });
  return { pools, byId: new Map(pools.map((p) => [p.def.id, p])) };
}
