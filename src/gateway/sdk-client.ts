/**
 * The client and the commands the gateway sends, and nothing else of the SDK: importing them by name lets the
 * bundle leave out the other operations' commands and schemas.
 */
export {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
