import { HOSTILE_USER_COUNT, hostileUsers } from './hostile.ts';
import type { GroupRecord, PoolDefinition, UserRecord } from './model.ts';
import { signInAttributes } from './pool-definitions.ts';
import { generateGroups } from './seed-groups.ts';
import { PoolUserGenerator } from './seed-users.ts';

interface UserIndexes {
  byUsername: Map<string, UserRecord>;
  byFoldedUsername: Map<string, UserRecord>;
  byAlias: Map<string, UserRecord>;
  bySub: Map<string, UserRecord>;
}

function buildIndexes(users: readonly UserRecord[], aliasAttributes: readonly string[]): UserIndexes {
  const byUsername = new Map<string, UserRecord>();
  const byFoldedUsername = new Map<string, UserRecord>();
  const byAlias = new Map<string, UserRecord>();
  const bySub = new Map<string, UserRecord>();
  for (const user of users) {
    byUsername.set(user.username, user);
    byFoldedUsername.set(user.username.toLowerCase(), user);
    bySub.set(user.attributes.sub, user);
    for (const name of aliasAttributes) {
      const value = user.attributes[name];
      if (value !== undefined) byAlias.set(value.toLowerCase(), user);
    }
  }
  return { byUsername, byFoldedUsername, byAlias, bySub };
}

const NO_GROUPS: readonly GroupRecord[] = [];

/** Options that decide a pool's generated content. */
export interface PoolSeed {
  seed: number;
  now: number;
  withVictim: boolean;
  hostile: boolean;
}

/**
 * One pool's data, materialised on first use (or bit by bit via {@link PoolStore.advance}) so that
 * starting the emulator costs nothing. `version` changes whenever a user changes.
 */
export class PoolStore {
  readonly def: PoolDefinition;
  version = 0;
  private readonly generator: PoolUserGenerator;
  private readonly seedInput: PoolSeed;
  private complete?: UserRecord[];
  private groupList?: GroupRecord[];
  private groupsByMember?: Map<number, GroupRecord[]>;
  private indexes?: UserIndexes;

  constructor(def: PoolDefinition, seedInput: PoolSeed) {
    this.seedInput = seedInput;
    this.def = { ...def, userCount: def.userCount + (seedInput.hostile ? HOSTILE_USER_COUNT : 0) };
    this.generator = new PoolUserGenerator(def, seedInput.seed, seedInput.now, seedInput.withVictim);
  }

  /** Number of users, known without generating them. */
  get userCount(): number {
    return this.def.userCount;
  }

  /** Generates up to `count` more users; returns whether every user exists now. */
  advance(count: number): boolean {
    if (this.complete !== undefined) return true;
    if (!this.generator.advance(count)) return false;
    this.users();
    return true;
  }

  /** All users in creation (ordinal) order. */
  users(): readonly UserRecord[] {
    if (this.complete === undefined) {
      this.generator.advance(Number.MAX_SAFE_INTEGER);
      const users = this.generator.users;
      if (this.seedInput.hostile) users.push(...hostileUsers(this.seedInput.seed, users.length, this.seedInput.now));
      this.complete = users;
    }
    return this.complete;
  }

  /** The pool's groups, sorted by name. */
  groups(): readonly GroupRecord[] {
    if (this.groupList === undefined) {
      const ordinary = this.users().filter((u) => u.kind !== 'hostile');
      const groups = generateGroups(this.def, ordinary, this.seedInput.seed, this.seedInput.now);
      this.groupList = groups.sort((a, b) => (a.name < b.name ? -1 : 1));
    }
    return this.groupList;
  }

  /** The groups the user with this ordinal belongs to, sorted by name. */
  groupsOf(ordinal: number): readonly GroupRecord[] {
    if (this.groupsByMember === undefined) {
      this.groupsByMember = new Map();
      for (const group of this.groups()) {
        for (const member of group.members) {
          const list = this.groupsByMember.get(member);
          if (list === undefined) this.groupsByMember.set(member, [group]);
          else list.push(group);
        }
      }
    }
    return this.groupsByMember.get(ordinal) ?? NO_GROUPS;
  }

  /**
   * A user by username or sub, or by an attribute the pool declares as an alias (AliasAttributes) or signs in with
   * (UsernameAttributes); an email names nobody in a pool that declares neither. Usernames and aliases also match
   * case-insensitively, as in a pool whose UsernameConfiguration.CaseSensitive is false.
   */
  findUser(name: string): UserRecord | undefined {
    const { aliases, usernameAttributes } = signInAttributes(this.def);
    this.indexes ??= buildIndexes(this.users(), [...aliases, ...usernameAttributes]);
    const { byUsername, byFoldedUsername, byAlias, bySub } = this.indexes;
    const folded = name.toLowerCase();
    return byUsername.get(name) ?? bySub.get(name) ?? byFoldedUsername.get(folded) ?? byAlias.get(folded);
  }

  /** Records that a user changed, so cached search results are rebuilt. */
  touch(): void {
    this.version += 1;
  }
}
