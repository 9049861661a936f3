import type { RangeRequest } from './ip-range-actions.ts';
import type { RiskEdit } from '../domain/risk-edit.ts';
import type { TimeZoneSetting } from '../domain/time-format.ts';
import type {
  ApiCallRecord, FeedbackValue, GatewayTarget, PoolDetail, RetryCounts, RiskConfiguration, User,
} from '../gateway/types.ts';
import type { EventFilter } from '../domain/event-filter.ts';
import type { SweepProgress } from '../sweep/index.ts';
import type { ListError, PagedList } from './paged-list.ts';
import type { PulseState } from './risk-pulse.ts';
import type { ListSort } from './sort-columns.ts';
import type { ListRef, Route } from './routes.ts';
import type { ActionLogEntry } from '../writes/action-log.ts';
import type { WritesInFlight } from '../writes/in-flight.ts';
import type { BulkUserWrite } from '../writes/bulk-user-specs.ts';
import type { YankField, YankFieldName } from '../export/yank-fields.ts';
import type { ConfigState } from '../config/config-types.ts';
import type { LogsActions, LogsState } from './logs-state.ts';

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
  /** The navigation stack it was raised on: moving to another view clears it. */
  stack?: Route[];
}

/** Text of a dialog; a function of the state when its words depend on data still loading. */
export type DialogText = string | ((s: AppState) => string);

/** A question answered only by y (confirm) or n/Esc (cancel); every other key is ignored while it is open. */
export interface YesNoDialog {
  /** Absent on the plain confirmations that predate the other kinds. */
  kind?: 'yes-no';
  title: DialogText;
  detail?: DialogText;
  /** What `y` does, in the dialog's key line and the footer, when it is not a write ("switch", "start"); "send" otherwise. */
  yesLabel?: string;
  /** Drawn red: the write locks someone out or revokes something. */
  dangerous?: boolean;
  /** Every call it sends (and what it cannot do), one per line under the detail, scrolled when longer than the dialog. */
  lines?: string[];
  /** The first of `lines` shown. */
  scroll?: number;
  onConfirm: () => void;
  /** Runs when the dialog is cancelled (n or Esc); nothing was sent. */
  onCancel?: () => void;
}

/** For irreversible writes: the user types `expected`; Enter submits only when the text matches, Esc cancels. */
export interface TypedDialog {
  kind: 'typed';
  title: DialogText;
  detail?: DialogText;
  /** What must be typed, e.g. the username the write is about. */
  expected: string;
  /** What has been typed so far. */
  text: string;
  /** Set when Enter was pressed on text that does not match. */
  mismatch?: boolean;
  /** Drawn red: the write locks someone out or revokes something. */
  dangerous?: boolean;
  onConfirm: () => void;
  /** Runs when the dialog is cancelled (Esc); nothing was sent. */
  onCancel?: () => void;
}

/** One step of a checklist dialog. */
export interface ChecklistStep {
  id: string;
  label: string;
  checked: boolean;
}

/** Several steps to run together: space toggles a step, d shows a dry run, y runs the checked steps, Esc cancels. */
export interface ChecklistDialog {
  kind: 'checklist';
  title: DialogText;
  detail?: DialogText;
  steps: ChecklistStep[];
  /** The step space toggles. */
  cursor: number;
  /** True while the dry run is shown. */
  dryRun: boolean;
  /** The first line of the dry run shown, when it is longer than the dialog's rows. */
  scroll?: number;
  /** What running the checked steps would send, one line per call; nothing is sent to find out. */
  describe: (steps: ChecklistStep[]) => string[];
  /** Runs the checked steps. */
  onRun: (steps: ChecklistStep[]) => void;
}

/** A modal dialog: while one is open it takes every key, and only its own keys act. */
export type Dialog = YesNoDialog | TypedDialog | ChecklistDialog;

/** The kinds of dialog, each with its own key table. */
export type DialogKind = NonNullable<Dialog['kind']>;

/** The dialog that blocks every other key until answered (the name predates the typed and checklist kinds). */
export type Confirmation = Dialog;

/** A batch of writes being sent, for a view to show how far it is. */
export interface WriteProgress {
  /** What the batch does: "Mark 12 events Invalid". */
  label: string;
  /** Targets already answered. */
  done: number;
  total: number;
}

/** A write that failed, which R asks to send again. */
export interface FailedWrite {
  /** What failed, e.g. "Disable maria". */
  label: string;
  /** Opens the confirmation for sending it again (never sends by itself). */
  ask: () => void;
}

/** Which line editor is open: the user search, the event filter, the `:` command line, or the group to add users to. */
export type PromptKind = 'search' | 'filter' | 'command' | 'group';

/** The one-line editor at the top of a view while it is open. */
export interface Prompt {
  kind: PromptKind;
  text: string;
  /** Search: the attribute that plain text is matched against by prefix. */
  attribute?: string;
  /** Search: the pool whose users are searched. */
  poolId?: string;
  /** Filter: the store key of the event list being filtered; group: of the list of users it adds. */
  listKey?: string;
  error?: string;
  /** Tab completion under way: the candidates and the one shown. */
  completion?: { candidates: string[]; index: number };
  /** ↑/↓ through the history under way: the line shown (0 the oldest) and the text typed before. */
  recall?: { index: number; draft: string };
}

/** A pool-wide sweep, running or over; its findings are the pool's 'findings' list. */
export interface SweepState {
  filter: string;
  running: boolean;
  progress?: SweepProgress;
  /** Why it stopped early. */
  error?: string;
}

/** A write on a user that the on-call engineer can send. */
export type UserWrite = 'disable' | 'enable' | 'sign-out';

/**
 * An administrator's action on the user on screen. A group or device left out means the one under the cursor
 * (add-to-group without a group opens the command line to type one).
 */
export type AdminRequest =
  | { kind: 'reset-password' | 'confirm-signup' | 'delete-user' | 'forget-devices' }
  | { kind: 'add-to-group' | 'remove-from-group'; group?: string }
  | { kind: 'forget-device'; deviceKey?: string };

/** A client-side view over a loaded event list: its filter and its own cursor over the rows that pass. */
export interface EventView {
  text: string;
  filter: EventFilter;
  /** The "needs attention" toggle. */
  attention: boolean;
  cursor: number;
}

/** Counters of API traffic for the status bar. */
export interface ApiStats {
  calls: number;
  /** Calls that failed (an aborted call is not a failure). */
  failed: number;
  /** Calls Cognito throttled at least once. */
  throttled: number;
  /**
   * Attempts that failed for a cause that may pass, by cause: every retried attempt, and the last attempt of a call
   * that gave up on one. Absent until the first.
   */
  failedAttempts?: RetryCounts;
  /** Calls aborted because their view was left. */
  aborted?: number;
  recent: ApiCallRecord[];
}

/** Every action the app can take; views and key tables call these and nothing else. */
export interface AppActions extends LogsActions {
  push(route: Route): void;
  back(): void;
  quit(): void;
  openDeepLink(poolId: string, user?: string): void;
  /** What a list view (by list key) or a scrolled text ('help', 'detail') last had rows for: its page for PgDn and prefetching. */
  setPageRows(key: string, rows: number): void;
  loadMore(ref: ListRef): void;
  refresh(): void;
  moveCursor(ref: ListRef, delta: number): void;
  /** G: the last row, then keeps loading pages to the end of the list (in batches; esc stops). */
  loadToEnd(ref: ListRef): void;
  /** Stops a G that is still loading; false when none is. */
  stopLoading(): boolean;
  cursorTo(ref: ListRef, index: number): void;
  /** Sorts the list by its next column (after the last: as loaded); the selected row stays selected. */
  cycleSort(ref: ListRef): void;
  /** Reverses the list's sort (an unsorted list sorts by its first column); the selected row stays selected. */
  reverseSort(ref: ListRef): void;
  openSelected(): void;
  openRisk(poolId: string): void;
  /** Loads a pool's details once (again when `force`). */
  ensurePool(poolId: string, force?: boolean): void;
  /** Loads the pool's or an app client's risk configuration once (again when `force`). */
  ensureRisk(poolId: string, clientId?: string, force?: boolean): void;
  /** Reads the pool's risk pulse (CloudWatch GetMetricData) unless a fresh one is there or one is loading; `force` reads anyway. */
  loadPulse(poolId: string, force?: boolean): void;
  openSearch(poolId: string): void;
  openPrompt(kind: Exclude<PromptKind, 'search'>): void;
  editPrompt(change: { text: string }): void;
  completePrompt(): void;
  submitPrompt(): void;
  cancelPrompt(): void;
  clearSearch(poolId: string): void;
  toggleAttention(): void;
  clearEventFilter(): void;
  jumpRisky(direction: 1 | -1): void;
  toggleMark(): void;
  markAllShown(): void;
  clearMarks(): boolean;
  askFeedback(value: FeedbackValue): void;
  /** Asks to disable, enable or sign out the user on screen; 'toggle' disables an enabled user and enables a disabled one. */
  askUserWrite(write: UserWrite | 'toggle'): void;
  /** Asks to send `write` to the marked users of `ref` (a list of users), else to the one under the cursor; once each, paced. */
  askBulkUserWrite(ref: ListRef, write: BulkUserWrite): void;
  /** Asks for an administrator's action on the user on screen (reset password, groups, devices, confirm, delete). */
  askAdminWrite(request: AdminRequest): void;
  /** Asks to add or remove an IP range in the always-block or always-allow list (read, diff, confirm, re-read, write, read back). */
  askRangeChange(request: RangeRequest): void;
  /** `:risk-set`: change account-takeover and compromised-credentials settings of the pool or the selected client (diff, confirm, read back). */
  askRiskEdit(edit: RiskEdit): void;
  /** Opens the command line with `risk-set ` typed (the risk view's key). */
  proposeRiskEdit(): void;
  /** `:contain`: the containment checklist for the user on screen, or the marked users of the list on screen. */
  askContain(): void;
  /** `:contain --resume`: offers to finish the latest playbook of the journal that has no "finished" line, sending only the calls not journaled ok. */
  resumeContain(): void;
  /** `:undo`: offers to reverse the last playbook or batch of writes in the journal, listing first what cannot be reversed. */
  askUndo(): void;
  /** Puts `block <the event's IP>/32` on the command line, for the event on screen or under the cursor. */
  proposeBlock(): void;
  /** Opens the IP pivot on `address` in `poolId` (key I on an event, or `:ip`) and journals it with how many users it found. */
  openIpPivot(poolId: string, address: string, via: 'I' | ':ip'): void;
  /** Asks to sweep the current pool (narrowed by its search), showing the estimated calls and time. */
  askSweep(): void;
  /** Cancels the sweep on screen; false when none is running. */
  cancelSweep(): boolean;
  /** Opens the events of the selected sweep finding's user. */
  openFinding(): void;
  /** Writes the sweep's findings on screen (worst first) to a JSON or CSV file and says where. */
  exportFindings(format: 'json' | 'csv'): void;
  /** Copies the selected row (or the event or user on screen) as JSON: OSC 52, else tmux's buffer, else says to select by hand. */
  copySelected(): void;
  /** Writes the loaded events of the user on screen to a JSON or CSV file and says where. */
  exportEvents(format: 'json' | 'csv'): void;
  /** Scrolls a detail view's text by `delta` lines (never above the top). */
  scrollDetail(delta: number): void;
  /** Moves the focus between the user view's groups and devices. */
  switchUserPane(): void;
  /** Answers the open dialog: y on a yes/no, Enter on a typed dialog whose text matches, y on a checklist. */
  confirmYes(): void;
  /** Closes the open dialog; nothing is sent. */
  confirmNo(): void;
  /** Typed dialog: replaces the typed text. */
  editDialog(text: string): void;
  /** Checklist: moves the cursor between steps; while the dry run (or a yes/no's list of calls) is shown, scrolls it by `delta` lines. */
  moveDialogStep(delta: number): void;
  /** Checklist: checks or unchecks the step under the cursor. */
  toggleDialogStep(): void;
  /** Checklist: shows or hides the dry run. */
  toggleDryRun(): void;
  /** Opens a dialog (a write, or a test harness). */
  openDialog(dialog: Dialog): void;
  /** R: asks to send the latest failed write again. */
  retryFailedWrite(): void;
  toggleHelp(): void;
  /** Scrolls the help by `delta` lines (never above the top). */
  scrollHelp(delta: number): void;
  /** Shows a message on the flash line for a while (`holdMs`, else a few seconds). */
  flash(level: Flash['level'], text: string, holdMs?: number): void;
  /** Y: opens the picker of the selection's fields to copy (username, email, sub, event id, IP). */
  openYank(): void;
  /** In the Y picker: copies that field of the selection to the clipboard (OSC 52, else tmux's buffer, else shown). */
  yankField(name: YankFieldName): void;
  /** Closes the Y picker; nothing is copied. */
  closeYank(): void;
  /** ↑ (-1) or ↓ (+1) in an input line: the older or newer line of its history in this pool. */
  recallPrompt(delta: number): void;
  /** Names the current incident (`:incident NAME`); an empty name clears it. */
  setIncident(name: string): void;
  /** `:report`: writes the Markdown report of the incident's (or today's) journal to a new file and flashes its path. */
  writeReport(): void;
  /** Runs the config's custom command called `name` on the selection (asking first when it says so). */
  runCustomCommand(name: string): void;
}

/** The whole app state. */
export interface AppState {
  readOnly: boolean;
  /** The zone every time on screen is shown in (`--time`); exports are always UTC. */
  timeZone: TimeZoneSetting;
  target: GatewayTarget;
  stack: Route[];
  /** The rows each list (by list key) and scrolled text ('help', 'detail') was last drawn with; see pageRowsOf. */
  pageRows: Record<string, number>;
  lists: Record<string, PagedList<unknown>>;
  /** How each kind of list is sorted (> cycles the column, < reverses); a kind absent shows its rows as loaded. */
  sorts: Partial<Record<ListRef['kind'], ListSort>>;
  pools: Record<string, Resource<PoolDetail>>;
  risk: Record<string, Resource<RiskConfiguration>>;
  /** The risk pulse of each pool (threat-protection metrics of the last 24 h), by pool id. */
  pulses: Record<string, PulseState>;
  /** Single reads by readKey (an app client's details); absent until the first (see single-reads.ts). */
  reads?: Record<string, Resource<unknown>>;
  /** User rows already loaded, by userKey: opening a user reads these, never AdminGetUser (billed per user). */
  users: Record<string, User>;
  /** Why a user could not be found, by userKey (a deep link to a user that does not exist). */
  missingUsers: Record<string, string>;
  /** The active server-side filter of each pool's user list. */
  searches: Record<string, string>;
  prompt?: Prompt;
  /** Client-side filters of event lists, by list key. */
  eventViews: Record<string, EventView>;
  /** Marked rows of lists, by list key then row id (an event's id, a user's username; a sweep finding's is its user's). */
  marks: Record<string, Record<string, true>>;
  /** The open dialog, if any. */
  confirm?: Dialog;
  helpOpen: boolean;
  /** First line of the help shown, while it scrolls. */
  helpScroll?: number;
  /** The latest write that failed; R asks to send it again. */
  failedWrite?: FailedWrite;
  flash?: Flash;
  /** Sweeps by pool id. */
  sweeps: Record<string, SweepState>;
  /** First line shown of a scrolled detail view (the whole attributes of a user). */
  detailScroll: number;
  /** Which list of the user view the cursor keys move. */
  userPane: 'groups' | 'devices';
  /** Writes sent and not settled yet (user writes and feedback), by pool then user; at most one at each place. */
  pendingWrites: WritesInFlight;
  /** The batch of writes being sent, while one is. */
  writeProgress?: WriteProgress;
  /** Every write attempt and how it ended, oldest first, the newest 1,000 kept. */
  actionLog: ActionLogEntry[];
  /** The incident named with `:incident`, written into every journal line from then on. */
  incident?: string;
  /** Why the journal is off (`--no-journal`, or it could not be written and the user went on without it). */
  journalOff?: string;
  api: ApiStats;
  /** The pool-wide query path: log sources, ranges, queries (see logs-state.ts). */
  logs: LogsState;
  quitting: boolean;
  /** Set when q was pressed while writes were in flight; a second q quits anyway. */
  quitArmed: boolean;
  /** The fields the open Y picker offers, with their values; absent when it is closed. */
  yank?: YankField[];
  /** The config file's settings: key remaps, aliases, custom commands, per-pool settings. */
  config: ConfigState;
  actions: AppActions;
}
