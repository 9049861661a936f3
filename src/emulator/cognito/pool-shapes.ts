import type { ClientRecord, PoolDefinition } from './model.ts';
import { signInAttributes } from './pool-definitions.ts';
import { lambdaConfig, seconds } from './shapes.ts';
import { DEMO_ACCOUNT_ID, DEMO_REGION } from '../well-known-ids.ts';

const STANDARD_ATTRIBUTES: ReadonlyArray<readonly [string, 'String' | 'Boolean' | 'Number', boolean]> = [
  ['sub', 'String', false],
  ['name', 'String', true],
  ['given_name', 'String', true],
  ['family_name', 'String', true],
  ['middle_name', 'String', true],
  ['nickname', 'String', true],
  ['preferred_username', 'String', true],
  ['profile', 'String', true],
  ['picture', 'String', true],
  ['website', 'String', true],
  ['email', 'String', true],
  ['email_verified', 'Boolean', true],
  ['gender', 'String', true],
  ['birthdate', 'String', true],
  ['zoneinfo', 'String', true],
  ['locale', 'String', true],
  ['phone_number', 'String', true],
  ['phone_number_verified', 'Boolean', true],
  ['address', 'String', true],
  ['updated_at', 'Number', true],
  ['identities', 'String', true],
];

/** Every attribute name a user of the pool can have: the standard ones plus the pool's custom ones. */
export function schemaAttributeNames(def: PoolDefinition): Set<string> {
  return new Set([...STANDARD_ATTRIBUTES.map(([name]) => name), ...def.customAttributes]);
}

function schemaAttributes(def: PoolDefinition): Array<Record<string, unknown>> {
  const standard = STANDARD_ATTRIBUTES.map(([name, type, mutable]) => {
    const attr: Record<string, unknown> = {
      Name: name,
      AttributeDataType: type,
      DeveloperOnlyAttribute: false,
      Mutable: mutable,
      Required: name === 'sub' || (name === 'email' && def.usernameMode === 'email'),
    };
    if (type === 'String') attr.StringAttributeConstraints = { MinLength: name === 'sub' ? '1' : '0', MaxLength: '2048' };
    if (type === 'Number') attr.NumberAttributeConstraints = { MinValue: '0' };
    return attr;
  });
  const custom = def.customAttributes.map((name) => ({
    Name: name,
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    StringAttributeConstraints: { MinLength: '0', MaxLength: '256' },
  }));
  return [...standard, ...custom];
}

function emailConfiguration(def: PoolDefinition): Record<string, unknown> {
  if (def.emailFrom.includes('verificationemail.com')) return { EmailSendingAccount: 'COGNITO_DEFAULT' };
  return {
    SourceArn: `arn:aws:ses:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:identity/acme.example`,
    EmailSendingAccount: 'DEVELOPER',
    From: def.emailFrom,
    ReplyToEmailAddress: 'support@acme.example',
    ConfigurationSet: 'acme-transactional-email',
  };
}

/** The pool as DescribeUserPool returns it (`UserPoolType`). */
export function userPoolType(def: PoolDefinition, estimatedUsers: number): Record<string, unknown> {
  const pool: Record<string, unknown> = {
    Id: def.id,
    Name: def.name,
    Policies: {
      PasswordPolicy: {
        MinimumLength: def.tier === 'LITE' ? 8 : 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: def.tier !== 'LITE',
        PasswordHistorySize: def.tier === 'LITE' ? undefined : 5,
        TemporaryPasswordValidityDays: 7,
      },
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: def.tags.environment === 'production' ? 'ACTIVE' : 'INACTIVE',
    LambdaConfig: lambdaConfig(def),
    LastModifiedDate: seconds(def.modifiedAt),
    CreationDate: seconds(def.createdAt),
    SchemaAttributes: schemaAttributes(def),
    AutoVerifiedAttributes: ['email'],
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    MfaConfiguration: def.mfa,
    EstimatedNumberOfUsers: estimatedUsers,
    EmailConfiguration: emailConfiguration(def),
    UserPoolTags: { ...def.tags },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: def.mode === 'OFF', UnusedAccountValidityDays: 7 },
    UserPoolAddOns: { AdvancedSecurityMode: def.mode },
    UsernameConfiguration: { CaseSensitive: false },
    Arn: `arn:aws:cognito-idp:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:userpool/${def.id}`,
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Priority: 1, Name: 'verified_email' },
        { Priority: 2, Name: 'verified_phone_number' },
      ],
    },
    UserPoolTier: def.tier,
  };
  const { aliases, usernameAttributes } = signInAttributes(def);
  if (aliases.length > 0) pool.AliasAttributes = aliases;
  if (usernameAttributes.length > 0) pool.UsernameAttributes = usernameAttributes;
  if (def.mfa !== 'OFF') {
    pool.SmsAuthenticationMessage = 'Your Acme sign-in code is {####}';
    pool.SmsConfiguration = {
      SnsCallerArn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/service-role/${def.name}-sms`,
      ExternalId: `${def.name}-external`,
      SnsRegion: DEMO_REGION,
    };
  }
  if (def.deviceTracking) pool.DeviceConfiguration = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true };
  if (def.domain !== undefined) pool.Domain = def.domain;
  return pool;
}

/** The client as DescribeUserPoolClient returns it (`UserPoolClientType`); empty lists are left out. */
export function userPoolClientType(poolId: string, client: ClientRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    UserPoolId: poolId,
    ClientName: client.name,
    ClientId: client.id,
    LastModifiedDate: seconds(client.modifiedAt),
    CreationDate: seconds(client.createdAt),
    RefreshTokenValidity: client.refreshTokenDays,
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    ExplicitAuthFlows: [...client.authFlows],
    SupportedIdentityProviders: client.oauthFlows.includes('code') ? ['COGNITO', 'Google'] : ['COGNITO'],
    AllowedOAuthFlowsUserPoolClient: client.oauthFlows.length > 0,
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
  };
  if (client.secret !== undefined) out.ClientSecret = client.secret;
  if (client.callbackUrls.length > 0) {
    out.CallbackURLs = [...client.callbackUrls];
    out.DefaultRedirectURI = client.callbackUrls[0];
  }
  if (client.logoutUrls.length > 0) out.LogoutURLs = [...client.logoutUrls];
  if (client.oauthFlows.length > 0) out.AllowedOAuthFlows = [...client.oauthFlows];
  if (client.oauthScopes.length > 0) out.AllowedOAuthScopes = [...client.oauthScopes];
  return out;
}
