import { GatewayError } from '../gateway/errors.ts';
import type { CognitoGateway } from '../gateway/types.ts';
import type { Journal } from '../journal/journal.ts';
import type { ListError, PagedList } from './paged-list.ts';
import type { ListRef, Route } from './routes.ts';
import type { AppState, Flash, Prompt } from './state.ts';

/** What the store's action slices share: state access, the gateway, and the core list and message actions. */
export interface StoreKit {
  get: () => AppState;
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
  gw: CognitoGateway;
  now: () => number;
  list: <T>(ref: ListRef) => PagedList<T>;
  setList: (ref: ListRef, next: PagedList<unknown>) => void;
  flash: (level: Flash['level'], text: string, holdMs?: number) => void;
  loadMore: (ref: ListRef) => void;
  ensureList: (ref: ListRef) => void;
  /** Fetches a list again from its first page, as far as it was loaded, and replaces its rows; settles when it is done. */
  rereadList: (ref: ListRef) => Promise<void>;
  top: () => Route;
  push: (route: Route) => void;
  /** Replaces the navigation stack and enters its top view. */
  reset: (stack: Route[]) => void;
  /** Where writes are recorded (absent: nowhere). */
  journal?: Journal;
  /** Records a line an input line ran, for ↑/↓ (set by the history slice). */
  rememberPrompt?: (prompt: Prompt) => void;
}

/** A failure as lists and resources keep it. */
export function toListError(error: unknown): ListError {
  if (error instanceof GatewayError) return { kind: error.kind, message: error.message, retryable: error.retryable };
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error), retryable: true };
}
