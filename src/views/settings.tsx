import { Box, Text } from 'ink';
import { useContext, useMemo } from 'react';
import { SCROLL_KEYS } from '../keys/shared-bindings.ts';
import type { ViewSpec } from './view-spec.ts';
import { formatAgo, formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import type { PasswordPolicy, PoolDetail } from '../gateway/types.ts';
import type { Field } from '../ui/components/Fields.tsx';
import { ScrolledFields, type SectionTitle } from '../ui/components/ScrolledFields.tsx';
import { retryHint } from '../ui/components/StatusLine.tsx';
import { TimeZoneContext, useAppState } from '../ui/store-context.ts';
import { safeText } from '../ui/text.ts';
import type { ViewProps } from '../ui/views/view-props.ts';
import { useTheme } from '../ui/theme-context.ts';
import type { ThemeRole } from '../ui/theme.ts';

/** The function name of a Lambda ARN (`arn:aws:lambda:us-east-1:123:function:pre-auth[:alias]` → `pre-auth`), else the text itself. */
export function lambdaFunctionName(arn: string): string {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(arn);
  return match ? match[1] : arn;
}

function signInIdentifiers(p: PoolDetail): string {
  if (p.usernameAttributes.length) return `${p.usernameAttributes.join(' or ')} in place of a username (username attributes)`;
  if (p.aliasAttributes.length) return `username, or an alias: ${p.aliasAttributes.join(', ')}`;
  return 'username only';
}

function caseSensitivity(value: boolean | undefined): string {
  if (value === undefined) return 'not stated (a pool without this setting matches usernames case-sensitively)';
  return value ? 'case-sensitive (Alice and alice are different users)' : 'case-insensitive (Alice and alice are the same user)';
}

function mfaMode(mode: string | undefined): { value: string | undefined; color?: ThemeRole } {
  if (mode === 'ON') return { value: 'ON (required of every user)', color: 'ok' };
  if (mode === 'OPTIONAL') return { value: 'OPTIONAL (each user chooses)', color: 'warn' };
  if (mode === 'OFF') return { value: 'OFF (no user is asked for a second factor)', color: 'danger' };
  return { value: mode };
}

function passwordRules(policy: PasswordPolicy): string {
  const rules = [
    policy.requireUppercase && 'uppercase', policy.requireLowercase && 'lowercase', policy.requireNumbers && 'numbers', policy.requireSymbols && 'symbols',
  ].filter(Boolean);
  return rules.length ? rules.join(', ') : 'no character classes required';
}

const known = (value: number | undefined, unit: string) => (value === undefined ? undefined : `${value} ${unit}`);

/** Every setting the view shows, under section titles, in the order an on-call engineer reads them. */
export function settingsFields(p: PoolDetail, zone: TimeZoneSetting, now: number): (Field | SectionTitle)[] {
  const when = (ms: number | undefined) => (ms === undefined ? undefined : `${formatTime(ms, zone)} (${formatAgo(ms, now)})`);
  const mfa = mfaMode(p.mfa);
  const policy = p.passwordPolicy;
  const recovery = [...(p.accountRecovery ?? [])].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
  const triggers = Object.entries(p.lambdaTriggers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const email = p.email;
  return [
    { label: 'name', value: p.name },
    { label: 'pool id', value: p.id },
    { label: 'estimated users', value: p.estimatedUsers?.toLocaleString('en-US') },
    { label: 'created', value: when(p.createdAt) },
    { label: 'last changed', value: when(p.modifiedAt) },
    { label: 'deletion protection', value: p.deletionProtection, color: p.deletionProtection === 'INACTIVE' ? 'warn' : undefined },
    { label: 'feature plan', value: p.tier },
    { label: 'threat protection', value: p.threatProtection, color: p.threatProtection === 'OFF' ? 'danger' : p.threatProtection === 'AUDIT' ? 'warn' : 'ok' },
    { section: 'Sign-in' },
    { label: 'sign-in identifiers', value: signInIdentifiers(p) },
    { label: 'username case', value: caseSensitivity(p.caseSensitive) },
    { label: 'auto-verified', value: p.autoVerifiedAttributes?.length ? p.autoVerifiedAttributes.join(', ') : 'none' },
    { section: 'MFA' },
    { label: 'MFA', value: mfa.value, color: mfa.color },
    {
      label: 'SMS',
      value: p.smsConfigured === undefined ? undefined
        : p.smsConfigured ? 'configured (an SNS role): SMS MFA can be offered' : 'not configured: SMS MFA cannot be offered',
    },
    { label: 'factors', value: 'DescribeUserPool does not say which factors (SMS, TOTP, email) are on' },
    { section: 'Password policy' },
    { label: 'minimum length', value: known(policy?.minLength, 'characters') },
    { label: 'requires', value: policy ? passwordRules(policy) : undefined },
    { label: 'temporary password', value: known(policy?.temporaryPasswordValidityDays, 'days valid') },
    { label: 'password history', value: policy?.passwordHistorySize ? `the last ${policy.passwordHistorySize} cannot be reused` : 'not kept' },
    { section: 'Account recovery' },
    ...(recovery.length
      ? recovery.map((m, i) => ({ label: `${i + 1}${i === 0 ? ' (tried first)' : ''}`, value: m.name }))
      : [{ label: 'mechanisms', value: 'none set' }]),
    { section: 'Lambda triggers' },
    ...(triggers.length
      ? triggers.map(([name, arn]) => ({ label: name, value: lambdaFunctionName(arn) }))
      : [{ label: 'triggers', value: 'none' }]),
    { section: 'Email' },
    { label: 'sent by', value: email?.sendingAccount === 'DEVELOPER' ? 'DEVELOPER (Amazon SES)' : email?.sendingAccount === 'COGNITO_DEFAULT' ? 'COGNITO_DEFAULT (Cognito, low daily quota)' : email?.sendingAccount },
    { label: 'from', value: email?.from },
    { label: 'reply-to', value: email?.replyTo },
    { label: 'SES identity', value: email?.sourceArn },
    { label: 'configuration set', value: email?.configurationSet },
    { section: 'SMS' },
    { label: 'SNS caller role', value: p.sms?.snsCallerArn ?? 'none' },
    { label: 'SNS region', value: p.sms?.snsRegion },
  ];
}

/** A pool's settings from DescribeUserPool, scrolled. */
function SettingsView({ poolId, width, height, now }: ViewProps & { poolId: string }) {
  const theme = useTheme();
  const pool = useAppState((s) => s.pools[poolId]);
  const zone = useContext(TimeZoneContext);
  const items = useMemo(() => (pool?.value ? settingsFields(pool.value, zone, now) : []), [pool?.value, zone, now]);
  if (!pool?.value) {
    if (pool?.error) return <Text color={theme.danger} wrap="wrap">{`✖ ${safeText(pool.error.message)}${retryHint(pool.error)}`}</Text>;
    return <Text color={theme.accent}>{`Reading the settings of ${safeText(poolId)}…`}</Text>;
  }
  const stale = pool.error ? `✖ reload failed: ${safeText(pool.error.message)}${retryHint(pool.error)}` : undefined;
  return (
    <Box flexDirection="column">
      {stale && <Text color={theme.danger} wrap="truncate">{stale}</Text>}
      <ScrolledFields items={items} width={width} height={height - (stale ? 1 : 0)} labelWidth={22} />
    </Box>
  );
}

/** The route of one pool's settings. */
export interface SettingsRoute {
  view: 'settings';
  poolId: string;
}

/** A pool's settings as an on-call engineer needs them (DescribeUserPool). */
export const settingsView: ViewSpec<SettingsRoute> = {
  name: 'settings',
  title: 'Pool settings',
  crumbs: () => ['settings'],
  lists: () => [],
  enter: (route, ctx) => ctx.get().actions.ensurePool(route.poolId),
  refresh: (route, ctx) => ctx.get().actions.ensurePool(route.poolId, true),
  copyValue: (route, state) => state.pools[route.poolId]?.value,
  keys: [...SCROLL_KEYS],
  Render: ({ route, ...props }) => <SettingsView {...props} poolId={route.poolId} />,
};
