import type { LoggedCall } from './emulator-child.ts';

function label(call: LoggedCall): string {
  const attribute = call.filter === undefined ? undefined : /^\s*([\w:.-]+)/.exec(call.filter)?.[1];
  return attribute === undefined ? call.operation : `${call.operation}(${attribute})`;
}

/**
 * The calls as waves in the order they went out: calls in one wave were all sent before any of them was answered
 * (`∥`), a later wave waited for an answer (`→`). "ListUserPools ∥ GetCallerIdentity" went out in parallel.
 */
export function callWaves(calls: LoggedCall[]): LoggedCall[][] {
  const waves: LoggedCall[][] = [];
  let firstAnswer = Infinity;
  for (const call of [...calls].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const wave = waves.at(-1);
    if (wave !== undefined && call.receivedAt < firstAnswer) {
      wave.push(call);
      firstAnswer = Math.min(firstAnswer, call.answeredAt);
    } else {
      waves.push([call]);
      firstAnswer = call.answeredAt;
    }
  }
  return waves;
}

/** The waves written out: `ListUsers(username) → AdminListUserAuthEvents ∥ DescribeUserPool`. */
export function describeCalls(calls: LoggedCall[]): string {
  if (calls.length === 0) return 'none';
  return callWaves(calls).map((wave) => wave.map(label).join(' ∥ ')).join(' → ');
}
