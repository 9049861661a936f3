import { Rng } from './prng.ts';
import type { EmulatorFaults, OperationErrorFault } from './types.ts';

/** What to do to one request instead of answering it normally. */
type FaultDecision = 'drop' | 'throttle' | 'error' | undefined;

const rate = (value: number | undefined): number => Math.min(1, Math.max(0, value ?? 0));

/** Decides faults for each request from a PRNG seeded by the emulator's seed, so runs are reproducible. */
export class FaultInjector {
  private faults: EmulatorFaults;
  private readonly rng: Rng;

  constructor(seed: number, faults: EmulatorFaults = {}) {
    this.rng = new Rng(seed, 'faults');
    this.faults = { ...faults };
  }

  /** Replaces the fault settings. */
  set(faults: EmulatorFaults): void {
    this.faults = { ...faults };
  }

  /** The error an operation is always answered with, if the settings name one for it. */
  operationError(operation: string): Required<OperationErrorFault> | undefined {
    const e = this.faults.operationErrors?.[operation];
    if (e === undefined) return undefined;
    return { type: e.type, message: e.message ?? `Not authorized to perform ${operation}.`, status: e.status ?? 400 };
  }

  /** Milliseconds to wait before answering. */
  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** The fault for the next request, if any: a dropped connection, a throttle or an internal error. */
  decide(): FaultDecision {
    const { dropRate, throttleRate, errorRate } = this.faults;
    const drop = this.rng.next() < rate(dropRate);
    const throttle = this.rng.next() < rate(throttleRate);
    const error = this.rng.next() < rate(errorRate);
    if (drop) return 'drop';
    if (throttle) return 'throttle';
    if (error) return 'error';
    return undefined;
  }
}
