import type { ConfigState } from './config-types.ts';

/**
 * The CloudWatch Logs group the config names for a pool (`pools.<id>.logGroup`), for the Logs Insights queries;
 * undefined when it names none. A `--log-group` flag wins over it.
 */
export function configuredLogGroup(config: Pick<ConfigState, 'pools'>, poolId: string): string | undefined {
  return config.pools[poolId]?.logGroup;
}
