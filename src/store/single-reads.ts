import type { AppClientDetail, CallOptions, CognitoGateway, GatewayTarget } from '../gateway/types.ts';
import type { AppState, Resource } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';
import { tupleKey } from './routes.ts';

/** One value read by a single API call, by what names it; a new single read is a member here and its source below. */
export type ReadRef = { kind: 'appClient'; poolId: string; clientId: string };

/** What each kind of single read holds once loaded. */
export interface ReadValues {
  appClient: AppClientDetail;
}

type ReadSources = { [K in ReadRef['kind']]: (gw: CognitoGateway, ref: Extract<ReadRef, { kind: K }>, opts: CallOptions) => Promise<ReadValues[K]> };

/** The call behind each kind of single read. */
const READ_SOURCES: ReadSources = {
  appClient: (gw, ref, opts) => gw.describeAppClient(ref.poolId, ref.clientId, opts),
};

/** What loading a single read needs: the store kit and an abort signal per resource key (cancelled when its view is left). */
export type ReadKit = Pick<StoreKit, 'get' | 'set' | 'gw'> & { resourceSignal: (key: string) => AbortSignal };

/**
 * The store key of a read: the profile and endpoint it was read through (a profile switch reads again), its kind and
 * the values that name it, as a tuple. Pool ids carry their region.
 */
export function readKey(target: GatewayTarget, ref: ReadRef): string {
  const { kind, ...names } = ref;
  return tupleKey(target.profile ?? '', target.endpoint ?? '', kind, ...Object.values(names));
}

/** The key of a read's abort controller, for a view's `resources`. */
export function readAbortKey(state: Pick<AppState, 'target'>, ref: ReadRef): string {
  return tupleKey('reads', readKey(state.target, ref));
}

/** The read `ref` names as the store holds it, if it was ever asked for. */
export function readOf<K extends ReadRef['kind']>(state: Pick<AppState, 'target' | 'reads'>, ref: Extract<ReadRef, { kind: K }>): Resource<ReadValues[K]> | undefined {
  return state.reads?.[readKey(state.target, ref)] as Resource<ReadValues[K]> | undefined;
}

/**
 * Loads a single read once (again when `force`), keeping the value it had while it reloads. An answer to an older
 * request is dropped; a request aborted because its view was left leaves no error, so opening the view reads again.
 */
export function ensureRead(kit: ReadKit, ref: ReadRef, force = false): void {
  const key = readKey(kit.get().target, ref);
  const existing = kit.get().reads?.[key];
  if (!force && existing && (existing.loading || existing.value !== undefined)) return;
  const requestId = (existing?.requestId ?? 0) + 1;
  const current = () => kit.get().reads?.[key];
  const put = (r: Resource<unknown>) => kit.set((s) => ({ reads: { ...s.reads, [key]: r } }));
  put({ loading: true, value: existing?.value, requestId });
  const signal = kit.resourceSignal(readAbortKey(kit.get(), ref));
  const source = READ_SOURCES[ref.kind] as (gw: CognitoGateway, ref: ReadRef, opts: CallOptions) => Promise<unknown>;
  source(kit.gw, ref, { signal }).then(
    (value) => { if (current()?.requestId === requestId) put({ loading: false, value, requestId }); },
    (error) => {
      if (current()?.requestId !== requestId) return;
      put({ loading: false, value: existing?.value, error: signal.aborted ? undefined : toListError(error), requestId });
    },
  );
}
