import type { StoreApi } from 'zustand/vanilla';
import type { TimeZoneSetting } from '../../domain/time-format.ts';
import type { CognitoGateway, GatewayTarget } from '../../gateway/types.ts';
import type { Journal } from '../../journal/journal.ts';
import type { HistoryFiles } from '../../history/history-file.ts';
import type { ConfigState } from '../../config/config-types.ts';
import type { RunProgram } from '../../custom/program-end.ts';
import type { ViewContext } from '../../views/view-spec.ts';
import type { FollowPacing } from '../follow-actions.ts';
import type { PollPacing } from '../query-runner.ts';
import { createLoadAborts, type LoadAborts } from '../load-aborts.ts';
import type { OutputDeps } from '../output-actions.ts';
import type { ListRef, Route } from '../routes.ts';
import type { AppActions, AppState } from '../state.ts';

/** What a store is built from: a gateway (the emulator's or AWS's) and the session's switches. */
export interface StoreDeps extends OutputDeps {
  gateway: CognitoGateway;
  /** Builds a gateway for another region or profile (`:region`, `:profile`); absent for the demo emulator. */
  connect?: (target: GatewayTarget) => CognitoGateway;
  /** AWS profile names for completion. */
  profiles?: () => string[];
  /** Share of Cognito's quotas a sweep may use. */
  sweepShare?: number;
  /** How G paces its ListUsers walk: a share of the quota on AWS; false (the default) for an emulator or the demo. */
  paceFollow?: FollowPacing;
  readOnly?: boolean;
  /** The zone times are shown in: UTC unless `--time local`. */
  timeZone?: TimeZoneSetting;
  /** Rows a list is taken to show before its view has drawn it (20 unless given). */
  listRows?: number;
  now?: () => number;
  flashMs?: number;
  /** Pause between the writes of a feedback batch. */
  feedbackIntervalMs?: number;
  /** Where writes are recorded; none when absent (tests), NO_JOURNAL for `--no-journal`. */
  journal?: Journal;
  /** Where each pool's search and command history is saved; kept in memory only when absent (`--no-history`, tests). */
  history?: HistoryFiles;
  /** The config file's settings (none in tests that do not give them). */
  config?: ConfigState;
  /** Runs a custom command's program; absent where none may run (tests that do not look). */
  runProgram?: RunProgram;
  /** `--log-group`: where every pool's user activity is, unless `:log-group` names another. */
  logGroup?: string;
  /** How Logs Insights results are polled (tests poll fast). */
  queryPoll?: PollPacing;
}

/** The gateway in use; another region or profile swaps it. */
export interface Connection {
  gateway: CognitoGateway;
}

/**
 * What every slice is built with: the store's get and set, the session's switches, the connection, the abort
 * controllers of its requests, and the kit the slices fill in together (each adds its part before any action runs).
 */
export interface SliceEnv {
  get: () => AppState;
  set: StoreApi<AppState>['setState'];
  api: StoreApi<AppState>;
  deps: StoreDeps;
  connection: Connection;
  aborts: LoadAborts;
  kit: ViewContext;
  /** What slices offer each other beyond the kit; set by the slice that owns it before any action runs. */
  shared: SharedActions;
}

/** Functions one slice offers the others that views do not need. */
export interface SharedActions {
  /** Loads what a route shows (navigation). */
  enter: (route: Route) => void;
  /** Aborts the loads of views no longer on the stack, or of every view (navigation). */
  stopLeftLoads: (all?: boolean) => void;
  /** Reads the whole row of a user known from a list row (navigation's user lookup). */
  completeUser: (poolId: string, username: string) => void;
  /** Loads what the selected row's detail line shows (resources). */
  followSelection: (ref: ListRef) => void;
  /** Points the app at another region or profile; an error message when it cannot (settings). */
  switchTarget: (change: { region?: string; profile?: string }) => string | undefined;
}

/** One slice of the store: its fields with their first values, and its actions. */
export interface Slice<K extends keyof AppState, A extends keyof AppActions> {
  state: Pick<AppState, K>;
  actions: Pick<AppActions, A>;
}

/** The environment of one store's slices; the kit starts with state access and the gateway, and the slices add the rest. */
export function createSliceEnv(api: StoreApi<AppState>, deps: StoreDeps, connection: Connection): SliceEnv {
  const aborts = createLoadAborts();
  const kit = {
    get: api.getState,
    set: api.setState,
    get gw() { return connection.gateway; },
    now: deps.now ?? Date.now,
    resourceSignal: (key: string) => aborts.signal(key, 'resource'),
  } as ViewContext;
  return { get: api.getState, set: api.setState, api, deps, connection, aborts, kit, shared: {} as SharedActions };
}
