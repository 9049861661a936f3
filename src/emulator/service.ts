import type { ServiceError } from './errors.ts';

/**
 * One operation of a service: takes the parsed JSON body and returns the JSON answer (or a promise of it, for work
 * done in slices), or throws (rejects with) a ServiceError.
 */
export type ServiceHandler = (body: Record<string, unknown>) => unknown;

/** One AWS service the emulator hosts on its single port, told apart by the `X-Amz-Target` prefix. */
export interface ServiceSpec {
  /** The name the banner and recorded requests use, e.g. 'Cognito', 'CloudWatch Logs'. */
  name: string;
  /** The `X-Amz-Target` prefix, dot included, e.g. 'Logs_20140328.'. */
  targetPrefix: string;
  /** The AWS JSON content type it answers with (1.0 or 1.1). */
  contentType: string;
  operations: ReadonlyMap<string, ServiceHandler>;
  /** The error an injected throttle answers with. */
  throttle(): ServiceError;
  /** The error an injected internal failure answers with (HTTP 500). */
  internal(): ServiceError;
  /** awsQuery-compatible JSON (CloudWatch): errors also carry `x-amzn-query-error: Code;Sender|Receiver`. */
  queryCompatible?: boolean;
  /** The awsQuery error code of an exception, where it differs from the exception's name. */
  queryCodes?: Readonly<Record<string, string>>;
}

/** The service an `X-Amz-Target` value names, and the operation after its prefix. */
export function routeTarget(services: readonly ServiceSpec[], target: string): { service?: ServiceSpec; operation: string } {
  for (const service of services) {
    if (target.startsWith(service.targetPrefix)) return { service, operation: target.slice(service.targetPrefix.length) };
  }
  return { operation: target };
}
