import { GatewayError } from '../../gateway/errors.ts';
import { PULSE_FRESH_MS, PULSE_PERIOD_SECONDS, pulseData, pulseFailure, pulseWindow, type PulseState } from '../risk-pulse.ts';
import type { Slice, SliceEnv } from './env.ts';

/** The risk pulse of each pool: its threat-protection metrics of the last 24 hours from CloudWatch (part of the resources slice). */
export function pulseSlice({ get, set, kit }: SliceEnv): Slice<'pulses', 'loadPulse'> {
  return {
    state: { pulses: {} },
    actions: {
      loadPulse(poolId, force = false) {
        const now = kit.now();
        const current = get().pulses[poolId];
        if (current?.status === 'loading') return;
        if (!force && current && now - current.at < PULSE_FRESH_MS) return;
        const put = (next: PulseState) => set((s) => ({ pulses: { ...s.pulses, [poolId]: next } }));
        const riskPulse = kit.gw.riskPulse;
        if (!riskPulse) {
          put({ status: 'unavailable', at: now, message: 'This connection does not read CloudWatch metrics.' });
          return;
        }
        put({ status: 'loading', at: now, previous: pulseData(current) });
        riskPulse({ poolId, ...pulseWindow(now), periodSeconds: PULSE_PERIOD_SECONDS }).then(
          (data) => put({ status: 'ready', at: kit.now(), data }),
          (error: unknown) => {
            if (error instanceof GatewayError && error.kind === 'aborted') return;
            put(pulseFailure(error instanceof Error ? error : new Error(String(error)), kit.now()));
          },
        );
      },
    },
  };
}
