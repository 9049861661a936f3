import { abortedError } from '../gateway/errors.ts';
import type { ApiCallRecord, CognitoGateway, Page, PoolSummary } from '../gateway/types.ts';

/**
 * The gateway with the first page of pools asked for at once, before the store and the screen are loaded, so that
 * the wait for the answer overlaps their loading. The store's first `listUserPools()` gets that answer (or its
 * failure, exactly as it would have come); every later call goes to the gateway. The call records the gateway
 * reports before anyone listens are kept and given to the first listener, so the session's call counts miss nothing.
 */
export function withPoolsHeadStart(gateway: CognitoGateway): CognitoGateway {
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
    if (kept) {
      heard = undefined;
      stopKeeping();
      for (const record of kept) listener(record);
    }
    return gateway.subscribeCalls(listener);
  };
  return new Proxy(gateway, {
    get(target, key, receiver) {
      if (key === 'listUserPools') return listUserPools;
      if (key === 'subscribeCalls') return subscribeCalls;
      return Reflect.get(target, key, receiver);
    },
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
