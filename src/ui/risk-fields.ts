import type { RiskAction, RiskConfiguration } from '../gateway/types.ts';
import type { Field } from './components/Fields.tsx';
import { formatTime } from './text.ts';

function action(a: RiskAction | undefined): string {
  if (!a) return 'not set';
  return `${a.action ?? '?'}${a.notify ? ' + notify' : ''}`;
}

function actionColor(a: RiskAction | undefined): string | undefined {
  if (a?.action === 'BLOCK') return 'red';
  if (a?.action === 'MFA_REQUIRED' || a?.action === 'MFA_IF_CONFIGURED') return 'yellow';
  return undefined;
}

/** A risk configuration as labelled lines: the takeover matrix, compromised credentials, IP exceptions, notifications. */
export function riskFields(cfg: RiskConfiguration): Field[] {
  const ato = cfg.accountTakeover;
  const cc = cfg.compromisedCredentials;
  const ex = cfg.exceptions;
  return [
    { label: 'takeover: low risk', value: action(ato?.low), color: actionColor(ato?.low) },
    { label: 'takeover: medium risk', value: action(ato?.medium), color: actionColor(ato?.medium) },
    { label: 'takeover: high risk', value: action(ato?.high), color: actionColor(ato?.high) },
    { label: 'compromised creds', value: cc ? `${cc.action ?? '?'} on ${cc.eventFilter.join(', ') || 'all events'}` : 'not set', color: cc?.action === 'BLOCK' ? 'red' : undefined },
    { label: 'blocked IP ranges', value: ex?.blockedIpRanges.join(', ') || 'none' },
    { label: 'skipped IP ranges', value: ex?.skippedIpRanges.join(', ') || 'none' },
    { label: 'notify from', value: ato?.notify?.from },
    { label: 'notify reply-to', value: ato?.notify?.replyTo },
    { label: 'block email subject', value: ato?.notify?.blockSubject },
    { label: 'MFA email subject', value: ato?.notify?.mfaSubject },
    { label: 'no-action subject', value: ato?.notify?.noActionSubject },
    { label: 'last modified', value: formatTime(cfg.modifiedAt) },
  ];
}
