import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import type { NotifyEmail, RiskAction, RiskConfiguration } from './types.ts';

/** The three sections of a SetRiskConfiguration request. */
export type RiskSections = Pick<Sdk.SetRiskConfigurationRequest,
  'CompromisedCredentialsRiskConfiguration' | 'AccountTakeoverRiskConfiguration' | 'RiskExceptionConfiguration'>;

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function action(a: RiskAction | undefined): Sdk.AccountTakeoverActionType | undefined {
  if (a === undefined) return undefined;
  return { Notify: a.notify ?? false, EventAction: a.action as Sdk.AccountTakeoverEventActionType };
}

function email(e: NotifyEmail | undefined): Sdk.NotifyEmailType | undefined {
  return e === undefined ? undefined : defined({ Subject: e.subject as string, HtmlBody: e.htmlBody, TextBody: e.textBody });
}

/**
 * RiskConfiguration → the sections of SetRiskConfiguration, each exactly as DescribeRiskConfiguration answered it
 * (toRiskConfiguration keeps every field): a section absent from `config` is left out, and so removed by the call.
 */
export function toRiskSections(config: RiskConfiguration): RiskSections {
  const out: RiskSections = {};
  const cc = config.compromisedCredentials;
  if (cc !== undefined) {
    out.CompromisedCredentialsRiskConfiguration = defined({
      EventFilter: cc.eventFilterAbsent === true ? undefined : (cc.eventFilter as Sdk.EventFilterType[]),
      Actions: { EventAction: cc.action as Sdk.CompromisedCredentialsEventActionType },
    });
  }
  const ato = config.accountTakeover;
  if (ato !== undefined) {
    const n = ato.notify;
    out.AccountTakeoverRiskConfiguration = defined({
      Actions: defined({ LowAction: action(ato.low), MediumAction: action(ato.medium), HighAction: action(ato.high) }),
      NotifyConfiguration: n === undefined ? undefined : defined({
        From: n.from,
        ReplyTo: n.replyTo,
        SourceArn: n.sourceArn as string,
        BlockEmail: email(n.blockEmail),
        NoActionEmail: email(n.noActionEmail),
        MfaEmail: email(n.mfaEmail),
      }),
    });
  }
  const ex = config.exceptions;
  if (ex !== undefined) {
    out.RiskExceptionConfiguration = defined({
      BlockedIPRangeList: ex.blockedAbsent === true && ex.blockedIpRanges.length === 0 ? undefined : [...ex.blockedIpRanges],
      SkippedIPRangeList: ex.skippedAbsent === true && ex.skippedIpRanges.length === 0 ? undefined : [...ex.skippedIpRanges],
    });
  }
  return out;
}
