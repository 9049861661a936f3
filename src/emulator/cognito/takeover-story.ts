import { ATTACK_CITIES, ATTACKER_DEVICE_NAMES } from './locales.ts';
import type { AuthEventRecord, PoolDefinition } from './model.ts';
import { Rng } from '../prng.ts';
import { TAKEOVER_USERNAME } from '../well-known-ids.ts';
import type { UserProfile } from './user-profile.ts';

const MINUTE = 60_000;

type Outcome = 'mfa-failed' | 'password-failed' | 'blocked-ip' | 'compromised' | 'victim' | 'victim-password-change' | 'forgot-password';

interface Step {
  minutesAgo: number;
  outcome: Outcome;
  city?: number;
  ip?: string;
  device?: number;
}

const STORY: readonly Step[] = [
  { minutesAgo: 1390, outcome: 'blocked-ip', city: 0, ip: '185.220.101.34', device: 1 },
  { minutesAgo: 1365, outcome: 'forgot-password', city: 0, ip: '185.220.101.34', device: 1 },
  { minutesAgo: 1260, outcome: 'compromised', city: 2, ip: '86.105.25.161', device: 0 },
  { minutesAgo: 1200, outcome: 'victim' },
  { minutesAgo: 1050, outcome: 'mfa-failed', city: 1, ip: '103.152.220.18', device: 2 },
  { minutesAgo: 1048, outcome: 'mfa-failed', city: 1, ip: '103.152.220.18', device: 2 },
  { minutesAgo: 840, outcome: 'mfa-failed', city: 3, ip: '113.190.232.7', device: 3 },
  { minutesAgo: 540, outcome: 'mfa-failed', city: 4, ip: '177.54.146.90', device: 4 },
  { minutesAgo: 480, outcome: 'victim' },
  { minutesAgo: 300, outcome: 'mfa-failed', city: 5, ip: '54.209.118.12', device: 0 },
  { minutesAgo: 185, outcome: 'victim-password-change' },
  { minutesAgo: 120, outcome: 'blocked-ip', city: 0, ip: '185.220.101.77', device: 1 },
  { minutesAgo: 40, outcome: 'password-failed', city: 2, ip: '86.105.25.199', device: 0 },
  { minutesAgo: 12, outcome: 'victim' },
];

const PASSWORD_OK = { ChallengeName: 'Password', ChallengeResponse: 'Success' } as const;
const PASSWORD_BAD = { ChallengeName: 'Password', ChallengeResponse: 'Failure' } as const;
const MFA_BAD = { ChallengeName: 'Mfa', ChallengeResponse: 'Failure' } as const;
const MFA_OK = { ChallengeName: 'Mfa', ChallengeResponse: 'Success' } as const;

function attackerPlace(step: Step): AuthEventRecord['EventContextData'] {
  const { country, city } = ATTACK_CITIES[step.city ?? 0];
  return {
    IpAddress: step.ip ?? '',
    DeviceName: ATTACKER_DEVICE_NAMES[step.device ?? 0],
    Timezone: city.timezone,
    City: city.name,
    Country: country,
  };
}

function stepEvent(step: Step, profile: UserProfile): Omit<AuthEventRecord, 'EventId' | 'createdAt'> {
  const high = (decision: 'AccountTakeover' | 'Block', compromised = false) => ({
    RiskDecision: decision,
    RiskLevel: 'High' as const,
    CompromisedCredentialsDetected: compromised,
  });
  const home = {
    IpAddress: profile.homeIps[0],
    DeviceName: profile.deviceNames[0],
    Timezone: profile.city.timezone,
    City: profile.city.name,
    Country: profile.country,
  };
  const safe = { RiskDecision: 'NoRisk' as const, RiskLevel: 'Low' as const, CompromisedCredentialsDetected: false };
  switch (step.outcome) {
    case 'victim':
      return { EventType: 'SignIn', EventResponse: 'Pass', EventRisk: safe, ChallengeResponses: [PASSWORD_OK, MFA_OK], EventContextData: home };
    case 'victim-password-change':
      return { EventType: 'PasswordChange', EventResponse: 'Pass', EventRisk: safe, ChallengeResponses: [PASSWORD_OK], EventContextData: home };
    case 'blocked-ip':
      return { EventType: 'SignIn', EventResponse: 'Fail', EventRisk: high('Block'), ChallengeResponses: [PASSWORD_OK], EventContextData: attackerPlace(step) };
    case 'compromised':
      return { EventType: 'SignIn', EventResponse: 'Fail', EventRisk: high('Block', true), ChallengeResponses: [PASSWORD_OK], EventContextData: attackerPlace(step) };
    case 'forgot-password':
      return { EventType: 'ForgotPassword', EventResponse: 'Fail', EventRisk: high('AccountTakeover'), ChallengeResponses: [], EventContextData: attackerPlace(step) };
    case 'mfa-failed':
      return { EventType: 'SignIn', EventResponse: 'Fail', EventRisk: high('AccountTakeover'), ChallengeResponses: [PASSWORD_OK, MFA_BAD], EventContextData: attackerPlace(step) };
    case 'password-failed':
      return { EventType: 'SignIn', EventResponse: 'Fail', EventRisk: high('AccountTakeover'), ChallengeResponses: [PASSWORD_BAD], EventContextData: attackerPlace(step) };
  }
}

/**
 * The last day of the takeover victim's history: sign-ins from new countries, IPs and devices that were
 * blocked, failed MFA or were caught with compromised credentials, interleaved with her own sign-ins and
 * a password change.
 */
export function takeoverBurst(seed: number, pool: PoolDefinition, profile: UserProfile, now: number): AuthEventRecord[] {
  const rng = new Rng(seed, pool.id, TAKEOVER_USERNAME, 'takeover');
  return STORY.map((step) => ({
    EventId: rng.uuid(),
    createdAt: now - step.minutesAgo * MINUTE - rng.int(50_000),
    ...stepEvent(step, profile),
  }));
}
