import { completionLines, type KnownValues } from '../command/complete-command.ts';
import { parseCommand, rangeRequest, type Command } from '../command/parse-command.ts';
import { closestMatch } from '../command/edit-distance.ts';
import { commandWord, expandAlias } from '../command/aliases.ts';
import { checkRegion, COGNITO_REGIONS } from '../command/regions.ts';
import type { Device, PoolSummary, User } from '../gateway/types.ts';
import { loadedGroupNames } from './admin-actions.ts';
import { loadedIpAddresses } from './ip-pivot-list.ts';
import { loadedRanges } from './ip-range-actions.ts';
import type { PromptHandler } from './prompt-actions.ts';
import { isUsersListOf, listKey, type Route } from './routes.ts';
import type { StoreKit } from './store-kit.ts';
import { QUESTION_WORDS, runLogsCommand } from '../command/logs-commands.ts';
import { knownLogGroups } from './log-source-actions.ts';

/** What the command line needs from outside the store: switching account or region, and the known profiles. */
export interface CommandDeps {
  /** Points the app at another region or profile; absent when the backend cannot change (the demo emulator). */
  switchTarget?: (change: { region?: string; profile?: string }) => string | undefined;
  profiles?: () => string[];
}

const MAX_USERNAMES = 500;

/** The `:` command line: parse, run, and complete from the pools and users already loaded. */
export function createCommandActions(kit: StoreKit, deps: CommandDeps): { commandPrompt: PromptHandler } {
  const { get, set, top, push, flash, reset } = kit;

  function currentPool(): string | undefined {
    const route = top();
    return 'poolId' in route ? route.poolId : undefined;
  }

  function known(): KnownValues {
    const lists = get().lists;
    const pools = (lists[listKey({ kind: 'pools' })]?.items as PoolSummary[] | undefined)?.map((p) => p.id) ?? [];
    const poolId = currentPool();
    const usernames = new Set<string>();
    if (poolId) {
      for (const [key, l] of Object.entries(lists)) {
        if (!isUsersListOf(key, poolId)) continue;
        for (const u of l.items as User[]) {
          if (usernames.size >= MAX_USERNAMES) break;
          usernames.add(u.username);
        }
      }
    }
    const here = poolId && !pools.includes(poolId) ? [poolId] : [];
    const route = top();
    const devices = 'username' in route ? (lists[listKey({ kind: 'devices', poolId: route.poolId, username: route.username })]?.items as Device[] | undefined) ?? [] : [];
    return {
      poolIds: [...here, ...pools], usernames: [...usernames], regions: COGNITO_REGIONS, profiles: deps.profiles?.() ?? [], incidentNames: get().incident ? [get().incident!] : [],
      groupNames: poolId ? loadedGroupNames(lists, poolId) : [], deviceKeys: devices.slice(0, MAX_USERNAMES).map((d) => d.key),
      ipAddresses: poolId ? loadedIpAddresses(lists, poolId, MAX_USERNAMES) : [],
      ipRanges: poolId ? loadedRanges(get().risk, poolId) : [],
      containOptions: ['--resume'],
      questions: QUESTION_WORDS, timeRanges: ['1h', '24h', '7d', '30d'], logGroups: knownLogGroups(get(), undefined),
    };
  }

  function stackTo(...routes: Route[]) {
    reset([{ view: 'pools' }, ...routes]);
  }

  type SwitchTarget = NonNullable<CommandDeps['switchTarget']>;

  /** A region the SDK knows is used at once; any other asks first (a typo, or a region newer than the SDK). */
  function switchRegion(switchTarget: SwitchTarget, region: string): string | undefined {
    const check = checkRegion(region);
    if (check.known) return switchTarget({ region });
    const guess = check.suggestion ? ` — did you mean ${check.suggestion}?` : '';
    set({
      confirm: {
        title: `${region} is not a known region${guess}`,
        detail: `Nothing has changed. y uses ${region} anyway (a region newer than this version's AWS SDK); n or esc keeps ${get().target.region ?? 'the current region'}.`,
        yesLabel: 'switch',
        onConfirm: () => {
          const error = switchTarget({ region });
          if (error) flash('warn', error);
        },
      },
    });
    return undefined;
  }

  /** A profile that is not in the AWS config is refused, saying so; nothing changes. */
  function switchProfile(switchTarget: SwitchTarget, profile: string): string | undefined {
    const known = deps.profiles?.();
    if (known && !known.includes(profile)) {
      const guess = closestMatch(profile, known);
      const choices = known.length ? `profiles there: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}` : 'no profiles are defined there';
      return `AWS profile "${profile}" is not in the AWS config (~/.aws/config, ~/.aws/credentials)${guess ? ` — did you mean ${guess}?` : ''}; ${choices}. Nothing changed.`;
    }
    return switchTarget({ profile });
  }

  function run(command: Command): string | undefined {
    switch (command.kind) {
      case 'pools':
        stackTo();
        return undefined;
      case 'pool':
        stackTo({ view: 'users', poolId: command.poolId });
        return undefined;
      case 'user': {
        const poolId = currentPool();
        if (!poolId) return 'open a pool first (or :pool <id>): users are looked up in the current pool';
        stackTo({ view: 'users', poolId }, { view: 'user', poolId, username: command.query }, { view: 'events', poolId, username: command.query });
        return undefined;
      }
      case 'risk': {
        const poolId = command.poolId ?? currentPool();
        if (!poolId) return 'which pool? :risk <pool id>, or open a pool first';
        stackTo({ view: 'users', poolId }, { view: 'risk', poolId });
        return undefined;
      }
      case 'groups': {
        const poolId = command.poolId ?? currentPool();
        if (!poolId) return 'which pool? :groups <pool id>, or open a pool first';
        stackTo({ view: 'users', poolId }, { view: 'groups', poolId });
        return undefined;
      }
      case 'region':
      case 'profile': {
        if (!deps.switchTarget) return 'the demo cannot switch region or profile: restart without --demo to use AWS';
        return command.kind === 'region' ? switchRegion(deps.switchTarget, command.region) : switchProfile(deps.switchTarget, command.profile);
      }
      case 'sweep':
        get().actions.askSweep();
        return undefined;
      case 'log':
        push({ view: 'log' });
        return undefined;
      case 'incident':
        get().actions.setIncident(command.name);
        return undefined;
      case 'journal':
        push(command.filter ? { view: 'journal', filter: command.filter } : { view: 'journal' });
        return undefined;
      case 'quit':
        get().actions.quit();
        return undefined;
      case 'help':
        if (!get().helpOpen) get().actions.toggleHelp();
        return undefined;
      case 'clients':
      case 'settings':
      case 'pulse': {
        const poolId = command.poolId ?? currentPool();
        if (!poolId) return `which pool? :${command.kind} <pool id>, or open a pool first`;
        stackTo({ view: 'users', poolId }, { view: command.kind, poolId });
        return undefined;
      }
      case 'reset-password':
      case 'add-to-group':
      case 'remove-from-group':
      case 'forget-device':
      case 'forget-devices':
      case 'confirm-signup':
      case 'delete-user':
        get().actions.askAdminWrite(command);
        return undefined;
      case 'ip': {
        const poolId = currentPool();
        if (!poolId) return 'open a pool first (or :pool <id>): :ip searches the events read in the current pool';
        get().actions.openIpPivot(poolId, command.address, ':ip');
        return undefined;
      }
      case 'block':
      case 'unblock':
      case 'skip':
      case 'unskip':
        get().actions.askRangeChange(rangeRequest(command));
        return undefined;
      case 'risk-set':
        get().actions.askRiskEdit(command.edit);
        return undefined;
      case 'contain':
        if (command.resume) get().actions.resumeContain();
        else get().actions.askContain();
        return undefined;
      case 'undo':
        get().actions.askUndo();
        return undefined;
      case 'report':
        get().actions.writeReport();
        return undefined;
      case 'ask':
      case 'query':
      case 'since':
      case 'log-group':
        runLogsCommand(get().actions, command);
        return undefined;
    }
  }

  return {
    commandPrompt: {
      submit(p) {
        const { aliases, commands } = get().config;
        const text = expandAlias(p.text, aliases);
        const custom = commands.find((c) => c.command !== undefined && c.command === commandWord(text));
        if (custom) {
          set({ prompt: undefined });
          get().actions.runCustomCommand(custom.name);
          return undefined;
        }
        const parsed = parseCommand(text);
        if (!parsed.ok) return parsed.error;
        set({ prompt: undefined });
        const error = run(parsed.command);
        if (error) flash('warn', error);
        return undefined;
      },
      complete: (p) => completionLines(p.text, known(), {
        aliases: get().config.aliases,
        custom: get().config.commands.flatMap((c) => (c.command ? [c.command] : [])),
      }),
    },
  };
}
