import { HOSTILE_CITIES, HOSTILE_DEVICE_NAMES } from './hostile.ts';
import { LOCALES } from './locales.ts';
import type { AuthEventRecord, PoolDefinition, UserRecord } from './model.ts';
import { Rng } from '../prng.ts';
import { takeoverBurst } from './takeover-story.ts';
import { ipInCity, userProfile } from './user-profile.ts';
import type { UserProfile } from './user-profile.ts';

const DAY = 86_400_000;
const HISTORY_DAYS = 90;

type Place = AuthEventRecord['EventContextData'];
type Risk = AuthEventRecord['EventRisk'];
type Challenges = AuthEventRecord['ChallengeResponses'];
type EventBody = Omit<AuthEventRecord, 'EventId' | 'createdAt'>;

interface EventContext {
  rng: Rng;
  pool: PoolDefinition;
  user: UserRecord;
  profile: UserProfile;
  anomalies: boolean;
}

function homePlace(c: EventContext): Place {
  const { rng, profile } = c;
  const device = rng.chance(0.7) ? profile.deviceNames[0] : rng.pick(profile.deviceNames);
  return {
    IpAddress: rng.chance(0.9) ? rng.pick(profile.homeIps) : ipInCity(profile.city, rng),
    DeviceName: device,
    Timezone: profile.city.timezone,
    City: profile.city.name,
    Country: profile.country,
  };
}

function travelPlace(c: EventContext, foreign: boolean): Place {
  const { rng, user, profile } = c;
  const locale = foreign ? rng.pick(LOCALES.filter((l) => l.country !== profile.country)) : LOCALES[user.locale];
  const city = rng.pick(locale.cities);
  return {
    IpAddress: ipInCity(city, rng),
    DeviceName: rng.pick(profile.deviceNames),
    Timezone: city.timezone,
    City: city.name,
    Country: locale.country,
  };
}

function hostilePlace(c: EventContext): Place {
  const place = homePlace(c);
  if (c.rng.chance(0.5)) place.City = c.rng.pick(HOSTILE_CITIES);
  if (c.rng.chance(0.5)) place.DeviceName = c.rng.pick(HOSTILE_DEVICE_NAMES);
  return place;
}

const hasMfa = (user: UserRecord): boolean => user.mfa.enabled.length > 0;

function passChallenges(mfaAsked: boolean, mfaOk = true): Challenges {
  const list: Challenges = [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }];
  if (mfaAsked) list.push({ ChallengeName: 'Mfa', ChallengeResponse: mfaOk ? 'Success' : 'Failure' });
  return list;
}

function riskySignIn(c: EventContext, level: 'Medium' | 'High', place: Place): EventBody {
  const { pool, user, rng } = c;
  const risk: Risk = { RiskDecision: 'AccountTakeover', RiskLevel: level, CompromisedCredentialsDetected: false };
  const base = { EventType: 'SignIn' as const, EventRisk: risk, EventContextData: place };
  if (pool.mode !== 'ENFORCED') {
    return { ...base, EventResponse: 'Pass', ChallengeResponses: passChallenges(pool.mfa === 'ON' || hasMfa(user)) };
  }
  const action = pool.risk?.accountTakeover?.Actions[level === 'High' ? 'HighAction' : 'MediumAction']?.EventAction ?? 'NO_ACTION';
  if (action === 'BLOCK') return { ...base, EventResponse: 'Fail', ChallengeResponses: passChallenges(false) };
  const wantsMfa = action === 'MFA_REQUIRED' || action === 'MFA_IF_CONFIGURED';
  if (wantsMfa && hasMfa(user)) {
    const ok = rng.chance(0.9);
    return { ...base, EventResponse: ok ? 'Pass' : 'Fail', ChallengeResponses: passChallenges(true, ok) };
  }
  if (action === 'MFA_REQUIRED') return { ...base, EventResponse: 'Fail', ChallengeResponses: passChallenges(false) };
  return { ...base, EventResponse: 'Pass', ChallengeResponses: passChallenges(false) };
}

function noRisk(): Risk {
  return { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false };
}

function ordinarySignIn(response: AuthEventRecord['EventResponse'], challenges: Challenges, place: Place): EventBody {
  return { EventType: 'SignIn', EventResponse: response, EventRisk: noRisk(), ChallengeResponses: challenges, EventContextData: place };
}

function unfamiliarDevice(c: EventContext, place: Place): Place {
  return { ...place, DeviceName: 'Chrome 125, Windows 10', IpAddress: ipInCity(c.profile.city, c.rng) };
}

function signIn(c: EventContext): EventBody {
  const { rng, user, pool } = c;
  const place = user.kind === 'hostile' ? hostilePlace(c) : homePlace(c);
  const roll = rng.next();
  if (c.anomalies && roll < 0.008) return riskySignIn(c, 'High', travelPlace(c, true));
  if (c.anomalies && roll < 0.045) {
    return riskySignIn(c, 'Medium', rng.chance(0.5) ? travelPlace(c, false) : unfamiliarDevice(c, place));
  }
  if (c.anomalies && roll < 0.047) {
    const blocked = pool.mode === 'ENFORCED';
    return {
      EventType: 'SignIn',
      EventResponse: blocked ? 'Fail' : 'Pass',
      EventRisk: { RiskDecision: blocked ? 'Block' : 'NoRisk', RiskLevel: 'High', CompromisedCredentialsDetected: true },
      ChallengeResponses: passChallenges(false),
      EventContextData: place,
    };
  }
  if (roll < 0.13) return ordinarySignIn('Fail', [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }], place);
  const mfa = pool.mfa === 'ON' || hasMfa(user);
  if (mfa && roll < 0.15) return ordinarySignIn('Fail', passChallenges(true, false), place);
  if (roll < 0.17) return ordinarySignIn('InProgress', passChallenges(false), place);
  return ordinarySignIn('Pass', passChallenges(mfa), place);
}

function otherEvent(c: EventContext, type: 'ForgotPassword' | 'PasswordChange' | 'ResendCode'): EventBody {
  const place = c.user.kind === 'hostile' ? hostilePlace(c) : homePlace(c);
  const challenges: Challenges = type === 'PasswordChange' ? passChallenges(false) : [];
  const risk: Risk = type === 'ResendCode'
    ? { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false }
    : { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false };
  return { EventType: type, EventResponse: 'Pass', EventRisk: risk, ChallengeResponses: challenges, EventContextData: place };
}

function signUp(c: EventContext): EventBody {
  return {
    EventType: 'SignUp',
    EventResponse: 'Pass',
    EventRisk: { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false },
    ChallengeResponses: [],
    EventContextData: homePlace(c),
  };
}

function eventCount(c: EventContext): number {
  const { rng, user } = c;
  if (user.kind === 'takeover') return 70;
  if (user.kind === 'hostile') return rng.between(10, 20);
  if (user.userStatus === 'UNCONFIRMED') return rng.int(3);
  if (user.userStatus === 'FORCE_CHANGE_PASSWORD') return rng.int(4);
  if (rng.chance(0.12)) return 0;
  const r = rng.next();
  return Math.min(120, 1 + Math.floor(r * r * 120));
}

function maybeFeedback(c: EventContext, event: AuthEventRecord, now: number): void {
  const { rng } = c;
  if (event.EventRisk.RiskDecision === 'NoRisk' || !rng.chance(0.25)) return;
  const genuine = event.EventResponse === 'Pass';
  event.feedback = {
    FeedbackValue: genuine ? 'Valid' : 'Invalid',
    Provider: rng.chance(0.7) ? 'Admin' : 'User',
    feedbackAt: Math.min(now - 1000, event.createdAt + rng.between(60_000, 2 * DAY)),
  };
}

/** How an event's id comes from the user's stream: a UUID, or only drawn (for a consumer that never reads ids). */
export type EventIdMaker = (rng: Rng) => string;

const UUIDS: EventIdMaker = (rng) => rng.uuid();

/** Draws each event id from the stream as a UUID would, without formatting it: every event's EventId is empty. */
export const UNREAD_IDS: EventIdMaker = (rng) => {
  rng.skip(4);
  return '';
};

/**
 * A user's auth events over the last 90 days before `now`, newest first, generated deterministically
 * from (seed, pool, username). Pools with threat protection OFF have none. With `ids` = UNREAD_IDS the events are the
 * same but for their EventId (and the order of events at the same instant).
 */
export function generateAuthEvents(seed: number, pool: PoolDefinition, user: UserRecord, now: number, ids = UUIDS): AuthEventRecord[] {
  if (pool.mode === 'OFF') return [];
  const rng = new Rng(seed, pool.id, user.username, 'events');
  const profile = userProfile(seed, pool, user, now);
  const c: EventContext = { rng, pool, user, profile, anomalies: user.kind === 'normal' };
  const windowStart = Math.max(now - HISTORY_DAYS * DAY, user.createdAt + 60_000);
  const latest = now - 60_000;
  const events: AuthEventRecord[] = [];
  const count = windowStart < latest ? eventCount(c) : 0;
  const onlySignUp = user.userStatus === 'UNCONFIRMED';
  for (let i = 0; i < count; i += 1) {
    const createdAt = windowStart + Math.floor(rng.next() * (latest - windowStart));
    const roll = rng.next();
    let body: EventBody;
    if (onlySignUp) body = otherEvent(c, 'ResendCode');
    else if (roll < 0.87) body = signIn(c);
    else if (roll < 0.92) body = otherEvent(c, 'ForgotPassword');
    else if (roll < 0.96) body = otherEvent(c, 'PasswordChange');
    else body = otherEvent(c, 'ResendCode');
    const event: AuthEventRecord = { EventId: ids(rng), createdAt, ...body };
    maybeFeedback(c, event, now);
    events.push(event);
  }
  if (user.createdAt >= now - HISTORY_DAYS * DAY && user.userStatus !== 'EXTERNAL_PROVIDER') {
    events.push({ EventId: ids(rng), createdAt: user.createdAt, ...signUp(c) });
  }
  if (user.kind === 'takeover') events.push(...takeoverBurst(seed, pool, profile, now));
  return events.sort((a, b) => b.createdAt - a.createdAt || (a.EventId < b.EventId ? -1 : 1));
}
