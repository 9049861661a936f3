import { sdkKnowsRegion } from '../gateway/sdk-regions.ts';
import { closestMatch } from './edit-distance.ts';

/**
 * AWS Regions with an Amazon Cognito user pools endpoint (cognito-idp), for completing `:region` and for
 * "did you mean". Whether a region exists is asked of the SDK's partition data (sdkKnowsRegion), not of this list.
 */
export const COGNITO_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

const REGION_SHAPE = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const POOL_ID_SHAPE = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)_[0-9A-Za-z]+$/;
const POOL_ID_MAX = 55;

/** True when `value` looks like an AWS Region name such as `eu-west-1` or `us-gov-west-1`. */
export function isRegion(value: string): boolean {
  return REGION_SHAPE.test(value);
}

/** True when `value` has the shape of a user pool id: `<region>_<letters and digits>`, at most 55 characters. */
export function isPoolId(value: string): boolean {
  return value.length <= POOL_ID_MAX && POOL_ID_SHAPE.test(value);
}

/** The region a pool id starts with, or undefined when it is not a pool id. */
export function regionOfPoolId(value: string): string | undefined {
  return isPoolId(value) ? POOL_ID_SHAPE.exec(value)?.[1] : undefined;
}

/** What `:region` makes of a name: known to the SDK, or not (with the nearest known Cognito region, if one is close). */
export type RegionCheck = { known: true } | { known: false; suggestion?: string };

/**
 * Checks a region-shaped name against the regions the SDK knows. An unknown name may be a typo (`eu-wst-1`) or a
 * region newer than the pinned SDK (`eu-north-9`); the caller asks before using it.
 */
export function checkRegion(region: string, knows: (region: string) => boolean = sdkKnowsRegion): RegionCheck {
  if (knows(region)) return { known: true };
  const suggestion = closestMatch(region, COGNITO_REGIONS.filter((r) => r !== region));
  return suggestion ? { known: false, suggestion } : { known: false };
}
