import type {
  ApiCallRecord, FeedbackValue, GatewayTarget, PoolDetail, RiskConfiguration, User,
} from '../gateway/types.ts';
import type { ListError, PagedList } from './paged-list.ts';
import type { ListRef, Route } from './routes.ts';

/** A single value loaded from the API (pool detail, risk configuration). */
export interface Resource<T> {
  loading: boolean;
  value?: T;
  error?: ListError;
  requestId: number;
}

/** A message on the flash line; it clears itself. */
export interface Flash {
  level: 'info' | 'warn' | 'error';
  text: string;
  id: number;
}

/** A question that must be answered y or n before anything is sent. */
export interface Confirmation {
  title: string;
  detail?: string;
  onConfirm: () => void;
}

/** The search line of the user list while it is open. */
export interface SearchPrompt {
  poolId: string;
  text: string;
  /** Attribute that plain text is matched against by prefix. */
  attribute: string;
  error?: string;
}

/** Counters of API traffic for the status bar. */
export interface ApiStats {
  calls: number;
  failed: number;
  throttled: number;
  recent: ApiCallRecord[];
}

/** Every action the app can take; views and key tables call these and nothing else. */
export interface AppActions {
  push(route: Route): void;
  back(): void;
  quit(): void;
  openDeepLink(poolId: string, user?: string): void;
  setViewportRows(rows: number): void;
  loadMore(ref: ListRef): void;
  refresh(): void;
  moveCursor(ref: ListRef, delta: number): void;
  cursorTo(ref: ListRef, index: number): void;
  openSelected(): void;
  openRisk(poolId: string): void;
  ensurePool(poolId: string): void;
  ensureRisk(poolId: string, clientId?: string): void;
  openSearch(poolId: string): void;
  editSearch(change: { text?: string; attribute?: string }): void;
  submitSearch(): void;
  cancelSearch(): void;
  clearSearch(poolId: string): void;
  askFeedback(value: FeedbackValue): void;
  confirmYes(): void;
  confirmNo(): void;
  toggleHelp(): void;
  flash(level: Flash['level'], text: string): void;
}

/** The whole app state. */
export interface AppState {
  readOnly: boolean;
  target: GatewayTarget;
  stack: Route[];
  viewportRows: number;
  lists: Record<string, PagedList<unknown>>;
  pools: Record<string, Resource<PoolDetail>>;
  risk: Record<string, Resource<RiskConfiguration>>;
  /** User rows already loaded, by userKey: opening a user reads these, never AdminGetUser (billed per user). */
  users: Record<string, User>;
  /** Why a user could not be found, by userKey (a deep link to a user that does not exist). */
  missingUsers: Record<string, string>;
  /** The active server-side filter of each pool's user list. */
  searches: Record<string, string>;
  prompt?: SearchPrompt;
  confirm?: Confirmation;
  helpOpen: boolean;
  flash?: Flash;
  /** Event ids whose feedback write is in flight. */
  pendingFeedback: Record<string, FeedbackValue>;
  api: ApiStats;
  quitting: boolean;
  /** Set when q was pressed while writes were in flight; a second q quits anyway. */
  quitArmed: boolean;
  actions: AppActions;
}
