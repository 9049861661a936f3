import type { LogsGateway } from './logs-types.ts';

/** One page of any Cognito list; `nextToken` is absent on the last page, whatever Cognito calls its token. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Items the gateway asks Cognito for per page of every list (60, the most ListUsers and the event list return). */
export const PAGE_SIZE = 60;

/** Threat protection (advanced security) mode of a pool. */
export type ThreatProtectionMode = 'OFF' | 'AUDIT' | 'ENFORCED';

/** A user pool as ListUserPools returns it. */
export interface PoolSummary {
  id: string;
  name: string;
  createdAt?: number;
  modifiedAt?: number;
}

/** A user pool as DescribeUserPool returns it, reduced to what the app shows. */
export interface PoolDetail {
  id: string;
  name: string;
  arn?: string;
  tier?: string;
  threatProtection: ThreatProtectionMode;
  estimatedUsers?: number;
  mfa?: string;
  deletionProtection?: string;
  usernameAttributes: string[];
  aliasAttributes: string[];
  createdAt?: number;
  modifiedAt?: number;
  /** UsernameConfiguration.CaseSensitive; absent when Cognito did not say. */
  caseSensitive?: boolean;
  /**
   * Whether the pool has an SMS configuration (an SNS role), without which SMS MFA cannot be offered. DescribeUserPool
   * does not say which MFA factors are enabled (that is GetUserPoolMfaConfig), so TOTP and email MFA are not known here.
   */
  smsConfigured?: boolean;
  passwordPolicy?: PasswordPolicy;
  /** AccountRecoverySetting.RecoveryMechanisms, in the order Cognito answered them. */
  accountRecovery?: RecoveryMechanism[];
  /** Lambda trigger name (PreSignUp, CustomSMSSender…) → function ARN. */
  lambdaTriggers?: Record<string, string>;
  email?: EmailSettings;
  /** SmsConfiguration without its ExternalId, which the gateway never passes on. */
  sms?: SmsSettings;
  autoVerifiedAttributes?: string[];
}

/** A pool's password rules (Policies.PasswordPolicy), each as Cognito answered it. */
export interface PasswordPolicy {
  minLength?: number;
  requireUppercase?: boolean;
  requireLowercase?: boolean;
  requireNumbers?: boolean;
  requireSymbols?: boolean;
  temporaryPasswordValidityDays?: number;
  /** How many previous passwords a new one may not repeat (Essentials and Plus plans only). */
  passwordHistorySize?: number;
}

/** One account-recovery mechanism (verified_email, verified_phone_number, admin_only); 1 is tried first. */
export interface RecoveryMechanism {
  name: string;
  priority?: number;
}

/** How a pool sends email (EmailConfiguration). */
export interface EmailSettings {
  /** COGNITO_DEFAULT or DEVELOPER (Amazon SES). */
  sendingAccount?: string;
  sourceArn?: string;
  from?: string;
  replyTo?: string;
  configurationSet?: string;
}

/** How a pool sends SMS (SmsConfiguration), minus the ExternalId. */
export interface SmsSettings {
  snsCallerArn?: string;
  snsRegion?: string;
}

/** An app client of a pool. */
export interface AppClient {
  id: string;
  name: string;
}

/** A token lifetime of an app client: `value` in `unit` (seconds, minutes, hours or days). */
export interface TokenValidity {
  value?: number;
  /** Absent when Cognito sent no TokenValidityUnits: Cognito then counts access and ID tokens in hours, refresh tokens in days. */
  unit?: string;
}

/** An app client as DescribeUserPoolClient returns it, without its secret: the gateway keeps only whether it has one. */
export interface AppClientDetail {
  id: string;
  name: string;
  /** ExplicitAuthFlows. */
  authFlows: string[];
  oauthFlows: string[];
  oauthScopes: string[];
  allowedOAuthFlowsUserPoolClient?: boolean;
  callbackUrls: string[];
  logoutUrls: string[];
  defaultRedirectUri?: string;
  supportedIdentityProviders: string[];
  accessTokenValidity: TokenValidity;
  idTokenValidity: TokenValidity;
  refreshTokenValidity: TokenValidity;
  /** Minutes an authentication session token stays valid. */
  authSessionValidity?: number;
  /** ENABLED or LEGACY. */
  preventUserExistenceErrors?: string;
  enableTokenRevocation?: boolean;
  enablePropagateAdditionalUserContextData?: boolean;
  readAttributes: string[];
  writeAttributes: string[];
  createdAt?: number;
  modifiedAt?: number;
  hasSecret: boolean;
}

/** A user as ListUsers returns it; times are epoch milliseconds. */
export interface User {
  username: string;
  enabled: boolean;
  status: string;
  createdAt?: number;
  modifiedAt?: number;
  attributes: Record<string, string>;
  mfaOptions: string[];
  /** A list row that keeps only what the list shows; opening the user reads the whole row again. */
  partial?: boolean;
}

/** A group of a pool (ListGroups) or of a user (AdminListGroupsForUser). */
export interface Group {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt?: number;
  modifiedAt?: number;
}

/** A device remembered for a user. */
export interface Device {
  key: string;
  name?: string;
  createdAt?: number;
  lastAuthenticatedAt?: number;
  attributes: Record<string, string>;
}

/** Feedback value Cognito accepts: Valid trusts the session, Invalid distrusts it. */
export type FeedbackValue = 'Valid' | 'Invalid';

/** One authentication event of a user; times are epoch milliseconds. */
export interface AuthEvent {
  id: string;
  type?: string;
  createdAt?: number;
  response?: string;
  riskDecision?: string;
  riskLevel?: string;
  compromisedCredentials?: boolean;
  challenges: { name?: string; response?: string }[];
  ip?: string;
  device?: string;
  timezone?: string;
  city?: string;
  country?: string;
  feedback?: { value?: string; provider?: string; date?: number };
}

/** What Cognito does at one account-takeover risk level. */
export interface RiskAction {
  action?: string;
  notify?: boolean;
}

/** One notification email template of the account-takeover configuration, kept whole for a write-back. */
export interface NotifyEmail {
  subject?: string;
  htmlBody?: string;
  textBody?: string;
}

/**
 * A pool's or app client's risk configuration. It carries every field DescribeRiskConfiguration answers, so that
 * setRiskConfiguration can send it back unchanged (an absent list and an empty one are sent as they were read).
 */
export interface RiskConfiguration {
  poolId?: string;
  clientId?: string;
  compromisedCredentials?: { eventFilter: string[]; action?: string; eventFilterAbsent?: boolean };
  accountTakeover?: {
    low?: RiskAction;
    medium?: RiskAction;
    high?: RiskAction;
    notify?: {
      from?: string;
      replyTo?: string;
      sourceArn?: string;
      blockSubject?: string;
      noActionSubject?: string;
      mfaSubject?: string;
      blockEmail?: NotifyEmail;
      noActionEmail?: NotifyEmail;
      mfaEmail?: NotifyEmail;
    };
  };
  exceptions?: { blockedIpRanges: string[]; skippedIpRanges: string[]; blockedAbsent?: boolean; skippedAbsent?: boolean };
  modifiedAt?: number;
}

/** Where the gateway sends its requests, shown in the header. */
export interface GatewayTarget {
  /** Undefined when the region comes from the profile and has not been read yet. */
  region?: string;
  endpoint?: string;
  profile?: string;
}

/** Who sends the calls: the caller's ARN and account, or why that is not known. */
export type CallerIdentity = { arn: string; account: string } | { unknown: string };

/** The target's region as it is shown. */
export function regionLabel(target: GatewayTarget): string {
  return target.region ?? '(from profile)';
}

/** Why the attempts of a call were retried: throttled, a 5xx from the server, a lost or reset connection. */
export interface RetryCounts {
  throttled: number;
  server: number;
  network: number;
}

/** One API call as the gateway saw it, for the status bar and the API log. */
export interface ApiCallRecord {
  operation: string;
  ms: number;
  ok: boolean;
  errorName?: string;
  attempts: number;
  /** The retries of this call by cause; absent when it was not retried. */
  retries?: RetryCounts;
  /** A failed call whose last attempt failed for a cause that may pass (throttled, a 5xx, a lost connection). */
  failedBecause?: keyof RetryCounts;
  /** The caller aborted it (its view was left): neither a success nor a failure. */
  aborted?: boolean;
  /** When the call ended (epoch ms), stamped by the store. */
  at?: number;
  /** The AWS request id of a write's last attempt, when the answer carried one. */
  requestId?: string;
}

/** Per-call options: a signal that aborts the request (the view that wanted it was left). */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Everything the app asks of Cognito (and of CloudWatch Logs for the user-activity logs, optional: a gateway without
 * them cannot query). The only implementation that talks to AWS lives in sdk-gateway.ts.
 */
export interface CognitoGateway extends Partial<LogsGateway> {
  readonly target: GatewayTarget;
  /** The target with the region the credential chain resolved (when none was given), once it is known. */
  resolveTarget?(): Promise<GatewayTarget>;
  listUserPools(token?: string, opts?: CallOptions): Promise<Page<PoolSummary>>;
  describeUserPool(poolId: string, opts?: CallOptions): Promise<PoolDetail>;
  listAppClients(poolId: string, token?: string, opts?: CallOptions): Promise<Page<AppClient>>;
  listUsers(poolId: string, filter: string | undefined, token?: string, opts?: CallOptions): Promise<Page<User>>;
  describeAppClient(poolId: string, clientId: string, opts?: CallOptions): Promise<AppClientDetail>;
  listGroups(poolId: string, token?: string, opts?: CallOptions): Promise<Page<Group>>;
  listUsersInGroup(poolId: string, groupName: string, token?: string, opts?: CallOptions): Promise<Page<User>>;
  listGroupsForUser(poolId: string, username: string, token?: string, opts?: CallOptions): Promise<Page<Group>>;
  listDevices(poolId: string, username: string, token?: string, opts?: CallOptions): Promise<Page<Device>>;
  listAuthEvents(poolId: string, username: string, token?: string, opts?: CallOptions): Promise<Page<AuthEvent>>;
  updateAuthEventFeedback(poolId: string, username: string, eventId: string, value: FeedbackValue): Promise<void>;
  describeRiskConfiguration(poolId: string, clientId?: string, opts?: CallOptions): Promise<RiskConfiguration>;
  /**
   * Replaces the whole risk configuration of the pool (no clientId) or of one client with `config`: a section it
   * lacks is removed; a client given no section at all inherits the pool's again. Answers the configuration stored.
   */
  setRiskConfiguration(poolId: string, clientId: string | undefined, config: RiskConfiguration): Promise<RiskConfiguration>;
  disableUser(poolId: string, username: string): Promise<void>;
  enableUser(poolId: string, username: string): Promise<void>;
  globalSignOut(poolId: string, username: string): Promise<void>;
  /** Invalidates the user's password: RESET_REQUIRED, and a code is sent where the user has a verified email or phone. */
  resetUserPassword(poolId: string, username: string): Promise<void>;
  addUserToGroup(poolId: string, username: string, groupName: string): Promise<void>;
  removeUserFromGroup(poolId: string, username: string, groupName: string): Promise<void>;
  forgetDevice(poolId: string, username: string, deviceKey: string): Promise<void>;
  /** Confirms an UNCONFIRMED user without a code. */
  confirmSignUp(poolId: string, username: string): Promise<void>;
  deleteUser(poolId: string, username: string): Promise<void>;
  /**
   * The same connection without automatic read retries, for a sweep that paces and backs off by itself; its calls
   * reach the same listeners.
   */
  forSweep?(): CognitoGateway;
  /** Who the credentials are (sts:GetCallerIdentity, asked once); absent on gateways that cannot tell. */
  whoAmI?(): Promise<CallerIdentity>;
  /** Calls `listener` after every API call with its outcome; returns the unsubscribe function. */
  subscribeCalls(listener: (record: ApiCallRecord) => void): () => void;
  /** The pool's threat-protection metrics from CloudWatch; absent on gateways without CloudWatch. */
  riskPulse?: MetricsGateway['riskPulse'];
}

/** The AWS/Cognito threat-protection metrics the risk pulse shows: account-takeover risk, compromised credentials, blocks. */
export type RiskMetricName = 'AccountTakeoverRisk' | 'CompromisedCredentialRisk' | 'OverrideBlock';

/** One metric's sums per period (epoch ms of the period's start → count), oldest first; periods without data are absent. */
export interface RiskMetricSeries {
  metric: RiskMetricName;
  points: { at: number; value: number }[];
}

/** What CloudWatch GetMetricData answered for a pool's risk metrics over one window. */
export interface RiskPulseData {
  startMs: number;
  endMs: number;
  periodSeconds: number;
  series: RiskMetricSeries[];
}

/** What the risk pulse asks for: a pool and a window, in periods of `periodSeconds`. */
export interface RiskPulseRequest {
  poolId: string;
  startMs: number;
  endMs: number;
  periodSeconds: number;
}

/** The risk pulse's reader (cloudwatch:GetMetricData); its calls reach the same listeners as Cognito's. */
export interface MetricsGateway {
  riskPulse(request: RiskPulseRequest, opts?: CallOptions): Promise<RiskPulseData>;
}
