import type {
  AuthEventFeedback,
  AuthEventRecord,
  ClientRecord,
  DeviceRecord,
  GroupRecord,
  PoolDefinition,
  RiskConfigurationRecord,
  UserRecord,
} from './model.ts';
import { DEMO_ACCOUNT_ID, DEMO_REGION } from '../well-known-ids.ts';

/** Epoch milliseconds as the epoch seconds (fractional) Cognito puts on the wire. */
export const seconds = (ms: number): number => ms / 1000;

type Attribute = { Name: string; Value: string };

function attributeList(user: UserRecord, only?: ReadonlySet<string>): Attribute[] {
  const list: Attribute[] = [];
  for (const name in user.attributes) {
    if (only === undefined || only.has(name)) list.push({ Name: name, Value: user.attributes[name] });
  }
  return list;
}

function smsOptions(user: UserRecord): Array<{ DeliveryMedium: 'SMS'; AttributeName: 'phone_number' }> | undefined {
  return user.mfa.enabled.includes('SMS_MFA') ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : undefined;
}

function userFields(user: UserRecord, attributesKey: 'Attributes' | 'UserAttributes', only?: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Username: user.username,
    [attributesKey]: attributeList(user, only),
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.userStatus,
  };
  const mfa = smsOptions(user);
  if (mfa !== undefined) out.MFAOptions = mfa;
  return out;
}

/** A user as ListUsers and ListUsersInGroup return it (`UserType`). */
export function userType(user: UserRecord, only?: ReadonlySet<string>): Record<string, unknown> {
  return userFields(user, 'Attributes', only);
}

/** A user as AdminGetUser returns it; MFA fields appear only when the user has MFA set up. */
export function adminGetUserResponse(user: UserRecord): Record<string, unknown> {
  const out = userFields(user, 'UserAttributes');
  if (user.mfa.preferred !== undefined) out.PreferredMfaSetting = user.mfa.preferred;
  if (user.mfa.enabled.length > 0) out.UserMFASettingList = [...user.mfa.enabled];
  return out;
}

/** A group (`GroupType`). */
export function groupType(poolId: string, group: GroupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    GroupName: group.name,
    UserPoolId: poolId,
    Description: group.description,
    LastModifiedDate: seconds(group.modifiedAt),
    CreationDate: seconds(group.createdAt),
  };
  if (group.roleArn !== undefined) out.RoleArn = group.roleArn;
  if (group.precedence !== undefined) out.Precedence = group.precedence;
  return out;
}

/** A device (`DeviceType`). */
export function deviceType(device: DeviceRecord): Record<string, unknown> {
  return {
    DeviceKey: device.key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: device.name },
      { Name: 'dev:device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' },
      { Name: 'last_ip_used', Value: device.lastIp },
    ],
    DeviceCreateDate: seconds(device.createdAt),
    DeviceLastModifiedDate: seconds(device.modifiedAt),
    DeviceLastAuthenticatedDate: seconds(device.lastAuthenticatedAt),
  };
}

/** An auth event (`AuthEventType`); `feedback` overrides the feedback the event was generated with. */
export function authEventType(event: AuthEventRecord, feedback: AuthEventFeedback | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    EventId: event.EventId,
    EventType: event.EventType,
    CreationDate: seconds(event.createdAt),
    EventResponse: event.EventResponse,
    EventRisk: { ...event.EventRisk },
    ChallengeResponses: event.ChallengeResponses.map((c) => ({ ...c })),
    EventContextData: { ...event.EventContextData },
  };
  const fb = feedback ?? event.feedback;
  if (fb !== undefined) {
    out.EventFeedback = { FeedbackValue: fb.FeedbackValue, Provider: fb.Provider, FeedbackDate: seconds(fb.feedbackAt) };
  }
  return out;
}

/** A pool as ListUserPools describes it (`UserPoolDescriptionType`). */
export function poolDescription(def: PoolDefinition): Record<string, unknown> {
  return {
    Id: def.id,
    Name: def.name,
    LambdaConfig: lambdaConfig(def),
    LastModifiedDate: seconds(def.modifiedAt),
    CreationDate: seconds(def.createdAt),
  };
}

/** The pool's Lambda triggers. */
export function lambdaConfig(def: PoolDefinition): Record<string, unknown> {
  if (def.mode !== 'ENFORCED') return {};
  const fn = (name: string) => `arn:aws:lambda:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:function:${def.name}-${name}`;
  return { PreSignUp: fn('pre-sign-up'), PostConfirmation: fn('post-confirmation'), PreTokenGeneration: fn('pre-token-generation') };
}

/** An app client summary as ListUserPoolClients returns it. */
export function clientSummary(poolId: string, client: ClientRecord): Record<string, unknown> {
  return { ClientId: client.id, UserPoolId: poolId, ClientName: client.name };
}

/** A risk configuration (`RiskConfigurationType`); `clientId` is present only for a client-level one. */
export function riskConfigurationType(poolId: string, clientId: string | undefined, risk: RiskConfigurationRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { UserPoolId: poolId };
  if (clientId !== undefined) out.ClientId = clientId;
  if (risk.compromisedCredentials) out.CompromisedCredentialsRiskConfiguration = structuredClone(risk.compromisedCredentials);
  if (risk.accountTakeover) out.AccountTakeoverRiskConfiguration = structuredClone(risk.accountTakeover);
  if (risk.riskExceptions) out.RiskExceptionConfiguration = structuredClone(risk.riskExceptions);
  out.LastModifiedDate = seconds(risk.lastModifiedAt);
  return out;
}
