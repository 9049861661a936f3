import { DEVICE_NAMES, LOCALES } from './locales.ts';
import type { City } from './locales.ts';
import type { DeviceRecord, PoolDefinition, UserRecord } from './model.ts';
import { Rng } from '../prng.ts';
import { DEMO_REGION } from '../well-known-ids.ts';

/** Where and on what a user normally signs in, derived deterministically from (seed, pool, username). */
export interface UserProfile {
  country: string;
  city: City;
  homeIps: string[];
  deviceNames: string[];
  devices: DeviceRecord[];
}

/** A plausible IPv4 address inside one of the city's /16 prefixes. */
export function ipInCity(city: City, rng: Rng): string {
  const [a, b] = rng.pick(city.prefixes);
  return `${a}.${b}.${rng.int(256)}.${rng.between(1, 254)}`;
}

function rememberedDevices(pool: PoolDefinition, user: UserRecord, names: string[], ips: string[], rng: Rng, now: number): DeviceRecord[] {
  if (!pool.deviceTracking || user.userStatus !== 'CONFIRMED' || !(user.kind !== 'normal' || rng.chance(0.45))) return [];
  return names.map((name) => {
    const createdAt = user.createdAt + Math.floor(rng.next() * (now - user.createdAt));
    const lastAuthenticatedAt = createdAt + Math.floor(rng.next() * (now - createdAt));
    return {
      key: `${DEMO_REGION}_${rng.uuid()}`,
      name,
      lastIp: rng.pick(ips),
      remembered: rng.chance(0.7),
      createdAt,
      modifiedAt: lastAuthenticatedAt,
      lastAuthenticatedAt,
    };
  });
}

const TAKEOVER_DEVICE_NAMES = ['Safari 17, iOS 17', 'Chrome 125, macOS 14'];

/** The user's home city, IPs, usual devices and remembered devices. */
export function userProfile(seed: number, pool: PoolDefinition, user: UserRecord, now: number): UserProfile {
  const rng = new Rng(seed, pool.id, user.username, 'profile');
  const locale = LOCALES[user.locale];
  const city = locale.cities[user.city] ?? locale.cities[0];
  const homeIps = Array.from({ length: rng.between(1, 3) }, () => ipInCity(city, rng));
  let deviceNames: string[];
  if (user.kind === 'takeover') {
    deviceNames = TAKEOVER_DEVICE_NAMES;
  } else {
    const count = rng.between(1, 3);
    const names = new Set<string>();
    while (names.size < count) names.add(rng.pick(DEVICE_NAMES));
    deviceNames = [...names];
  }
  const devices = rememberedDevices(pool, user, deviceNames, homeIps, rng, now);
  if (user.kind === 'takeover' && devices.length > 0) {
    devices[0] = { ...devices[0], remembered: true, lastIp: homeIps[0], modifiedAt: now - 12 * 60_000, lastAuthenticatedAt: now - 12 * 60_000 };
  }
  return { country: locale.country, city, homeIps, deviceNames, devices };
}
