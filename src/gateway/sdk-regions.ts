import { partition } from '@aws-sdk/core/client';

/**
 * True when the AWS SDK's own partition data (the endpoints ruleset's partitions, shipped with the pinned SDK)
 * names `region`. A region newer than the SDK is not named yet, though the SDK can still call it.
 */
export function sdkKnowsRegion(region: string): boolean {
  try {
    return (partition(region) as { description?: string }).description !== undefined;
  } catch {
    return false;
  }
}
