import type { RiskAction, RiskConfiguration } from '../gateway/types.ts';
import { formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import type { ThemeRole } from './theme.ts';

/** One line of the risk comparison: the pool default beside the app client's effective value. */
export interface RiskRow {
  label: string;
  pool: string;
  /** The client's value; absent when no client is selected or its configuration is not loaded. */
  client?: string;
  /** The client's configuration sets this and it differs from the pool's. */
  overrides: boolean;
  poolColor?: ThemeRole;
  clientColor?: ThemeRole;
}

type Section = 'takeover' | 'compromised' | 'exceptions' | 'meta';

interface RowSpec {
  label: string;
  section: Section;
  read: (cfg: RiskConfiguration, zone: TimeZoneSetting) => string | undefined;
  color?: (cfg: RiskConfiguration) => ThemeRole | undefined;
}

function action(a: RiskAction | undefined): string | undefined {
  if (!a) return undefined;
  return `${a.action ?? '?'}${a.notify ? ' + notify' : ''}`;
}

function actionColor(a: RiskAction | undefined): ThemeRole | undefined {
  if (a?.action === 'BLOCK') return 'danger';
  if (a?.action === 'MFA_REQUIRED' || a?.action === 'MFA_IF_CONFIGURED') return 'warn';
  return undefined;
}

const ROWS: RowSpec[] = [
  { label: 'takeover: Low risk', section: 'takeover', read: (c) => action(c.accountTakeover?.low), color: (c) => actionColor(c.accountTakeover?.low) },
  { label: 'takeover: Medium risk', section: 'takeover', read: (c) => action(c.accountTakeover?.medium), color: (c) => actionColor(c.accountTakeover?.medium) },
  { label: 'takeover: High risk', section: 'takeover', read: (c) => action(c.accountTakeover?.high), color: (c) => actionColor(c.accountTakeover?.high) },
  { label: 'compromised creds', section: 'compromised', read: (c) => c.compromisedCredentials?.action, color: (c) => (c.compromisedCredentials?.action === 'BLOCK' ? 'danger' : undefined) },
  { label: 'compromised: checked on', section: 'compromised', read: (c) => (c.compromisedCredentials ? c.compromisedCredentials.eventFilter.join(', ') || 'all events' : undefined) },
  { label: 'blocked IP ranges', section: 'exceptions', read: (c) => (c.exceptions ? c.exceptions.blockedIpRanges.join(', ') || 'none' : undefined) },
  { label: 'skipped IP ranges', section: 'exceptions', read: (c) => (c.exceptions ? c.exceptions.skippedIpRanges.join(', ') || 'none' : undefined) },
  { label: 'notify from', section: 'takeover', read: (c) => c.accountTakeover?.notify?.from },
  { label: 'notify reply-to', section: 'takeover', read: (c) => c.accountTakeover?.notify?.replyTo },
  { label: 'notify via (SES)', section: 'takeover', read: (c) => c.accountTakeover?.notify?.sourceArn },
  { label: 'block email subject', section: 'takeover', read: (c) => c.accountTakeover?.notify?.blockSubject },
  { label: 'MFA email subject', section: 'takeover', read: (c) => c.accountTakeover?.notify?.mfaSubject },
  { label: 'no-action subject', section: 'takeover', read: (c) => c.accountTakeover?.notify?.noActionSubject },
  { label: 'last modified', section: 'meta', read: (c, zone) => formatTime(c.modifiedAt, zone) },
];

function hasSection(cfg: RiskConfiguration, section: Section): boolean {
  if (section === 'takeover') return cfg.accountTakeover !== undefined;
  if (section === 'compromised') return cfg.compromisedCredentials !== undefined;
  if (section === 'exceptions') return cfg.exceptions !== undefined;
  return true;
}

/**
 * The risk configuration as rows: the pool default and, for a selected app client, the configuration that applies
 * to it. A client with a configuration of its own (DescribeRiskConfiguration returns its ClientId) uses that one;
 * rows it sets differently from the pool are marked as overrides. A client without one uses the pool's.
 */
export function riskRows(pool: RiskConfiguration | undefined, client: RiskConfiguration | undefined, zone: TimeZoneSetting = 'utc'): RiskRow[] {
  const own = client?.clientId !== undefined;
  return ROWS.map((row) => {
    const poolValue = pool ? row.read(pool, zone) ?? 'not set' : '…';
    if (!client) return { label: row.label, pool: poolValue, overrides: false, poolColor: pool && row.color?.(pool) };
    const clientValue = row.read(client, zone) ?? (own && !hasSection(client, row.section) ? 'not set for this client' : 'not set');
    const overrides = own && row.section !== 'meta' && pool !== undefined && clientValue !== poolValue;
    return {
      label: row.label, pool: poolValue, client: clientValue, overrides,
      poolColor: pool && row.color?.(pool), clientColor: row.color?.(client),
    };
  });
}

const SUBJECT_LABELS: readonly string[] = ['block email subject', 'MFA email subject', 'no-action subject'];

/** The three notification subjects as one row (`block · MFA · no-action`), for a view too short for every row. */
export function foldSubjects(rows: RiskRow[]): RiskRow[] {
  const subjects = rows.filter((r) => SUBJECT_LABELS.includes(r.label));
  if (subjects.length < 2) return rows;
  const join = (values: string[]) => (values.every((v) => v === values[0]) ? values[0] : values.join(' · '));
  const folded: RiskRow = {
    label: 'email subjects', pool: join(subjects.map((r) => r.pool)),
    client: subjects[0].client === undefined ? undefined : join(subjects.map((r) => r.client ?? '')),
    overrides: subjects.some((r) => r.overrides),
  };
  const at = rows.indexOf(subjects[0]);
  return [...rows.slice(0, at), folded, ...rows.slice(at).filter((r) => !subjects.includes(r))];
}
