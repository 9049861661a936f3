import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import type {
  AppClient, AuthEvent, Device, Group, NotifyEmail, PoolSummary, RiskAction, RiskConfiguration, User,
} from './types.ts';

import { bool, date, list, num, obj, text } from './answer-checks.ts';

/**
 * Every mapper checks the types of what it reads (a server may answer a number where Cognito declares text) and
 * throws MalformedAnswerError naming the field, so the gateway can say which operation answered what.
 */

function attributeMap(attributes: Sdk.AttributeType[] | undefined, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list(attributes, field)) {
    const name = text(a?.Name, `${field} Name`);
    if (name) out[name] = text(a.Value, `${field} ${name}`) ?? '';
  }
  return out;
}

function strings(values: string[] | undefined, field: string): string[] {
  return list(values, field).map((v) => text(v, field) ?? '');
}

/** ListUserPools item → PoolSummary. */
export function toPoolSummary(p: Sdk.UserPoolDescriptionType): PoolSummary {
  return {
    id: text(p.Id, 'Id') ?? '',
    name: text(p.Name, 'Name') ?? '',
    createdAt: date(p.CreationDate, 'CreationDate'),
    modifiedAt: date(p.LastModifiedDate, 'LastModifiedDate'),
  };
}

/** ListUserPoolClients item → AppClient. */
export function toAppClient(c: Sdk.UserPoolClientDescription): AppClient {
  return { id: text(c.ClientId, 'ClientId') ?? '', name: text(c.ClientName, 'ClientName') ?? '' };
}

/** ListUsers item → User. */
export function toUser(u: Sdk.UserType): User {
  return {
    username: text(u.Username, 'Username') ?? '',
    enabled: bool(u.Enabled, 'Enabled') !== false,
    status: text(u.UserStatus, 'UserStatus') ?? 'UNKNOWN',
    createdAt: date(u.UserCreateDate, 'UserCreateDate'),
    modifiedAt: date(u.UserLastModifiedDate, 'UserLastModifiedDate'),
    attributes: attributeMap(u.Attributes, 'Attributes'),
    mfaOptions: list(u.MFAOptions, 'MFAOptions').map((o) => text(o?.DeliveryMedium, 'DeliveryMedium') ?? '').filter(Boolean),
  };
}

/** ListGroups or AdminListGroupsForUser item → Group. */
export function toGroup(g: Sdk.GroupType): Group {
  return {
    name: text(g.GroupName, 'GroupName') ?? '',
    description: text(g.Description, 'Description'),
    precedence: num(g.Precedence, 'Precedence'),
    roleArn: text(g.RoleArn, 'RoleArn'),
    createdAt: date(g.CreationDate, 'CreationDate'),
    modifiedAt: date(g.LastModifiedDate, 'LastModifiedDate'),
  };
}

/** AdminListDevices item → Device. */
export function toDevice(d: Sdk.DeviceType): Device {
  const attributes = attributeMap(d.DeviceAttributes, 'DeviceAttributes');
  return {
    key: text(d.DeviceKey, 'DeviceKey') ?? '',
    name: attributes.device_name,
    createdAt: date(d.DeviceCreateDate, 'DeviceCreateDate'),
    lastAuthenticatedAt: date(d.DeviceLastAuthenticatedDate, 'DeviceLastAuthenticatedDate'),
    attributes,
  };
}

/** AdminListUserAuthEvents item → AuthEvent. */
export function toAuthEvent(e: Sdk.AuthEventType): AuthEvent {
  const ctx = obj(e.EventContextData, 'EventContextData');
  const risk = obj(e.EventRisk, 'EventRisk');
  const feedback = obj(e.EventFeedback, 'EventFeedback');
  return {
    id: text(e.EventId, 'EventId') ?? '',
    type: text(e.EventType, 'EventType'),
    createdAt: date(e.CreationDate, 'CreationDate'),
    response: text(e.EventResponse, 'EventResponse'),
    riskDecision: text(risk?.RiskDecision, 'RiskDecision'),
    riskLevel: text(risk?.RiskLevel, 'RiskLevel'),
    compromisedCredentials: bool(risk?.CompromisedCredentialsDetected, 'CompromisedCredentialsDetected'),
    challenges: list(e.ChallengeResponses, 'ChallengeResponses').map((c) => ({
      name: text(c?.ChallengeName, 'ChallengeName'),
      response: text(c?.ChallengeResponse, 'ChallengeResponse'),
    })),
    ip: text(ctx?.IpAddress, 'IpAddress'),
    device: text(ctx?.DeviceName, 'DeviceName'),
    timezone: text(ctx?.Timezone, 'Timezone'),
    city: text(ctx?.City, 'City'),
    country: text(ctx?.Country, 'Country'),
    feedback: feedback
      ? {
          value: text(feedback.FeedbackValue, 'FeedbackValue'),
          provider: text(feedback.Provider, 'Provider'),
          date: date(feedback.FeedbackDate, 'FeedbackDate'),
        }
      : undefined,
  };
}

function toRiskAction(a: Sdk.AccountTakeoverActionType | undefined, field: string): RiskAction | undefined {
  const checked = obj(a, field);
  return checked ? { action: text(checked.EventAction, `${field} EventAction`), notify: bool(checked.Notify, `${field} Notify`) } : undefined;
}

/** DescribeRiskConfiguration → RiskConfiguration. */
export function toRiskConfiguration(r: Sdk.RiskConfigurationType): RiskConfiguration {
  const cc = obj(r.CompromisedCredentialsRiskConfiguration, 'CompromisedCredentialsRiskConfiguration');
  const ato = obj(r.AccountTakeoverRiskConfiguration, 'AccountTakeoverRiskConfiguration');
  const actions = obj(ato?.Actions, 'Actions');
  const notify = obj(ato?.NotifyConfiguration, 'NotifyConfiguration');
  const ex = obj(r.RiskExceptionConfiguration, 'RiskExceptionConfiguration');
  const subject = (email: Sdk.NotifyEmailType | undefined, field: string) => text(obj(email, field)?.Subject, `${field} Subject`);
  const email = (e: Sdk.NotifyEmailType | undefined, field: string): NotifyEmail | undefined => {
    const checked = obj(e, field);
    return checked
      ? { subject: text(checked.Subject, `${field} Subject`), htmlBody: text(checked.HtmlBody, `${field} HtmlBody`), textBody: text(checked.TextBody, `${field} TextBody`) }
      : undefined;
  };
  return {
    poolId: text(r.UserPoolId, 'UserPoolId'),
    clientId: text(r.ClientId, 'ClientId'),
    compromisedCredentials: cc
      ? {
          eventFilter: strings(cc.EventFilter, 'EventFilter'),
          action: text(obj(cc.Actions, 'Actions')?.EventAction, 'EventAction'),
          ...(cc.EventFilter === undefined ? { eventFilterAbsent: true } : {}),
        }
      : undefined,
    accountTakeover: ato
      ? {
          low: toRiskAction(actions?.LowAction, 'LowAction'),
          medium: toRiskAction(actions?.MediumAction, 'MediumAction'),
          high: toRiskAction(actions?.HighAction, 'HighAction'),
          notify: notify
            ? {
                from: text(notify.From, 'From'),
                replyTo: text(notify.ReplyTo, 'ReplyTo'),
                sourceArn: text(notify.SourceArn, 'SourceArn'),
                blockSubject: subject(notify.BlockEmail, 'BlockEmail'),
                noActionSubject: subject(notify.NoActionEmail, 'NoActionEmail'),
                mfaSubject: subject(notify.MfaEmail, 'MfaEmail'),
                blockEmail: email(notify.BlockEmail, 'BlockEmail'),
                noActionEmail: email(notify.NoActionEmail, 'NoActionEmail'),
                mfaEmail: email(notify.MfaEmail, 'MfaEmail'),
              }
            : undefined,
        }
      : undefined,
    exceptions: ex
      ? {
          blockedIpRanges: strings(ex.BlockedIPRangeList, 'BlockedIPRangeList'),
          skippedIpRanges: strings(ex.SkippedIPRangeList, 'SkippedIPRangeList'),
          ...(ex.BlockedIPRangeList === undefined ? { blockedAbsent: true } : {}),
          ...(ex.SkippedIPRangeList === undefined ? { skippedAbsent: true } : {}),
        }
      : undefined,
    modifiedAt: date(r.LastModifiedDate, 'LastModifiedDate'),
  };
}
