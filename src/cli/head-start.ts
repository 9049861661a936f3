import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { abortedError } from '../gateway/errors.ts';
import type { ApiCallRecord, CognitoGateway, Page, PoolSummary } from '../gateway/types.ts';

/**
 * The gateway with the first page of pools asked for at once, before the store and the screen are loaded, so that
 * the wait for the answer overlaps their loading. The store's first `listUserPools()` gets that answer (or its
 * failure, exactly as it would have come); every later call goes to the gateway. The call records the gateway
 * reports before anyone listens are kept and given to the first listener, so the session's call counts miss nothing.
 */
export function withPoolsHeadStart(gateway: CognitoGateway): { gateway: CognitoGateway; early: Promise<Page<PoolSummary>> } {
  const early = gateway.listUserPools();
  early.catch(() => {});
  let taken = false;
  let heard: ApiCallRecord[] | undefined = [];
  const stopKeeping = gateway.subscribeCalls((record) => { heard?.push(record); });
  const listUserPools: CognitoGateway['listUserPools'] = (token, opts) => {
    if (taken || token !== undefined) return gateway.listUserPools(token, opts);
    taken = true;
    return untilAborted(early, opts?.signal);
  };
  const subscribeCalls: CognitoGateway['subscribeCalls'] = (listener) => {
    const kept = heard;
    let listening = true;
    if (kept) {
      heard = undefined;
      stopKeeping();
      queueMicrotask(() => { for (const record of kept) if (listening) listener(record); });
    }
    const stop = gateway.subscribeCalls(listener);
    return () => {
      listening = false;
      stop();
    };
  };
  const wrapped = new Proxy(gateway, {
    get(target, key, receiver) {
      if (key === 'listUserPools') return listUserPools;
      if (key === 'subscribeCalls') return subscribeCalls;
      return Reflect.get(target, key, receiver);
    },
  });
  return { gateway: wrapped, early };
}

const REQUEST_START = 'http.client.request.start';

/**
 * Resolves once the next HTTP request this process makes has been handed to the OS (its 'finish'), or failed, or
 * after `deadlineMs`. Loading the screen blocks the event loop, and a request still connecting would wait for it: the
 * caller waits for this first (or for its answer, or the deadline, whichever comes first), so the answer comes
 * while the screen loads.
 */
export function nextRequestSent(deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      unsubscribe(REQUEST_START, onStart);
      resolve();
    };
    const onStart = (message: unknown) => {
      unsubscribe(REQUEST_START, onStart);
      const request = (message as { request?: ClientRequest }).request;
      if (!request) return done();
      request.once('finish', done);
      request.once('error', done);
      request.once('close', done);
    };
    subscribe(REQUEST_START, onStart);
    timer = setTimeout(done, deadlineMs);
  });
}

/** The answer, or the gateway's cancellation error as soon as `signal` aborts. */
function untilAborted(answer: Promise<Page<PoolSummary>>, signal: AbortSignal | undefined): Promise<Page<PoolSummary>> {
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(abortedError('ListUserPools'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortedError('ListUserPools'));
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
