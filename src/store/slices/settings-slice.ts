import { regionLabel, type CognitoGateway, type GatewayTarget } from '../../gateway/types.ts';
import { createCallRecorder } from '../api-stats.ts';
import { writeMode } from '../../config/config-types.ts';
import type { Slice, SliceEnv } from './env.ts';

/** The session's settings and connection: read-only mode, the time zone, the target and its API call counts. */
export function settingsSlice(env: SliceEnv): Slice<'readOnly' | 'timeZone' | 'target' | 'api', never> {
  const { get, set, deps, connection, kit, shared } = env;
  const recordCall = createCallRecorder(env.api, kit.now);
  let detach = () => {};

  function attach(gateway: CognitoGateway) {
    detach();
    connection.gateway = gateway;
    gateway.resolveTarget?.().then(
      (target) => { if (connection.gateway === gateway) set({ target }); },
      () => {},
    );
    detach = gateway.subscribeCalls(recordCall);
  }

  shared.switchTarget = (change) => {
    if (!deps.connect) return 'this session cannot switch region or profile';
    const profileRegion = change.profile !== undefined && change.region === undefined ? get().config.profiles?.[change.profile]?.region : undefined;
    const target: GatewayTarget = { ...get().target, ...change, ...(profileRegion ? { region: profileRegion } : {}) };
    let next: CognitoGateway;
    try {
      next = deps.connect(target);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    shared.stopLeftLoads(true);
    const config = get().config;
    if (change.profile !== undefined && config.profiles) {
      const mode = writeMode(config.profiles, change.profile, config.flags);
      set({ readOnly: mode.readOnly, config: { ...config, modeNote: mode.modeNote } });
    }
    set({ target: next.target, lists: {}, pools: {}, risk: {}, users: {}, missingUsers: {}, searches: {}, eventViews: {}, marks: {}, pulses: {} });
    attach(next);
    kit.reset([{ view: 'pools' }]);
    kit.flash('info', `Now on ${[target.profile ? `profile ${target.profile}` : '', regionLabel(target)].filter(Boolean).join(', ')}.`);
    return undefined;
  };

  attach(connection.gateway);
  return {
    state: {
      readOnly: deps.readOnly ?? false,
      timeZone: deps.timeZone ?? 'utc',
      target: connection.gateway.target,
      api: { calls: 0, failed: 0, throttled: 0, recent: [] },
    },
    actions: {},
  };
}
