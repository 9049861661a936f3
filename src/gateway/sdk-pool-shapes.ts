import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import { bool, date, list, num, obj, text } from './answer-checks.ts';
import type {
  AppClientDetail, EmailSettings, PasswordPolicy, PoolDetail, RecoveryMechanism, SmsSettings, ThreatProtectionMode, TokenValidity,
} from './types.ts';

function strings(values: readonly unknown[] | undefined, field: string): string[] {
  return list(values as unknown[] | undefined, field).map((v) => text(v, field) ?? '');
}

function passwordPolicy(p: Sdk.PasswordPolicyType | undefined): PasswordPolicy | undefined {
  const policy = obj(p, 'PasswordPolicy');
  if (policy === undefined) return undefined;
  return {
    minLength: num(policy.MinimumLength, 'MinimumLength'),
    requireUppercase: bool(policy.RequireUppercase, 'RequireUppercase'),
    requireLowercase: bool(policy.RequireLowercase, 'RequireLowercase'),
    requireNumbers: bool(policy.RequireNumbers, 'RequireNumbers'),
    requireSymbols: bool(policy.RequireSymbols, 'RequireSymbols'),
    temporaryPasswordValidityDays: num(policy.TemporaryPasswordValidityDays, 'TemporaryPasswordValidityDays'),
    passwordHistorySize: num(policy.PasswordHistorySize, 'PasswordHistorySize'),
  };
}

function recoveryMechanisms(r: Sdk.AccountRecoverySettingType | undefined): RecoveryMechanism[] {
  const setting = obj(r, 'AccountRecoverySetting');
  return list(setting?.RecoveryMechanisms, 'RecoveryMechanisms').map((m) => {
    const item = obj(m, 'RecoveryMechanisms');
    return { name: text(item?.Name, 'RecoveryMechanisms Name') ?? '', priority: num(item?.Priority, 'RecoveryMechanisms Priority') };
  });
}

/** Keys of LambdaConfig that hold no trigger. */
const NOT_TRIGGERS: ReadonlySet<string> = new Set(['KMSKeyID']);

/**
 * LambdaConfig → trigger name → function ARN. A trigger is an ARN, or (PreTokenGenerationConfig, CustomSMSSender,
 * CustomEmailSender…) an object holding one in LambdaArn; anything else is left out.
 */
function lambdaTriggers(config: Sdk.LambdaConfigType | undefined): Record<string, string> {
  const triggers: Record<string, string> = {};
  const checked = obj(config, 'LambdaConfig') as Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(checked ?? {})) {
    if (NOT_TRIGGERS.has(name) || value === undefined || value === null) continue;
    const arn = typeof value === 'object' && !Array.isArray(value)
      ? text((value as { LambdaArn?: unknown }).LambdaArn, `${name} LambdaArn`)
      : text(value, name);
    if (arn) triggers[name] = arn;
  }
  return triggers;
}

function emailSettings(e: Sdk.EmailConfigurationType | undefined): EmailSettings | undefined {
  const email = obj(e, 'EmailConfiguration');
  if (email === undefined) return undefined;
  return {
    sendingAccount: text(email.EmailSendingAccount, 'EmailSendingAccount'),
    sourceArn: text(email.SourceArn, 'SourceArn'),
    from: text(email.From, 'From'),
    replyTo: text(email.ReplyToEmailAddress, 'ReplyToEmailAddress'),
    configurationSet: text(email.ConfigurationSet, 'ConfigurationSet'),
  };
}

function smsSettings(s: Sdk.SmsConfigurationType | undefined): SmsSettings | undefined {
  const sms = obj(s, 'SmsConfiguration');
  if (sms === undefined) return undefined;
  return { snsCallerArn: text(sms.SnsCallerArn, 'SnsCallerArn'), snsRegion: text(sms.SnsRegion, 'SnsRegion') };
}

/** DescribeUserPool → PoolDetail, with the settings a pool-settings view shows. */
export function toPoolDetail(p: Sdk.UserPoolType, fallbackId: string): PoolDetail {
  const mode = text(obj(p.UserPoolAddOns, 'UserPoolAddOns')?.AdvancedSecurityMode, 'AdvancedSecurityMode');
  const threatProtection: ThreatProtectionMode = mode === 'AUDIT' || mode === 'ENFORCED' ? mode : 'OFF';
  const sms = smsSettings(p.SmsConfiguration);
  return {
    id: text(p.Id, 'Id') ?? fallbackId,
    name: text(p.Name, 'Name') ?? '',
    arn: text(p.Arn, 'Arn'),
    tier: text(p.UserPoolTier, 'UserPoolTier'),
    threatProtection,
    estimatedUsers: num(p.EstimatedNumberOfUsers, 'EstimatedNumberOfUsers'),
    mfa: text(p.MfaConfiguration, 'MfaConfiguration'),
    deletionProtection: text(p.DeletionProtection, 'DeletionProtection'),
    usernameAttributes: strings(p.UsernameAttributes, 'UsernameAttributes'),
    aliasAttributes: strings(p.AliasAttributes, 'AliasAttributes'),
    createdAt: date(p.CreationDate, 'CreationDate'),
    modifiedAt: date(p.LastModifiedDate, 'LastModifiedDate'),
    caseSensitive: bool(obj(p.UsernameConfiguration, 'UsernameConfiguration')?.CaseSensitive, 'CaseSensitive'),
    smsConfigured: sms !== undefined && sms.snsCallerArn !== undefined,
    passwordPolicy: passwordPolicy(obj(p.Policies, 'Policies')?.PasswordPolicy),
    accountRecovery: recoveryMechanisms(p.AccountRecoverySetting),
    lambdaTriggers: lambdaTriggers(p.LambdaConfig),
    email: emailSettings(p.EmailConfiguration),
    sms,
    autoVerifiedAttributes: strings(p.AutoVerifiedAttributes, 'AutoVerifiedAttributes'),
  };
}

function validity(value: unknown, unit: unknown, field: string): TokenValidity {
  return { value: num(value, field), unit: text(unit, `TokenValidityUnits ${field}`) };
}

/**
 * DescribeUserPoolClient → AppClientDetail. The secret is only looked at to say whether there is one; it is never
 * copied, and a ClientSecret that is not text fails naming the field, never the value.
 */
export function toAppClientDetail(c: Sdk.UserPoolClientType): AppClientDetail {
  const secret = text(c.ClientSecret, 'ClientSecret');
  const units = obj(c.TokenValidityUnits, 'TokenValidityUnits');
  return {
    id: text(c.ClientId, 'ClientId') ?? '',
    name: text(c.ClientName, 'ClientName') ?? '',
    authFlows: strings(c.ExplicitAuthFlows, 'ExplicitAuthFlows'),
    oauthFlows: strings(c.AllowedOAuthFlows, 'AllowedOAuthFlows'),
    oauthScopes: strings(c.AllowedOAuthScopes, 'AllowedOAuthScopes'),
    allowedOAuthFlowsUserPoolClient: bool(c.AllowedOAuthFlowsUserPoolClient, 'AllowedOAuthFlowsUserPoolClient'),
    callbackUrls: strings(c.CallbackURLs, 'CallbackURLs'),
    logoutUrls: strings(c.LogoutURLs, 'LogoutURLs'),
    defaultRedirectUri: text(c.DefaultRedirectURI, 'DefaultRedirectURI'),
    supportedIdentityProviders: strings(c.SupportedIdentityProviders, 'SupportedIdentityProviders'),
    accessTokenValidity: validity(c.AccessTokenValidity, units?.AccessToken, 'AccessTokenValidity'),
    idTokenValidity: validity(c.IdTokenValidity, units?.IdToken, 'IdTokenValidity'),
    refreshTokenValidity: validity(c.RefreshTokenValidity, units?.RefreshToken, 'RefreshTokenValidity'),
    authSessionValidity: num(c.AuthSessionValidity, 'AuthSessionValidity'),
    preventUserExistenceErrors: text(c.PreventUserExistenceErrors, 'PreventUserExistenceErrors'),
    enableTokenRevocation: bool(c.EnableTokenRevocation, 'EnableTokenRevocation'),
    enablePropagateAdditionalUserContextData: bool(c.EnablePropagateAdditionalUserContextData, 'EnablePropagateAdditionalUserContextData'),
    readAttributes: strings(c.ReadAttributes, 'ReadAttributes'),
    writeAttributes: strings(c.WriteAttributes, 'WriteAttributes'),
    createdAt: date(c.CreationDate, 'CreationDate'),
    modifiedAt: date(c.LastModifiedDate, 'LastModifiedDate'),
    hasSecret: secret !== undefined && secret.length > 0,
  };
}
