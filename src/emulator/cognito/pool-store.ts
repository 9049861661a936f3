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
  private byOrdinal?: Map<number, UserRecord>;
  private deleted = 0;
  private readonly forgotten = new Map<number, Set<string>>();

  constructor(def: PoolDefinition, seedInput: PoolSeed) {
    this.seedInput = seedInput;
    this.def = { ...def, userCount: def.userCount + (seedInput.hostile ? HOSTILE_USER_COUNT : 0) };
    this.generator = new PoolUserGenerator(def, seedInput.seed, seedInput.now, seedInput.withVictim);
  }

  /** Number of users, known without generating them. */
  get userCount(): number {
    return this.def.userCount - this.deleted;
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

  /** The user with this ordinal, unless deleted. */
  userByOrdinal(ordinal: number): UserRecord | undefined {
    this.byOrdinal ??= new Map(this.users().map((u) => [u.ordinal, u]));
    return this.byOrdinal.get(ordinal);
  }

  /** Removes the user from the pool, its groups and every index; the ordinal is never reused. */
  deleteUser(user: UserRecord): void {
    const groups = this.groups();
    const users = this.users() as UserRecord[];
    const at = users.indexOf(user);
    if (at < 0) return;
    users.splice(at, 1);
    for (const group of groups) {
      const i = group.members.indexOf(user.ordinal);
      if (i >= 0) group.members.splice(i, 1);
    }
    this.forgotten.delete(user.ordinal);
    this.indexes = undefined;
    this.byOrdinal = undefined;
    this.groupsByMember = undefined;
    this.deleted += 1;
    this.touch();
  }

  /** Makes the user a member of the group (members stay in ordinal order); nothing changes if it already is one. */
  addToGroup(group: GroupRecord, user: UserRecord): void {
    if (group.members.includes(user.ordinal)) return;
    const at = group.members.findIndex((o) => o > user.ordinal);
    group.members.splice(at < 0 ? group.members.length : at, 0, user.ordinal);
    this.groupsByMember = undefined;
  }

  /** Takes the user out of the group; nothing changes if it was not a member. */
  removeFromGroup(group: GroupRecord, user: UserRecord): void {
    const at = group.members.indexOf(user.ordinal);
    if (at < 0) return;
    group.members.splice(at, 1);
    this.groupsByMember = undefined;
  }

  /** Forgets one of the user's remembered devices: AdminListDevices no longer lists it. */
  forgetDevice(user: UserRecord, deviceKey: string): void {
    const keys = this.forgotten.get(user.ordinal) ?? new Set<string>();
    keys.add(deviceKey);
    this.forgotten.set(user.ordinal, keys);
  }

  /** Whether the device was forgotten. */
  isForgotten(user: UserRecord, deviceKey: string): boolean {
    return this.forgotten.get(user.ordinal)?.has(deviceKey) ?? false;
  }

  /** Records that a user changed, so cached search results are rebuilt. */
  touch(): void {
    this.version += 1;
  }
}
