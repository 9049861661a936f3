/** A Cognito error: `type` becomes `__type` and `x-amzn-ErrorType`, `status` the HTTP status. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** InvalidParameterException with the given message. */
export function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message);
}

/** The error Cognito gives for a user that does not exist. */
export function userNotFound(): CognitoError {
  return new CognitoError('UserNotFoundException', 'User does not exist.');
}

/**
 * The error for a user that does not exist in an operation whose model declares no UserNotFoundException
 * (AdminListDevices declares ResourceNotFoundException for what it cannot find).
 */
export function userNotFoundAsResource(): CognitoError {
  return new CognitoError('ResourceNotFoundException', 'User does not exist.');
}

/** The error Cognito gives for an unknown user pool id. */
export function poolNotFound(poolId: string): CognitoError {
  return new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
}

/** The error Cognito gives for an unknown app client id. */
export function clientNotFound(clientId: string): CognitoError {
  return new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

/** The error for threat-protection operations on a pool whose AdvancedSecurityMode is OFF. */
export function addOnNotEnabled(poolId: string): CognitoError {
  return new CognitoError(
    'UserPoolAddOnNotEnabledException',
    `Threat protection (advanced security features) is not enabled for user pool ${poolId}.`,
  );
}

/** The HTTP 500 InternalErrorException for an unexpected failure (or an injected one). */
export function internalError(): CognitoError {
  return new CognitoError('InternalErrorException', 'An internal error occurred.', 500);
}

/**
 * Errors of the AWS JSON 1.1 protocol itself, which any operation may answer whatever its model declares: a body
 * that is not JSON or a member of the wrong JSON type (SerializationException), an X-Amz-Target naming no operation
 * (UnknownOperationException).
 */
export const PROTOCOL_ERRORS: readonly string[] = ['SerializationException', 'UnknownOperationException'];
