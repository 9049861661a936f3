export { describeEstimate, estimateSweep } from './estimate.ts';
export { startSweep } from './run-sweep.ts';
export { DEFAULT_SHARE } from './token-bucket.ts';
export type { SweepFinding, SweepHandle, SweepProgress } from './types.ts';
