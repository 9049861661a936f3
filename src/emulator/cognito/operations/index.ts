import type { OperationHandler } from '../context.ts';
import { adminListUserAuthEvents, adminUpdateAuthEventFeedback } from './auth-events.ts';
import { describeUserPoolClient, listUserPoolClients } from './clients.ts';
import { adminForgetDevice, adminListDevices } from './devices.ts';
import { adminAddUserToGroup, adminListGroupsForUser, adminRemoveUserFromGroup, listGroups, listUsersInGroup } from './groups.ts';
import { listUsers } from './list-users.ts';
import { getLogDeliveryConfiguration, setLogDeliveryConfiguration } from './log-delivery.ts';
import { describeUserPool, listUserPools } from './pools.ts';
import { describeRiskConfiguration } from './risk.ts';
import { setRiskConfiguration } from './set-risk.ts';
import { adminConfirmSignUp, adminDeleteUser, adminResetUserPassword } from './user-lifecycle.ts';
import { adminDisableUser, adminEnableUser, adminGetUser, adminUserGlobalSignOut } from './users.ts';

/** Every operation the emulator answers, by the name after `AWSCognitoIdentityProviderService.`. */
export const OPERATIONS: ReadonlyMap<string, OperationHandler> = new Map<string, OperationHandler>([
  ['ListUserPools', listUserPools],
  ['DescribeUserPool', describeUserPool],
  ['ListUserPoolClients', listUserPoolClients],
  ['DescribeUserPoolClient', describeUserPoolClient],
  ['ListUsers', listUsers],
  ['AdminGetUser', adminGetUser],
  ['AdminListGroupsForUser', adminListGroupsForUser],
  ['ListGroups', listGroups],
  ['ListUsersInGroup', listUsersInGroup],
  ['AdminListDevices', adminListDevices],
  ['AdminListUserAuthEvents', adminListUserAuthEvents],
  ['AdminUpdateAuthEventFeedback', adminUpdateAuthEventFeedback],
  ['DescribeRiskConfiguration', describeRiskConfiguration],
  ['AdminDisableUser', adminDisableUser],
  ['AdminEnableUser', adminEnableUser],
  ['AdminUserGlobalSignOut', adminUserGlobalSignOut],
  ['AdminResetUserPassword', adminResetUserPassword],
  ['AdminAddUserToGroup', adminAddUserToGroup],
  ['AdminRemoveUserFromGroup', adminRemoveUserFromGroup],
  ['AdminForgetDevice', adminForgetDevice],
  ['AdminConfirmSignUp', adminConfirmSignUp],
  ['AdminDeleteUser', adminDeleteUser],
  ['SetRiskConfiguration', setRiskConfiguration],
  ['GetLogDeliveryConfiguration', getLogDeliveryConfiguration],
  ['SetLogDeliveryConfiguration', setLogDeliveryConfiguration],
]);

const POOL = ['InvalidParameterException', 'ResourceNotFoundException', 'InternalErrorException'];
const USER = [...POOL, 'UserNotFoundException'];
const THREAT = ['UserPoolAddOnNotEnabledException'];

/**
 * The errors each operation's handler may answer (beside the protocol's and injected faults). Every name must be
 * declared for that operation in Cognito's service model; test/emulator/service-model.test.ts checks it there.
 */
export const OPERATION_ERRORS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['ListUserPools', ['InvalidParameterException', 'InternalErrorException']],
  ['DescribeUserPool', POOL],
  ['ListUserPoolClients', POOL],
  ['DescribeUserPoolClient', POOL],
  ['ListUsers', POOL],
  ['AdminGetUser', USER],
  ['AdminListGroupsForUser', USER],
  ['ListGroups', POOL],
  ['ListUsersInGroup', POOL],
  ['AdminListDevices', POOL],
  ['AdminListUserAuthEvents', [...USER, ...THREAT]],
  ['AdminUpdateAuthEventFeedback', [...USER, ...THREAT]],
  ['DescribeRiskConfiguration', [...POOL, ...THREAT]],
  ['AdminDisableUser', USER],
  ['AdminEnableUser', USER],
  ['AdminUserGlobalSignOut', USER],
  ['AdminResetUserPassword', USER],
  ['AdminAddUserToGroup', USER],
  ['AdminRemoveUserFromGroup', USER],
  ['AdminForgetDevice', USER],
  ['AdminConfirmSignUp', [...USER, 'NotAuthorizedException']],
  ['AdminDeleteUser', USER],
  ['SetRiskConfiguration', [...POOL, ...THREAT]],
  ['GetLogDeliveryConfiguration', POOL],
  ['SetLogDeliveryConfiguration', [...POOL, 'FeatureUnavailableInTierException']],
]);
