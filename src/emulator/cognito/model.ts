import type { FilterableUser } from '../../domain/user-filter.ts';

/** Threat-protection mode of a pool (`UserPoolAddOns.AdvancedSecurityMode`). */
export type AdvancedSecurityMode = 'OFF' | 'AUDIT' | 'ENFORCED';

/** Feature plan of a pool (`UserPoolTier`). */
export type UserPoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS';

/** Cognito's account states for a user (`UserStatus`). */
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'EXTERNAL_PROVIDER'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD';

/** A user's MFA setup as AdminGetUser reports it. */
export interface MfaSettings {
  preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';
  enabled: ReadonlyArray<'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'>;
}

/** What kind of story a user belongs to, which decides how their auth events are generated. */
export type UserKind = 'normal' | 'takeover' | 'hostile';

/** One user of a pool. Timestamps are epoch milliseconds; `enabled` and `modifiedAt` change at run time. */
export interface UserRecord extends FilterableUser {
  ordinal: number;
  createdAt: number;
  modifiedAt: number;
  mfa: MfaSettings;
  locale: number;
  city: number;
  kind: UserKind;
}

/** A group and its members (by user ordinal). */
export interface GroupRecord {
  name: string;
  description: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  modifiedAt: number;
  members: number[];
}

/** Actions for one account-takeover risk level. */
export interface RiskAction {
  Notify: boolean;
  EventAction: 'BLOCK' | 'MFA_IF_CONFIGURED' | 'MFA_REQUIRED' | 'NO_ACTION';
}

/**
 * A risk configuration as DescribeRiskConfiguration returns it, minus the ids and with the date in ms. A section
 * SetRiskConfiguration did not send is absent.
 */
export interface RiskConfigurationRecord {
  compromisedCredentials?: { EventFilter?: string[]; Actions: { EventAction: 'BLOCK' | 'NO_ACTION' } };
  accountTakeover?: {
    NotifyConfiguration?: Record<string, unknown>;
    Actions: { LowAction?: RiskAction; MediumAction?: RiskAction; HighAction?: RiskAction };
  };
  riskExceptions?: { BlockedIPRangeList?: string[]; SkippedIPRangeList?: string[] };
  lastModifiedAt: number;
}

/** An app client of a pool. */
export interface ClientRecord {
  id: string;
  name: string;
  secret?: string;
  createdAt: number;
  modifiedAt: number;
  authFlows: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  oauthFlows: string[];
  oauthScopes: string[];
  refreshTokenDays: number;
  risk?: RiskConfigurationRecord;
}

/**
 * How users sign in: by a chosen username with email/preferred_username aliases (`AliasAttributes`), by email
 * (`UsernameAttributes`, username = sub), or by a chosen username alone (no alias: an email or phone number names
 * nobody in admin calls).
 */
export type UsernameMode = 'alias' | 'email' | 'username';

/** Static description of a pool; users are generated separately. */
export interface PoolDefinition {
  id: string;
  name: string;
  mode: AdvancedSecurityMode;
  tier: UserPoolTier;
  mfa: 'OFF' | 'ON' | 'OPTIONAL';
  usernameMode: UsernameMode;
  userCount: number;
  createdAt: number;
  modifiedAt: number;
  domain?: string;
  customAttributes: string[];
  emailFrom: string;
  tags: Record<string, string>;
  clients: ClientRecord[];
  risk?: RiskConfigurationRecord;
  deviceTracking: boolean;
}

/** One auth event, as stored before serialisation (dates in epoch ms). */
export interface AuthEventRecord {
  EventId: string;
  EventType: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
  createdAt: number;
  EventResponse: 'Pass' | 'Fail' | 'InProgress';
  EventRisk: {
    RiskDecision: 'NoRisk' | 'AccountTakeover' | 'Block';
    RiskLevel?: 'Low' | 'Medium' | 'High';
    CompromisedCredentialsDetected: boolean;
  };
  ChallengeResponses: Array<{ ChallengeName: 'Password' | 'Mfa'; ChallengeResponse: 'Success' | 'Failure' }>;
  EventContextData: { IpAddress: string; DeviceName: string; Timezone: string; City: string; Country: string };
  feedback?: AuthEventFeedback;
}

/** Feedback attached to an auth event. */
export interface AuthEventFeedback {
  FeedbackValue: 'Valid' | 'Invalid';
  Provider: string;
  feedbackAt: number;
}

/** A remembered device of a user. */
export interface DeviceRecord {
  key: string;
  name: string;
  lastIp: string;
  remembered: boolean;
  createdAt: number;
  modifiedAt: number;
  lastAuthenticatedAt: number;
}
