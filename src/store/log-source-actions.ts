import { configuredLogGroup } from '../config/pool-settings.ts';
import { describeLogSource, sourceOfDelivery, type LogSource } from '../domain/log-source.ts';
import { DEFAULT_RANGE, describeRange, parseTimeRange, type TimeRange } from '../domain/time-range.ts';
import { GatewayError } from '../gateway/errors.ts';
import type { LogsActions, LogsState } from './logs-state.ts';
import type { AppState } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** The first logs state of a store. */
export function emptyLogsState(): LogsState {
  return { sources: {}, groups: {}, ranges: {}, runs: {}, ipPivots: {} };
}

/** The range a pool's queries read: the one `:since` set, else the last 24 hours. */
export function poolRange(state: Pick<AppState, 'logs'>, poolId: string): TimeRange {
  return state.logs.ranges[poolId] ?? DEFAULT_RANGE;
}

/** The log group of a pool when one is known: `:log-group`, then `--log-group`, then the config file's, then the pool's log delivery. */
export function knownLogGroup(state: Pick<AppState, 'logs' | 'config'>, poolId: string, flagGroup: string | undefined): string | undefined {
  const named = state.logs.groups[poolId] ?? flagGroup ?? configuredLogGroup(state.config, poolId);
  if (named) return named;
  const source = state.logs.sources[poolId];
  return source?.state === 'group' ? source.logGroup : undefined;
}

/** The header's word on the pool on screen: the range its queries read ("range last 24h"); empty off a pool. */
export function rangeHeaderText(state: Pick<AppState, 'logs' | 'stack'>): string {
  const top = state.stack[state.stack.length - 1];
  return top && 'poolId' in top ? `range ${describeRange(poolRange(state, top.poolId))}` : '';
}

/** The log groups the app knows of (named, or found in a pool's log delivery): what `:log-group` completes. */
export function knownLogGroups(state: Pick<AppState, 'logs' | 'config'>, flagGroup: string | undefined): string[] {
  const found = Object.values(state.logs.sources).flatMap((s) => (s.state === 'group' ? [s.logGroup] : []));
  const configured = Object.keys(state.config.pools).flatMap((id) => configuredLogGroup(state.config, id) ?? []);
  return [...new Set([...(flagGroup ? [flagGroup] : []), ...Object.values(state.logs.groups), ...configured, ...found])];
}

/** The current pool, if the view on top is one of a pool's. */
export function currentPoolId(kit: Pick<StoreKit, 'top'>): string | undefined {
  const route = kit.top();
  return 'poolId' in route ? route.poolId : undefined;
}

type SourceActions = Pick<LogsActions, 'findLogSource' | 'setLogGroup' | 'setTimeRange'>;

/** Where each pool's user activity is (GetLogDeliveryConfiguration, the config file, `--log-group`, `:log-group`) and the range its queries read. */
export function createLogSourceActions(kit: StoreKit, flagGroup: string | undefined): SourceActions & {
  /** Settles with the pool's log source, looking it up when it is not known yet. */
  resolveSource(poolId: string): Promise<LogSource>;
} {
  const { get, set, flash } = kit;
  const finding = new Map<string, Promise<LogSource>>();

  const putSource = (poolId: string, source: LogSource) =>
    set((s) => ({ logs: { ...s.logs, sources: { ...s.logs.sources, [poolId]: source } } }));

  function lookUp(poolId: string): Promise<LogSource> {
    const under = finding.get(poolId);
    if (under) return under;
    const gw = kit.gw;
    if (!gw.getLogDeliveryConfiguration || !gw.startQuery) {
      putSource(poolId, { state: 'unsupported' });
      return Promise.resolve({ state: 'unsupported' });
    }
    putSource(poolId, { state: 'finding' });
    const asked = gw.getLogDeliveryConfiguration(poolId).then(
      (delivery) => sourceOfDelivery(delivery),
      (error: unknown): LogSource => {
        const message = error instanceof Error ? error.message : String(error);
        return error instanceof GatewayError && error.kind === 'permission'
          ? { state: 'denied', message: 'cognito-idp:GetLogDeliveryConfiguration' } : { state: 'failed', message };
      },
    ).then((source) => {
      finding.delete(poolId);
      putSource(poolId, source);
      return source;
    });
    finding.set(poolId, asked);
    return asked;
  }

  function resolveSource(poolId: string): Promise<LogSource> {
    const group = knownLogGroup(get(), poolId, flagGroup);
    if (group) {
      const from = get().logs.groups[poolId] ? 'command' : flagGroup ? 'flag' : configuredLogGroup(get().config, poolId) ? 'config' : 'delivery';
      return Promise.resolve(from === 'delivery' ? get().logs.sources[poolId]! : { state: 'group', logGroup: group, from });
    }
    const known = get().logs.sources[poolId];
    if (known && known.state !== 'failed' && known.state !== 'finding') return Promise.resolve(known);
    return lookUp(poolId);
  }

  /** Warns when DescribeLogGroups knows no group of that name here; says nothing when it cannot tell (not allowed, offline). */
  async function checkGroupExists(name: string): Promise<void> {
    if (!kit.gw.describeLogGroups) return;
    try {
      const page = await kit.gw.describeLogGroups(name);
      if (page.items.some((g) => g.name === name)) return;
      flash('warn', `CloudWatch Logs has no group named ${name} in ${get().target.region ?? 'this region'} (DescribeLogGroups): queries will fail until the name is right.`);
    } catch {
      return;
    }
  }

  return {
    resolveSource,
    findLogSource(poolId, force) {
      if (get().logs.groups[poolId] || flagGroup || configuredLogGroup(get().config, poolId)) return;
      const known = get().logs.sources[poolId];
      if (known && !force && known.state !== 'failed') return;
      void lookUp(poolId);
    },
    setLogGroup(name) {
      const poolId = currentPoolId(kit);
      if (!poolId) return flash('warn', 'Open a pool first: :log-group names where the open pool\'s user activity is.');
      set((s) => ({ logs: { ...s.logs, groups: { ...s.logs.groups, [poolId]: name } } }));
      flash('info', `${describeLogSource({ state: 'group', logGroup: name, from: 'command' })}: :ask and :query read it.`);
      void checkGroupExists(name);
    },
    setTimeRange(text) {
      const poolId = currentPoolId(kit);
      if (!poolId) return flash('warn', 'Open a pool first: :since sets the range of the open pool\'s queries.');
      const parsed = parseTimeRange(text);
      if (!parsed.ok) return flash('warn', parsed.error);
      set((s) => ({ logs: { ...s.logs, ranges: { ...s.logs.ranges, [poolId]: parsed.range } } }));
      flash('info', `Queries of this pool now read the ${describeRange(parsed.range)}.`);
    },
  };
}
