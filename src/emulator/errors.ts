/** An AWS service error: `type` becomes `__type` and `x-amzn-ErrorType`, `status` the HTTP status. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Members the error answer carries besides `__type` and `message` (e.g. Logs Insights' `queryCompileError`). */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** InvalidParameterException with the given message (Cognito and CloudWatch Logs both declare it). */
export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

/** The HTTP 500 InternalErrorException (Cognito's name) for an unexpected failure (or an injected one). */
export function internalError(): ServiceError {
  return new ServiceError('InternalErrorException', 'An internal error occurred.', 500);
}

/**
 * Errors of the AWS JSON protocols themselves, which any operation may answer whatever its model declares: a body
 * that is not JSON or a member of the wrong JSON type (SerializationException), an X-Amz-Target naming no operation
 * (UnknownOperationException).
 */
export const PROTOCOL_ERRORS: readonly string[] = ['SerializationException', 'UnknownOperationException'];
