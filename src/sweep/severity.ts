import { eventSeverity } from '../domain/event-risk.ts';
import type { SweepFinding } from './types.ts';

/** How bad a finding is: its worst event first, then how many risky events it holds. Higher is worse. */
export function findingSeverity(f: SweepFinding): number {
  const worst = f.events.reduce((max, e) => Math.max(max, eventSeverity(e)), 0);
  return worst * 10_000 + Math.min(f.events.length, 9_999);
}

/** Where a new finding goes in a list kept worst first; equal ones keep the order they were found in. */
export function findingInsertIndex(sorted: SweepFinding[], finding: SweepFinding): number {
  const score = findingSeverity(finding);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findingSeverity(sorted[mid]) >= score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
