import { ServiceError, internalError } from '../errors.ts';
import type { ServiceHandler, ServiceSpec } from '../service.ts';
import type { CognitoContext } from './context.ts';
import { OPERATIONS } from './operations/index.ts';

/** Cognito user pools (AWS JSON 1.1, `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`) over `ctx`. */
export function cognitoService(ctx: CognitoContext): ServiceSpec {
  const operations = new Map<string, ServiceHandler>();
  for (const [name, handler] of OPERATIONS) operations.set(name, (body) => handler(ctx, body));
  return {
    name: 'Cognito',
    targetPrefix: 'AWSCognitoIdentityProviderService.',
    contentType: 'application/x-amz-json-1.1',
    operations,
    throttle: () => new ServiceError('TooManyRequestsException', 'Rate exceeded'),
    internal: internalError,
  };
}
