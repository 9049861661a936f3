import { ServiceError } from '../errors.ts';

/** The error Cognito gives for a user that does not exist. */
export function userNotFound(): ServiceError {
  return new ServiceError('UserNotFoundException', 'User does not exist.');
}

/**
 * The error for a user that does not exist in an operation whose model declares no UserNotFoundException
 * (AdminListDevices declares ResourceNotFoundException for what it cannot find).
 */
export function userNotFoundAsResource(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'User does not exist.');
}

/** The error Cognito gives for an unknown user pool id. */
export function poolNotFound(poolId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
}

/** The error Cognito gives for an unknown app client id. */
export function clientNotFound(clientId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

/** The error for threat-protection operations on a pool whose AdvancedSecurityMode is OFF. */
export function addOnNotEnabled(poolId: string): ServiceError {
  return new ServiceError(
    'UserPoolAddOnNotEnabledException',
    `Threat protection (advanced security features) is not enabled for user pool ${poolId}.`,
  );
}
