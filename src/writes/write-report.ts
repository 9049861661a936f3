import { RETRY_HINT } from '../store/feedback-text.ts';
import type { Flash } from '../store/state.ts';
import type { TargetOutcome, WriteSpec } from './write-spec.ts';

/** A batch summary names at most this many failed targets. */
const NAMED_FAILURES = 2;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutStop(text: string): string {
  return text.replace(/\.$/, '');
}

function namedFailures<T>(failed: TargetOutcome<T>[]): string {
  const named = failed.slice(0, NAMED_FAILURES).map((o) => `${o.label} (${withoutStop(o.message ?? 'failed')})`);
  const more = failed.length > NAMED_FAILURES ? `, and ${failed.length - NAMED_FAILURES} more` : '';
  return `${named.join(', ')}${more}`;
}

/** The flash that ends a run in which no outcome was unknown: one target as its spec words it, a batch as counts. */
export function settledReport<T>(spec: WriteSpec<T>, outcomes: TargetOutcome<T>[]): Pick<Flash, 'level' | 'text'> {
  const failed = outcomes.filter((o) => o.outcome === 'failed');
  if (failed.length === 0) return { level: 'info', text: spec.texts.succeeded(outcomes.map((o) => o.target)) };
  if (outcomes.length === 1) return { level: 'error', text: `${spec.texts.failed(failed[0].target, failed[0].message ?? 'failed.')} ${RETRY_HINT}.` };
  const ok = outcomes.length - failed.length;
  return {
    level: 'error',
    text: `${capitalised(spec.texts.done)} ${ok} of ${outcomes.length}; ${failed.length} ${spec.texts.notDone}: ${namedFailures(failed)}. ${RETRY_HINT}.`,
  };
}

/** The flash that ends a run stopped by an unknown outcome: the verdict on it, then what became of the others. */
export function unknownReport<T>(unknown: TargetOutcome<T>, others: TargetOutcome<T>[], verdict: string, spec: WriteSpec<T>): Pick<Flash, 'level' | 'text'> {
  const failed = others.filter((o) => o.outcome === 'failed');
  const notSent = others.filter((o) => o.outcome === 'not-sent');
  const ok = others.length - failed.length - notSent.length;
  const parts = [
    ok > 0 ? `${ok} ${spec.texts.done}` : '',
    failed.length ? `${failed.length} ${spec.texts.notDone} (${namedFailures(failed)})` : '',
    notSent.length ? `${notSent.length} not sent (stopped at the unknown outcome)` : '',
  ].filter(Boolean);
  const level = unknown.readBack === 'applied' && failed.length === 0 && notSent.length === 0 ? 'info' : 'warn';
  const again = failed.length || notSent.length ? '; R sends them again (asks first)' : '';
  return { level, text: parts.length ? `${verdict} Of the others: ${parts.join('; ')}${again}.` : verdict };
}
