import { asciiFold, LOCALES } from '../../src/emulator/cognito/locales.ts';
import { Rng } from '../../src/emulator/prng.ts';
import type { User } from '../../src/gateway/types.ts';

const DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example', 'inbox.example'];
const STATUSES = ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER'];

/**
 * One ListUsers page of realistic users (the large demo pool's shapes: alias usernames, emails on a few domains, names in
 * their own script for some locales), parsed from JSON text as the SDK would, so each string is its own heap string.
 */
export function syntheticPage(rng: Rng, first: number, count: number): User[] {
  const wire = [];
  for (let i = first; i < first + count; i++) {
    const locale = LOCALES[rng.int(LOCALES.length)];
    const given = rng.pick(locale.given);
    const family = rng.pick(locale.family);
    const local = `${asciiFold(given).toLowerCase()}.${asciiFold(family).toLowerCase()}${i}`;
    const native = locale.native && rng.chance(0.5) ? `${locale.native[family] ?? family} ${locale.native[given] ?? given}` : `${given} ${family}`;
    wire.push({
      Username: rng.chance(0.1) ? `${asciiFold(given).toLowerCase()}${i}` : local,
      Enabled: rng.next() > 0.015,
      UserStatus: rng.pick(STATUSES),
      UserCreateDate: 1_650_000_000 + i * 60 + rng.next(),
      UserLastModifiedDate: 1_700_000_000 + i,
      Attributes: [
        { Name: 'sub', Value: rng.uuid() },
        { Name: 'email', Value: `${local}@${rng.pick(DOMAINS)}` },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'given_name', Value: given },
        { Name: 'family_name', Value: family },
        { Name: 'name', Value: native },
        { Name: 'locale', Value: locale.tag },
      ],
    });
  }
  const parsed = JSON.parse(JSON.stringify({ Users: wire })) as { Users: typeof wire };
  return parsed.Users.map((w) => ({
    username: w.Username,
    enabled: w.Enabled,
    status: w.UserStatus,
    createdAt: Math.round(w.UserCreateDate * 1000),
    modifiedAt: w.UserLastModifiedDate * 1000,
    attributes: Object.fromEntries(w.Attributes.map((a) => [a.Name, a.Value])),
    mfaOptions: [],
  }));
}
