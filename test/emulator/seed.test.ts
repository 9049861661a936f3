import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminListUserAuthEventsCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { generateAuthEvents } from '../../src/emulator/cognito/auth-event-generator.ts';
import { LARGE_POOL_ID, TAKEOVER_SUB, TAKEOVER_USERNAME, startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { definePools } from '../../src/emulator/cognito/pool-definitions.ts';
import { seedWorld } from '../../src/emulator/cognito/seed.ts';
import { generatePoolUsers } from '../../src/emulator/cognito/seed-users.ts';
import { sdkClient } from './helpers.ts';

const NOW = Date.UTC(2025, 2, 14, 9, 30, 0);

describe('seeded data', () => {
  const world = seedWorld({ seed: 7, now: NOW, hostile: false, usersInLargePool: 20_000 });
  const large = world.byId.get(LARGE_POOL_ID);
  assert.ok(large);
  const users = large.users();

  it('generates 20,000 user records and reports how long it took', (t) => {
    const def = definePools(NOW, 20_000)[0];
    const timings: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const generated = generatePoolUsers(def, 100 + i, NOW, true);
      timings.push(performance.now() - started);
      assert.equal(generated.length, 20_000);
    }
    t.diagnostic(`20,000 users generated in ${timings.map((ms) => ms.toFixed(1)).join(' / ')} ms`);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = seedWorld({ seed: 7, now: NOW, hostile: false, usersInLargePool: 20_000 }).byId.get(LARGE_POOL_ID)?.users();
    assert.deepEqual(again, users);
    const other = seedWorld({ seed: 8, now: NOW, hostile: false, usersInLargePool: 20_000 }).byId.get(LARGE_POOL_ID)?.users();
    assert.notDeepEqual(other?.slice(0, 10), users.slice(0, 10));
    const victim = users.find((u) => u.username === TAKEOVER_USERNAME);
    assert.ok(victim);
    assert.deepEqual(generateAuthEvents(7, large.def, victim, NOW), generateAuthEvents(7, large.def, victim, NOW));
  });

  it('gives every user a unique username, sub and email', () => {
    assert.equal(new Set(users.map((u) => u.username)).size, users.length);
    assert.equal(new Set(users.map((u) => u.attributes.sub)).size, users.length);
    assert.equal(new Set(users.map((u) => u.attributes.email.toLowerCase())).size, users.length);
    const preferred = users.map((u) => u.attributes.preferred_username).filter((p) => p !== undefined);
    assert.ok(preferred.length > 1000);
    assert.equal(new Set(preferred).size, preferred.length);
  });

  it('mixes statuses, disabled users, MFA, phones, locales and custom attributes', () => {
    const count = (pred: (u: (typeof users)[number]) => boolean): number => users.filter(pred).length;
    for (const status of ['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER']) {
      assert.ok(count((u) => u.userStatus === status) > 50, status);
    }
    assert.ok(count((u) => u.userStatus === 'CONFIRMED') > users.length * 0.8);
    const disabled = count((u) => !u.enabled);
    assert.ok(disabled > 50 && disabled < users.length * 0.05);
    assert.ok(count((u) => u.mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) > 1000);
    assert.ok(count((u) => u.mfa.enabled.includes('SMS_MFA')) > 500);
    const phones = users.map((u) => u.attributes.phone_number).filter((p) => p !== undefined);
    assert.ok(phones.length > users.length / 2 && phones.every((p) => /^\+\d{8,15}$/.test(p)));
    assert.ok(new Set(users.map((u) => u.attributes.locale)).size >= 15);
    assert.ok(users.some((u) => /[^\x00-\x7f]/.test(u.attributes.name)));
    assert.ok(users.every((u) => u.attributes['custom:tenant'] && u.attributes['custom:plan']));
    assert.ok(users.filter((u) => u.userStatus === 'EXTERNAL_PROVIDER').every((u) => /^(google|signinwithapple|facebook)_\d{21}/.test(u.username)));
  });

  it('places the takeover victim with her well-known sub', () => {
    const victim = users.find((u) => u.username === TAKEOVER_USERNAME);
    assert.equal(victim?.attributes.sub, TAKEOVER_SUB);
    assert.equal(users.filter((u) => u.username.startsWith('hostile')).length, 0);
  });

  it('generates 0 to 120 events per user over the last 90 days, with unique ids', () => {
    const ids = new Set<string>();
    let total = 0;
    let empty = 0;
    for (const user of users.slice(0, 400)) {
      const events = generateAuthEvents(7, large.def, user, NOW);
      assert.ok(events.length <= 121);
      if (events.length === 0) empty += 1;
      for (const e of events) {
        assert.ok(e.createdAt <= NOW && e.createdAt >= NOW - 90 * 86_400_000 - 1);
        ids.add(e.EventId);
      }
      total += events.length;
    }
    assert.equal(ids.size, total);
    assert.ok(empty > 0 && empty < 200);
    assert.ok(total / 400 > 10);
  });
});

describe('seeded data through the emulator', () => {
  const emus: RunningEmulator[] = [];
  const clients: CognitoIdentityProviderClient[] = [];
  before(async () => {
    for (const options of [{ seed: 5 }, { seed: 5 }, { seed: 6 }, { seed: 5, hostile: true }]) {
      const emu = await startEmulator({ port: 0, now: NOW, usersInLargePool: 500, ...options });
      emus.push(emu);
      clients.push(sdkClient(emu));
    }
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(emus.map((e) => e.close()));
  });

  async function snapshot(client: CognitoIdentityProviderClient): Promise<unknown> {
    const users = await client.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 60 }));
    const events = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    return { users: users.Users, events: events.AuthEvents };
  }

  it('serves the same data for the same seed and different data for another', async () => {
    const [a, b, c] = await Promise.all(clients.slice(0, 3).map(snapshot));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it('adds hostile users and events only when asked', async () => {
    const filter = 'username ^= "hostile"';
    const plain = await clients[0].send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: filter }));
    assert.deepEqual(plain.Users, []);
    const hostile = await clients[3].send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: filter }));
    const texts = (hostile.Users ?? []).flatMap((u) => [u.Username ?? '', ...(u.Attributes ?? []).map((a) => a.Value ?? '')]);
    const all = texts.join('\n');
    assert.equal(hostile.Users?.length, 9);
    for (const needle of ['\x1b[2J', '\x1b[31m', '\x1b]0;pwned\x07', '\x1b]52;c;cHduZWQ=\x07', '\x1bP', '\x1b\\', '\x07', '\x08', '\r', '\x9b', '\u202e', '\u200b', '👩‍💻', '東京都']) {
      assert.ok(all.includes(needle), JSON.stringify(needle));
    }
    assert.ok(texts.some((t) => t.length === 10_000));
    const events = await clients[3].send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: 'hostile-csi' }));
    const contexts = (events.AuthEvents ?? []).map((e) => `${e.EventContextData?.City}|${e.EventContextData?.DeviceName}`).join('\n');
    assert.match(contexts, /[\x1b\x07\x9b\u202e\u200b]/);
  });
});
