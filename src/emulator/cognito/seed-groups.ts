import type { GroupRecord, PoolDefinition, UserRecord } from './model.ts';
import { Rng } from '../prng.ts';
import { AUDIT_POOL_ID, DEMO_ACCOUNT_ID, LARGE_POOL_ID, OFF_POOL_ID, TAKEOVER_USERNAME } from '../well-known-ids.ts';

const DAY = 86_400_000;

interface GroupSpec {
  name: string;
  description: string;
  precedence?: number;
  role?: string;
  createdDaysAgo: number;
  members: { count: number } | { fraction: number } | { where: (u: UserRecord) => boolean };
}

const SPECS: Readonly<Record<string, readonly GroupSpec[]>> = {
  [LARGE_POOL_ID]: [
    { name: 'admins', description: 'Full access to the admin console', precedence: 0, role: 'AcmeAdmin', createdDaysAgo: 1100, members: { count: 12 } },
    { name: 'support', description: 'Customer support agents', precedence: 1, role: 'AcmeSupport', createdDaysAgo: 1000, members: { count: 64 } },
    { name: 'enterprise-customers', description: 'Users on an enterprise plan', precedence: 5, createdDaysAgo: 800, members: { where: (u) => u.attributes['custom:plan'] === 'enterprise' } },
    { name: 'beta-testers', description: 'Early access to new features', precedence: 10, createdDaysAgo: 420, members: { fraction: 0.06 } },
    { name: 'legacy-import', description: 'Migrated from the old identity store in 2023', createdDaysAgo: 900, members: { count: 300 } },
  ],
  [AUDIT_POOL_ID]: [
    { name: 'partner-admins', description: 'Partner organisation administrators', precedence: 0, role: 'PartnerAdmin', createdDaysAgo: 600, members: { count: 15 } },
    { name: 'gold-partners', description: 'Gold and platinum partners', precedence: 5, createdDaysAgo: 500, members: { where: (u) => u.attributes['custom:partner_tier'] !== 'silver' } },
    { name: 'read-only', description: 'Can browse the partner catalogue only', precedence: 10, createdDaysAgo: 300, members: { count: 40 } },
  ],
  [OFF_POOL_ID]: [
    { name: 'admins', description: 'Tool administrators', precedence: 0, role: 'ToolsAdmin', createdDaysAgo: 370, members: { count: 3 } },
    { name: 'engineering', description: 'Engineers', precedence: 5, createdDaysAgo: 360, members: { where: (u) => u.attributes['custom:role'] === 'engineer' } },
    { name: 'support', description: 'Support staff', precedence: 5, createdDaysAgo: 200, members: { count: 10 } },
  ],
};

function pickDistinct(rng: Rng, total: number, count: number): Set<number> {
  const chosen = new Set<number>();
  const wanted = Math.min(count, total);
  while (chosen.size < wanted) chosen.add(rng.int(total));
  return chosen;
}

function membersOf(spec: GroupSpec, users: readonly UserRecord[], rng: Rng): number[] {
  const m = spec.members;
  if ('where' in m) return users.filter(m.where).map((u) => u.ordinal);
  if ('fraction' in m) return users.filter(() => rng.chance(m.fraction)).map((u) => u.ordinal);
  const picks = pickDistinct(rng, users.length, m.count);
  return users.filter((_, i) => picks.has(i)).map((u) => u.ordinal);
}

/** The pool's groups with deterministic memberships; the takeover victim is a support agent. */
export function generateGroups(pool: PoolDefinition, users: readonly UserRecord[], seed: number, now: number): GroupRecord[] {
  const specs = SPECS[pool.id] ?? [];
  const rng = new Rng(seed, pool.id, 'groups');
  return specs.map((spec) => {
    let members = membersOf(spec, users, rng);
    if (spec.name === 'support' && pool.id === LARGE_POOL_ID) {
      const victim = users.find((u) => u.username === TAKEOVER_USERNAME);
      if (victim !== undefined && !members.includes(victim.ordinal)) {
        members = [...members, victim.ordinal].sort((a, b) => a - b);
      }
    }
    const createdAt = now - spec.createdDaysAgo * DAY;
    return {
      name: spec.name,
      description: spec.description,
      precedence: spec.precedence,
      roleArn: spec.role === undefined ? undefined : `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/${spec.role}`,
      createdAt,
      modifiedAt: createdAt + Math.floor(rng.next() * (now - createdAt)),
      members,
    };
  });
}
