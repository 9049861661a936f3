import type { ClientRecord, PoolDefinition, RiskConfigurationRecord } from './model.ts';
import {
  AUDIT_POOL_ID,
  DEMO_ACCOUNT_ID,
  DEMO_REGION,
  EMPTY_POOL_ID,
  LARGE_POOL_ID,
  LARGE_POOL_WEB_CLIENT_ID,
  NO_ALIAS_POOL_ID,
  OFF_POOL_ID,
  OVERRIDE_RISK_CLIENT_ID,
} from '../well-known-ids.ts';

const DAY = 86_400_000;

const template = (kind: string) => ({
  Subject: `${kind}: unusual sign-in activity on your account`,
  HtmlBody: `<p>We detected a sign-in attempt to {username} from {city}, {country} ({ip-address}) at {login-time}. ${kind}.</p>`,
  TextBody: `We detected a sign-in attempt to {username} from {city}, {country} ({ip-address}) at {login-time}. ${kind}.`,
});

function notifyConfiguration(domain: string): Record<string, unknown> {
  return {
    From: `security@${domain}`,
    ReplyTo: `no-reply@${domain}`,
    SourceArn: `arn:aws:ses:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:identity/${domain}`,
    BlockEmail: template('We blocked it'),
    NoActionEmail: template('No action was taken'),
    MfaEmail: template('We asked for a second factor'),
  };
}

function enforcedPoolRisk(now: number): RiskConfigurationRecord {
  return {
    compromisedCredentials: { EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
    accountTakeover: {
      NotifyConfiguration: notifyConfiguration('acme.example'),
      Actions: {
        LowAction: { Notify: false, EventAction: 'NO_ACTION' },
        MediumAction: { Notify: true, EventAction: 'MFA_IF_CONFIGURED' },
        HighAction: { Notify: true, EventAction: 'MFA_REQUIRED' },
      },
    },
    riskExceptions: { BlockedIPRangeList: ['185.220.100.0/22', '203.0.113.0/24'], SkippedIPRangeList: ['198.51.100.0/24'] },
    lastModifiedAt: now - 41 * DAY,
  };
}

function overrideClientRisk(now: number): RiskConfigurationRecord {
  return {
    compromisedCredentials: { EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'], Actions: { EventAction: 'BLOCK' } },
    accountTakeover: {
      NotifyConfiguration: notifyConfiguration('admin.acme.example'),
      Actions: {
        LowAction: { Notify: false, EventAction: 'MFA_IF_CONFIGURED' },
        MediumAction: { Notify: true, EventAction: 'MFA_REQUIRED' },
        HighAction: { Notify: true, EventAction: 'BLOCK' },
      },
    },
    riskExceptions: { BlockedIPRangeList: ['185.220.100.0/22'], SkippedIPRangeList: ['10.20.0.0/16', '192.0.2.0/24'] },
    lastModifiedAt: now - 12 * DAY,
  };
}

function auditPoolRisk(now: number): RiskConfigurationRecord {
  return {
    compromisedCredentials: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'NO_ACTION' } },
    accountTakeover: {
      NotifyConfiguration: notifyConfiguration('partners.acme.example'),
      Actions: {
        LowAction: { Notify: false, EventAction: 'NO_ACTION' },
        MediumAction: { Notify: false, EventAction: 'NO_ACTION' },
        HighAction: { Notify: false, EventAction: 'NO_ACTION' },
      },
    },
    riskExceptions: { BlockedIPRangeList: [], SkippedIPRangeList: ['192.0.2.0/24'] },
    lastModifiedAt: now - 96 * DAY,
  };
}

const SRP_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

function client(
  id: string,
  name: string,
  createdDaysAgo: number,
  now: number,
  extra: Partial<ClientRecord> = {},
): ClientRecord {
  return {
    id,
    name,
    createdAt: now - createdDaysAgo * DAY,
    modifiedAt: now - Math.floor(createdDaysAgo / 3) * DAY,
    authFlows: SRP_FLOWS,
    callbackUrls: [],
    logoutUrls: [],
    oauthFlows: [],
    oauthScopes: [],
    refreshTokenDays: 30,
    ...extra,
  };
}

/** The pools the emulator serves, with fixed ids, relative to `now` (epoch ms). */
export function definePools(now: number, usersInLargePool: number): PoolDefinition[] {
  return [
    {
      id: LARGE_POOL_ID,
      name: 'acme-prod-customers',
      mode: 'ENFORCED',
      tier: 'PLUS',
      mfa: 'OPTIONAL',
      usernameMode: 'alias',
      userCount: usersInLargePool,
      createdAt: now - 1130 * DAY,
      modifiedAt: now - 41 * DAY,
      domain: 'acme-prod-login',
      customAttributes: ['custom:tenant', 'custom:plan'],
      emailFrom: 'Acme <no-reply@acme.example>',
      tags: { environment: 'production', team: 'identity' },
      deviceTracking: true,
      risk: enforcedPoolRisk(now),
      clients: [
        client(LARGE_POOL_WEB_CLIENT_ID, 'customer-web', 1120, now, {
          authFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'],
          callbackUrls: ['https://app.acme.example/auth/callback'],
          logoutUrls: ['https://app.acme.example/'],
          oauthFlows: ['code'],
          oauthScopes: ['openid', 'email', 'profile'],
        }),
        client('1a9s8d7f6g5h4j3k2l0z9x8c7v', 'mobile-ios-android', 900, now, {
          callbackUrls: ['acme://auth/callback'],
          oauthFlows: ['code'],
          oauthScopes: ['openid', 'email', 'phone', 'profile'],
          refreshTokenDays: 90,
        }),
        client(OVERRIDE_RISK_CLIENT_ID, 'support-admin-console', 700, now, {
          authFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          callbackUrls: ['https://admin.acme.example/callback'],
          oauthFlows: ['code'],
          oauthScopes: ['openid', 'email'],
          refreshTokenDays: 1,
          risk: overrideClientRisk(now),
        }),
        client('5m4n3b2v1c0x9z8l7k6j5h4g3f', 'billing-backend', 400, now, {
          secret: '1r8s4k2q9v7m3x5b0n6c1z8l4j2h7g5f3d9s0a6p1o8i4u2y7t',
          authFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          oauthFlows: ['client_credentials'],
          oauthScopes: ['billing/read'],
        }),
      ],
    },
    {
      id: AUDIT_POOL_ID,
      name: 'acme-partner-portal',
      mode: 'AUDIT',
      tier: 'PLUS',
      mfa: 'ON',
      usernameMode: 'email',
      userCount: 320,
      createdAt: now - 610 * DAY,
      modifiedAt: now - 96 * DAY,
      domain: 'acme-partners',
      customAttributes: ['custom:company', 'custom:partner_tier'],
      emailFrom: 'Acme Partners <partners@acme.example>',
      tags: { environment: 'production', team: 'partnerships' },
      deviceTracking: true,
      risk: auditPoolRisk(now),
      clients: [
        client('9z8y7x6w5v4u3t2s1r0q9p8o7n', 'partner-portal-web', 600, now, {
          callbackUrls: ['https://partners.acme.example/callback'],
          oauthFlows: ['code'],
          oauthScopes: ['openid', 'email'],
        }),
        client('2b4d6f8h0j2l4n6p8r0t2v4x6z', 'partner-api', 380, now, {
          secret: '8k3j5h7g9f1d3s5a7p9o1i3u5y7t9r1e3w5q7z9x1c3v5b7n9m',
          authFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
          oauthFlows: ['client_credentials'],
          oauthScopes: ['partners/read', 'partners/write'],
        }),
      ],
    },
    {
      id: OFF_POOL_ID,
      name: 'acme-internal-tools',
      mode: 'OFF',
      tier: 'ESSENTIALS',
      mfa: 'OFF',
      usernameMode: 'alias',
      userCount: 42,
      createdAt: now - 380 * DAY,
      modifiedAt: now - 200 * DAY,
      customAttributes: ['custom:role'],
      emailFrom: 'no-reply@verificationemail.com',
      tags: { environment: 'internal' },
      deviceTracking: false,
      clients: [
        client('4c6e8g0i2k4m6o8q0s2u4w6y8a', 'tools-web', 375, now),
        client('6h8j0l2n4p6r8t0v2x4z6b8d0f', 'tools-cli', 150, now, { authFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      ],
    },
    {
      id: EMPTY_POOL_ID,
      name: 'acme-sandbox',
      mode: 'OFF',
      tier: 'LITE',
      mfa: 'OFF',
      usernameMode: 'email',
      userCount: 0,
      createdAt: now - 9 * DAY,
      modifiedAt: now - 9 * DAY,
      customAttributes: [],
      emailFrom: 'no-reply@verificationemail.com',
      tags: { environment: 'sandbox' },
      deviceTracking: false,
      clients: [
        client('8p0r2t4v6x8z0b2d4f6h8j0l2n', 'sandbox-app', 9, now),
        client('0q2s4u6w8y0a2c4e6g8i0k2m4o', 'sandbox-scripts', 3, now, { authFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      ],
    },
    {
      id: NO_ALIAS_POOL_ID,
      name: 'acme-workforce',
      mode: 'ENFORCED',
      tier: 'PLUS',
      mfa: 'OPTIONAL',
      usernameMode: 'username',
      userCount: 150,
      createdAt: now - 720 * DAY,
      modifiedAt: now - 60 * DAY,
      customAttributes: ['custom:role'],
      emailFrom: 'no-reply@verificationemail.com',
      tags: { environment: 'production', team: 'it' },
      deviceTracking: true,
      risk: auditPoolRisk(now),
      clients: [
        client('3w5y7a9c1e3g5i7k9m1o3q5s7u', 'workforce-sso', 700, now),
      ],
    },
  ];
}

/** The attributes a pool accepts in place of the username in admin calls (its AliasAttributes or UsernameAttributes). */
export function signInAttributes(def: Pick<PoolDefinition, 'usernameMode'>): { aliases: string[]; usernameAttributes: string[] } {
  switch (def.usernameMode) {
    case 'alias': return { aliases: ['email', 'preferred_username'], usernameAttributes: [] };
    case 'email': return { aliases: [], usernameAttributes: ['email'] };
    case 'username': return { aliases: [], usernameAttributes: [] };
  }
}
