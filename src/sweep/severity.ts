import { eventSeverity } from '../domain/event-risk.ts';
import type { SweepFinding } from './types.ts';

function worstEvent(f: SweepFinding): number {
  return f.events.reduce((max, e) => Math.max(max, eventSeverity(e)), 0);
}

/** When the finding's newest risky event happened (epoch ms); events without a time count as oldest. */
function findingRecency(f: SweepFinding): number {
  return f.events.reduce((newest, e) => Math.max(newest, e.createdAt ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
}

/** Worst first: the worst risk, then the most recent risky event, then the most risky events; negative when `a` goes first. */
export function compareFindings(a: SweepFinding, b: SweepFinding): number {
  const risk = worstEvent(b) - worstEvent(a);
  if (risk !== 0) return risk;
  const ra = findingRecency(a);
  const rb = findingRecency(b);
  if (ra !== rb) return rb > ra ? 1 : -1;
  return Math.min(b.events.length, 9_999) - Math.min(a.events.length, 9_999);
}

/** Where a new finding goes in a list kept worst first (compareFindings); equal ones keep the order they were found in. */
export function findingInsertIndex(sorted: SweepFinding[], finding: SweepFinding): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareFindings(sorted[mid], finding) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
