import { asciiFold, LOCALES } from './locales.ts';
import type { Locale } from './locales.ts';
import type { MfaSettings, PoolDefinition, UserRecord, UserStatus } from './model.ts';
import { Rng, WeightedTable } from '../prng.ts';
import { TAKEOVER_EMAIL, TAKEOVER_SUB, TAKEOVER_USERNAME } from '../well-known-ids.ts';

const DAY = 86_400_000;

const EMAIL_DOMAINS = new WeightedTable<string>([
  ['example.com', 40],
  ['example.net', 20],
  ['example.org', 15],
  ['mail.example', 10],
  ['post.example', 8],
  ['inbox.example', 7],
]);

const STATUSES = new WeightedTable<UserStatus>([
  ['CONFIRMED', 880],
  ['UNCONFIRMED', 50],
  ['FORCE_CHANGE_PASSWORD', 30],
  ['EXTERNAL_PROVIDER', 30],
  ['RESET_REQUIRED', 10],
]);

const IDENTITY_PROVIDERS = ['Google', 'SignInWithApple', 'Facebook'] as const;

const CUSTOM_VALUES: Readonly<Record<string, WeightedTable<string>>> = {
  'custom:tenant': new WeightedTable([['acme-retail', 30], ['globex', 15], ['initech', 12], ['umbrella-eu', 10], ['hooli', 10], ['stark-industries', 8], ['wayne-enterprises', 8], ['soylent', 7]]),
  'custom:plan': new WeightedTable([['free', 60], ['pro', 30], ['enterprise', 10]]),
  'custom:company': new WeightedTable([['Northwind Traders', 20], ['Contoso Ltd', 20], ['Fabrikam', 15], ['Tailspin Toys', 15], ['Woodgrove Bank', 15], ['Litware', 15]]),
  'custom:partner_tier': new WeightedTable([['silver', 60], ['gold', 30], ['platinum', 10]]),
  'custom:role': new WeightedTable([['engineer', 50], ['support', 25], ['finance', 15], ['admin', 10]]),
};

const LOCALE_WEIGHTS = new WeightedTable<number>(LOCALES.map((l, i) => [i, l.weight] as const));

const NO_MFA: MfaSettings = Object.freeze({ enabled: Object.freeze([]) });
const TOTP_MFA: MfaSettings = Object.freeze({ preferred: 'SOFTWARE_TOKEN_MFA', enabled: Object.freeze(['SOFTWARE_TOKEN_MFA'] as const) });
const TOTP_AND_SMS_MFA: MfaSettings = Object.freeze({ preferred: 'SOFTWARE_TOKEN_MFA', enabled: Object.freeze(['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] as const) });
const SMS_MFA: MfaSettings = Object.freeze({ preferred: 'SMS_MFA', enabled: Object.freeze(['SMS_MFA'] as const) });

const slugCache = new Map<string, string>();

function slug(name: string): string {
  let s = slugCache.get(name);
  if (s === undefined) {
    s = asciiFold(name).toLowerCase();
    slugCache.set(name, s);
  }
  return s;
}

function randomDigits(rng: Rng): string {
  return `${rng.between(2, 9)}${rng.uint32() % 1_000_000}${rng.uint32() % 100_000}`.padEnd(12, '7');
}

/** Names already used in a pool, each with the next numeric suffix to try when it is wanted again. */
class NameRegistry {
  private readonly nextSuffix = new Map<string, number>();

  reserve(name: string): void {
    this.nextSuffix.set(name, 2);
  }

  unique(base: string): string {
    const suffix = this.nextSuffix.get(base);
    if (suffix === undefined) {
      this.nextSuffix.set(base, 2);
      return base;
    }
    let n = suffix;
    let candidate = `${base}${n}`;
    while (this.nextSuffix.has(candidate)) {
      n += 1;
      candidate = `${base}${n}`;
    }
    this.nextSuffix.set(base, n + 1);
    this.nextSuffix.set(candidate, 2);
    return candidate;
  }
}

function displayName(locale: Locale, given: string, family: string, rng: Rng): string {
  const native = locale.native;
  if (native !== undefined && rng.chance(0.5)) {
    const g = native[given] ?? given;
    const f = native[family] ?? family;
    return locale.tag === 'ko-KR' || locale.tag === 'zh-CN' ? `${f}${g}` : `${f} ${g}`;
  }
  return `${given} ${family}`;
}

function chooseMfa(pool: PoolDefinition, hasPhone: boolean, rng: Rng): MfaSettings {
  if (pool.mfa === 'OFF') return NO_MFA;
  const roll = rng.next();
  const totp = pool.mfa === 'ON' ? 0.6 : 0.25;
  const sms = pool.mfa === 'ON' ? 1 : 0.33;
  if (roll < totp) return hasPhone && rng.chance(0.2) ? TOTP_AND_SMS_MFA : TOTP_MFA;
  if (roll < sms && hasPhone) return SMS_MFA;
  if (pool.mfa === 'ON') return TOTP_MFA;
  return NO_MFA;
}

/** Shared state while generating one pool's users: the stream and the names already taken. */
interface UserFactory {
  pool: PoolDefinition;
  rng: Rng;
  now: number;
  names: NameRegistry;
  preferred: Set<string>;
}

function externalIdentity(rng: Rng, createdAt: number): { provider: string; id: string; json: string } {
  const provider = rng.pick(IDENTITY_PROVIDERS);
  const id = rng.chars('0123456789', 21);
  const json = JSON.stringify([{ userId: id, providerName: provider, providerType: provider, issuer: null, primary: true, dateCreated: createdAt }]);
  return { provider, id, json };
}

function makeUser(f: UserFactory, ordinal: number, createdAt: number): UserRecord {
  const { rng, pool } = f;
  const localeIndex = rng.weighted(LOCALE_WEIGHTS);
  const locale = LOCALES[localeIndex];
  const given = rng.pick(locale.given);
  const family = rng.pick(locale.family);
  const sub = rng.uuid();
  const status = rng.weighted(STATUSES);
  const localPart = f.names.unique(`${slug(given)}.${slug(family)}`);
  const attributes: Record<string, string> = {
    sub,
    email: `${localPart}@${rng.weighted(EMAIL_DOMAINS)}`,
    email_verified: status === 'UNCONFIRMED' || rng.chance(0.04) ? 'false' : 'true',
  };
  const hasPhone = rng.chance(0.65);
  if (hasPhone) {
    attributes.phone_number = locale.phone(randomDigits(rng));
    attributes.phone_number_verified = status === 'CONFIRMED' && rng.chance(0.8) ? 'true' : 'false';
  }
  attributes.given_name = given;
  attributes.family_name = family;
  attributes.name = displayName(locale, given, family, rng);
  let username = localPart;
  if (status === 'EXTERNAL_PROVIDER') {
    const identity = externalIdentity(rng, createdAt);
    username = f.names.unique(`${identity.provider.toLowerCase()}_${identity.id}`);
    attributes.identities = identity.json;
  } else if (pool.usernameMode === 'email') {
    username = sub;
  } else {
    if (rng.chance(0.1)) username = f.names.unique(`${slug(given)}${rng.between(10, 99)}`);
    if (rng.chance(0.15)) {
      const nick = `${slug(given)}_${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 4)}`;
      if (!f.preferred.has(nick)) {
        f.preferred.add(nick);
        attributes.preferred_username = nick;
      }
    }
  }
  attributes.locale = locale.tag;
  for (const custom of pool.customAttributes) attributes[custom] = rng.weighted(CUSTOM_VALUES[custom]);
  const modifiedAt = createdAt + Math.floor(rng.next() * rng.next() * (f.now - 60_000 - createdAt));
  return {
    ordinal,
    username,
    enabled: rng.next() > 0.015,
    userStatus: status,
    attributes,
    createdAt,
    modifiedAt: modifiedAt > createdAt ? modifiedAt : createdAt,
    mfa: status === 'EXTERNAL_PROVIDER' ? NO_MFA : chooseMfa(pool, hasPhone, rng),
    locale: localeIndex,
    city: rng.int(locale.cities.length),
    kind: 'normal',
  };
}

function takeoverVictim(ordinal: number, createdAt: number, now: number): UserRecord {
  const spain = LOCALES.findIndex((l) => l.tag === 'es-ES');
  return {
    ordinal,
    username: TAKEOVER_USERNAME,
    enabled: true,
    userStatus: 'CONFIRMED',
    attributes: {
      sub: TAKEOVER_SUB,
      email: TAKEOVER_EMAIL,
      email_verified: 'true',
      phone_number: '+34612345678',
      phone_number_verified: 'true',
      given_name: 'María',
      family_name: 'García',
      name: 'María García',
      locale: 'es-ES',
      'custom:tenant': 'acme-retail',
      'custom:plan': 'enterprise',
    },
    createdAt,
    modifiedAt: now - 40 * DAY,
    mfa: SMS_MFA,
    locale: spain,
    city: 0,
    kind: 'takeover',
  };
}

/**
 * Generates a pool's users in creation order, deterministically from (seed, pool id, now), a slice at a
 * time so a large pool can be built between requests. The large pool also gets the takeover victim at a
 * fixed fraction of its history.
 */
export class PoolUserGenerator {
  /** Users generated so far, in ordinal order. */
  readonly users: UserRecord[] = [];
  private readonly factory: UserFactory;
  private readonly victimAt: number;
  private readonly start: number;
  private readonly step: number;

  constructor(
    private readonly pool: PoolDefinition,
    seed: number,
    private readonly now: number,
    withVictim: boolean,
  ) {
    const count = pool.userCount;
    this.factory = { pool, rng: new Rng(seed, pool.id, 'users'), now, names: new NameRegistry(), preferred: new Set() };
    if (withVictim) this.factory.names.reserve(TAKEOVER_USERNAME);
    this.victimAt = withVictim && count > 0 ? Math.floor(count * 0.21) : -1;
    this.start = Math.max(pool.createdAt, now - 1100 * DAY);
    this.step = count > 0 ? (now - DAY - this.start) / count : 0;
  }

  /** Whether every user has been generated. */
  get done(): boolean {
    return this.users.length >= this.pool.userCount;
  }

  /** Generates up to `count` more users; returns whether the pool is complete. */
  advance(count: number): boolean {
    const end = Math.min(this.pool.userCount, this.users.length + count);
    const { rng } = this.factory;
    for (let i = this.users.length; i < end; i += 1) {
      const createdAt = Math.floor(this.start + this.step * (i + rng.next()));
      this.users.push(i === this.victimAt ? takeoverVictim(i, createdAt, this.now) : makeUser(this.factory, i, createdAt));
    }
    return this.done;
  }
}

/** All of a pool's users at once (see {@link PoolUserGenerator}). */
export function generatePoolUsers(pool: PoolDefinition, seed: number, now: number, withVictim: boolean): UserRecord[] {
  const generator = new PoolUserGenerator(pool, seed, now, withVictim);
  generator.advance(pool.userCount);
  return generator.users;
}
