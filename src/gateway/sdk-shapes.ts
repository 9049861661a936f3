import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import type {
  AppClient, AuthEvent, Device, Group, PoolDetail, PoolSummary, RiskAction, RiskConfiguration, ThreatProtectionMode, User,
} from './types.ts';

function ms(date: Date | undefined): number | undefined {
  return date instanceof Date ? date.getTime() : undefined;
}

function attributeMap(list: Sdk.AttributeType[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) if (a.Name) out[a.Name] = a.Value ?? '';
  return out;
}

/** ListUserPools item → PoolSummary. */
export function toPoolSummary(p: Sdk.UserPoolDescriptionType): PoolSummary {
  return { id: p.Id ?? '', name: p.Name ?? '', createdAt: ms(p.CreationDate), modifiedAt: ms(p.LastModifiedDate) };
}

/** DescribeUserPool → PoolDetail. */
export function toPoolDetail(p: Sdk.UserPoolType, fallbackId: string): PoolDetail {
  const mode = p.UserPoolAddOns?.AdvancedSecurityMode;
  const threatProtection: ThreatProtectionMode = mode === 'AUDIT' || mode === 'ENFORCED' ? mode : 'OFF';
  return {
    id: p.Id ?? fallbackId,
    name: p.Name ?? '',
    arn: p.Arn,
    tier: p.UserPoolTier,
    threatProtection,
    estimatedUsers: p.EstimatedNumberOfUsers,
    mfa: p.MfaConfiguration,
    deletionProtection: p.DeletionProtection,
    usernameAttributes: p.UsernameAttributes ?? [],
    aliasAttributes: p.AliasAttributes ?? [],
    createdAt: ms(p.CreationDate),
    modifiedAt: ms(p.LastModifiedDate),
  };
}

/** ListUserPoolClients item → AppClient. */
export function toAppClient(c: Sdk.UserPoolClientDescription): AppClient {
  return { id: c.ClientId ?? '', name: c.ClientName ?? '' };
}

/** ListUsers item → User. */
export function toUser(u: Sdk.UserType): User {
  return {
    username: u.Username ?? '',
    enabled: u.Enabled !== false,
    status: u.UserStatus ?? 'UNKNOWN',
    createdAt: ms(u.UserCreateDate),
    modifiedAt: ms(u.UserLastModifiedDate),
    attributes: attributeMap(u.Attributes),
    mfaOptions: (u.MFAOptions ?? []).map((o) => o.DeliveryMedium ?? '').filter(Boolean),
  };
}

/** AdminListGroupsForUser item → Group. */
export function toGroup(g: Sdk.GroupType): Group {
  return { name: g.GroupName ?? '', description: g.Description, precedence: g.Precedence, createdAt: ms(g.CreationDate) };
}

/** AdminListDevices item → Device. */
export function toDevice(d: Sdk.DeviceType): Device {
  const attributes = attributeMap(d.DeviceAttributes);
  return {
    key: d.DeviceKey ?? '',
    name: attributes.device_name,
    createdAt: ms(d.DeviceCreateDate),
    lastAuthenticatedAt: ms(d.DeviceLastAuthenticatedDate),
    attributes,
  };
}

/** AdminListUserAuthEvents item → AuthEvent. */
export function toAuthEvent(e: Sdk.AuthEventType): AuthEvent {
  const ctx = e.EventContextData;
  return {
    id: e.EventId ?? '',
    type: e.EventType,
    createdAt: ms(e.CreationDate),
    response: e.EventResponse,
    riskDecision: e.EventRisk?.RiskDecision,
    riskLevel: e.EventRisk?.RiskLevel,
    compromisedCredentials: e.EventRisk?.CompromisedCredentialsDetected,
    challenges: (e.ChallengeResponses ?? []).map((c) => ({ name: c.ChallengeName, response: c.ChallengeResponse })),
    ip: ctx?.IpAddress,
    device: ctx?.DeviceName,
    timezone: ctx?.Timezone,
    city: ctx?.City,
    country: ctx?.Country,
    feedback: e.EventFeedback
      ? { value: e.EventFeedback.FeedbackValue, provider: e.EventFeedback.Provider, date: ms(e.EventFeedback.FeedbackDate) }
      : undefined,
  };
}

function toRiskAction(a: Sdk.AccountTakeoverActionType | undefined): RiskAction | undefined {
  return a ? { action: a.EventAction, notify: a.Notify } : undefined;
}

/** DescribeRiskConfiguration → RiskConfiguration. */
export function toRiskConfiguration(r: Sdk.RiskConfigurationType): RiskConfiguration {
  const cc = r.CompromisedCredentialsRiskConfiguration;
  const ato = r.AccountTakeoverRiskConfiguration;
  const notify = ato?.NotifyConfiguration;
  const ex = r.RiskExceptionConfiguration;
  return {
    poolId: r.UserPoolId,
    clientId: r.ClientId,
    compromisedCredentials: cc ? { eventFilter: cc.EventFilter ?? [], action: cc.Actions?.EventAction } : undefined,
    accountTakeover: ato
      ? {
          low: toRiskAction(ato.Actions?.LowAction),
          medium: toRiskAction(ato.Actions?.MediumAction),
          high: toRiskAction(ato.Actions?.HighAction),
          notify: notify
            ? {
                from: notify.From,
                replyTo: notify.ReplyTo,
                sourceArn: notify.SourceArn,
                blockSubject: notify.BlockEmail?.Subject,
                noActionSubject: notify.NoActionEmail?.Subject,
                mfaSubject: notify.MfaEmail?.Subject,
              }
            : undefined,
        }
      : undefined,
    exceptions: ex ? { blockedIpRanges: ex.BlockedIPRangeList ?? [], skippedIpRanges: ex.SkippedIPRangeList ?? [] } : undefined,
    modifiedAt: ms(r.LastModifiedDate),
  };
}
