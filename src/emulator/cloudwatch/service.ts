import { ServiceError } from '../errors.ts';
import type { ServiceSpec } from '../service.ts';
import { getMetricData } from './get-metric-data.ts';
import type { MetricsStore } from './get-metric-data.ts';

/**
 * CloudWatch metrics as the SDK's client speaks it: AWS JSON 1.0 (`X-Amz-Target: GraniteServiceVersion20100801.
 * <Operation>`), awsQuery-compatible errors. Answers GetMetricData.
 */
export function cloudWatchService(store: MetricsStore): ServiceSpec {
  return {
    name: 'CloudWatch',
    targetPrefix: 'GraniteServiceVersion20100801.',
    contentType: 'application/x-amz-json-1.0',
    operations: new Map([['GetMetricData', (body: Record<string, unknown>) => getMetricData(store, body)]]),
    throttle: () => new ServiceError('Throttling', 'Rate exceeded'),
    internal: () => new ServiceError('InternalServiceFault', 'Internal service error.', 500),
    queryCompatible: true,
    queryCodes: {
      InvalidParameterValueException: 'InvalidParameterValue',
      MissingRequiredParameterException: 'MissingParameter',
      InvalidParameterCombinationException: 'InvalidParameterCombination',
      InternalServiceFault: 'InternalServiceError',
    },
  };
}
