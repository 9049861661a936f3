import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CognitoGateway } from '../../src/gateway/types.ts';
import { createSliceEnv, type SharedActions, type Slice, type SliceEnv, type StoreDeps } from '../../src/store/slices/env.ts';
import type { AppActions, AppState } from '../../src/store/state.ts';
import type { ViewContext } from '../../src/views/view-spec.ts';
import { FakeGateway } from './fake-gateway.ts';

/** One slice alone in a store, with what it needs from the others stubbed and every stub call recorded. */
export interface SliceHarness<G extends CognitoGateway> {
  store: StoreApi<AppState>;
  gw: G;
  env: SliceEnv;
  /** Calls the stubs received, as `name(args…)`. */
  stubCalls: string[];
  flashes: string[];
}

/**
 * Builds `slice` into a store of its own. Kit and shared functions that other slices would add are stubs that
 * record their calls, unless `kit`, `shared` or `actions` give them; the state of other slices is absent unless `state` gives it.
 */
export function sliceHarness<G extends CognitoGateway = FakeGateway>(
  slice: (env: SliceEnv) => Slice<keyof AppState, never> | { state: Partial<AppState>; actions: object },
  opts: { gateway?: G; deps?: Partial<StoreDeps>; kit?: Partial<ViewContext>; shared?: Partial<SharedActions>; state?: Partial<AppState>; actions?: Partial<AppActions> } = {},
): SliceHarness<G> {
  const gw = (opts.gateway ?? new FakeGateway()) as G;
  const stubCalls: string[] = [];
  const flashes: string[] = [];
  const stub = (name: string) => (...args: unknown[]) => { stubCalls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`); };
  let env!: SliceEnv;
  const store = createStore<AppState>()((_set, _get, api) => {
    env = createSliceEnv(api, { gateway: gw, ...opts.deps }, { gateway: gw });
    Object.assign(env.kit, {
      flash: (level: string, text: string) => { flashes.push(`${level}: ${text}`); },
      list: () => ({ items: [], complete: false, loading: false, pagesLoaded: 0, requestId: 0, cursor: 0 }),
      setList: stub('setList'), loadMore: stub('loadMore'), ensureList: stub('ensureList'), reload: stub('reload'),
      rereadList: () => Promise.resolve(), top: () => api.getState().stack.at(-1), push: stub('push'), reset: stub('reset'),
      canonical: () => true,
    }, opts.kit);
    Object.assign(env.shared, {
      enter: stub('enter'), stopLeftLoads: stub('stopLeftLoads'), completeUser: stub('completeUser'),
      followSelection: stub('followSelection'), switchTarget: () => undefined,
    }, opts.shared);
    const built = slice(env);
    const others = { ensurePool: stub('ensurePool'), ensureRisk: stub('ensureRisk'), ...opts.actions };
    return { stack: [{ view: 'pools' }], ...opts.state, ...built.state, actions: { ...others, ...built.actions } } as unknown as AppState;
  });
  return { store, gw, env, stubCalls, flashes };
}
