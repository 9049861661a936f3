/**
 * AWS Regions with an Amazon Cognito user pools endpoint (cognito-idp), for completing `:region`. A region
 * missing here is still accepted when it has the shape of a region.
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
