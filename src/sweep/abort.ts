import { setTimeout as delay } from 'node:timers/promises';

/** Milliseconds since some fixed origin; only differences matter. */
export type Clock = () => number;

/** Waits `ms` milliseconds; rejects with an AbortError as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real monotonic clock. */
export const realClock: Clock = () => performance.now();

/** Real timers. */
export const realSleep: Sleep = async (ms, signal) => {
  await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
};

/** The error an aborted wait rejects with. */
export function abortError(): Error {
  const error = new Error('The sweep was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** Whether `error` is the rejection of an aborted wait. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Settles like `promise`, or rejects with an AbortError as soon as `signal` aborts, leaving `promise` to settle unobserved. */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
