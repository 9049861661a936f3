import type { GatewayError } from '../gateway/errors.ts';
import type { RiskPulseData } from '../gateway/types.ts';

/** The pulse's window: the last 24 hours, in 5-minute periods. */
export const PULSE_WINDOW_MS = 24 * 3_600_000;
export const PULSE_PERIOD_SECONDS = 300;

/** A pulse younger than this is shown as it is; the header asks again after it (r in :pulse always does). */
export const PULSE_FRESH_MS = 5 * 60_000;

/** Where a pool's risk pulse stands. */
export type PulseState =
  | { status: 'loading'; at: number; previous?: RiskPulseData }
  | { status: 'ready'; at: number; data: RiskPulseData }
  /** Not allowed (no cloudwatch:GetMetricData), not offered by this connection, or failed: `message` says which. */
  | { status: 'denied' | 'unavailable' | 'failed'; at: number; message: string };

/** The window of a pulse asked at `now`: 24 hours ending at the start of the current period (CloudWatch has none of it yet). */
export function pulseWindow(now: number): { startMs: number; endMs: number } {
  const periodMs = PULSE_PERIOD_SECONDS * 1000;
  const endMs = Math.floor(now / periodMs) * periodMs;
  return { startMs: endMs - PULSE_WINDOW_MS, endMs };
}

/** True when every metric of the pulse is empty over its whole window. */
export function pulseHasNoData(data: RiskPulseData): boolean {
  return data.series.every((s) => s.points.every((p) => p.value === 0));
}

/** How a failed pulse read is kept: a refusal is "denied", an endpoint without CloudWatch "unavailable", anything else "failed". */
export function pulseFailure(error: GatewayError | Error, at: number): PulseState {
  const kind = (error as GatewayError).kind;
  if (kind === 'permission' || kind === 'credentials') return { status: 'denied', at, message: error.message };
  const unknownOperation = /UnknownOperation|not (supported|implemented)|UnrecognizedClient|InvalidAction/i.test(`${(error as GatewayError).awsName ?? ''} ${error.message}`);
  if (kind === 'not-found' || unknownOperation) return { status: 'unavailable', at, message: error.message };
  return { status: 'failed', at, message: error.message };
}

/** The one word the pool header says about a pulse it cannot draw; undefined when it can draw one. */
export function pulseWord(pulse: PulseState | undefined): string | undefined {
  if (!pulse) return undefined;
  switch (pulse.status) {
    case 'loading': return pulse.previous ? undefined : 'loading';
    case 'denied': return 'denied';
    case 'unavailable': return 'unavailable';
    case 'failed': return 'failed';
    case 'ready': return pulseHasNoData(pulse.data) ? 'no data' : undefined;
  }
}

/** The data a pulse can draw: the answer, or the one it had before a reload under way. */
export function pulseData(pulse: PulseState | undefined): RiskPulseData | undefined {
  if (pulse?.status === 'ready') return pulse.data;
  if (pulse?.status === 'loading') return pulse.previous;
  return undefined;
}
