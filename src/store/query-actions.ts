import { askedOf, ipPivotPlan, ipPivotUsers, questionPlan, rawPlan, type QueryPlan, type QuestionName } from '../domain/canned-queries.ts';
import { describeLogSource } from '../domain/log-source.ts';
import { parseTimeRange, resolveRange } from '../domain/time-range.ts';
import { activityTime } from '../domain/user-activity.ts';
import { writeQueryExport } from '../export/query-file.ts';
import type { QueryResults } from '../gateway/logs-types.ts';
import { queryJournalLine } from '../journal/query-journal.ts';
import { activeJournal } from '../writes/journal-outcomes.ts';
import { createLogSourceActions, currentPoolId, poolRange } from './log-source-actions.ts';
import type { IpPivotQuery, LogsActions, QueryRow, QueryRun } from './logs-state.ts';
import { emptyList, selectedItem } from './paged-list.ts';
import { DEFAULT_POLL, QUERY_ROW_LIMIT, startLogsQuery, type PollPacing, type RunningQuery } from './query-runner.ts';
import { queryRowsOf, unknownUser } from './query-rows.ts';
import { tupleKey, userKey, type ListRef } from './routes.ts';
import { lookupFilters } from './search.ts';
import type { StoreKit } from './store-kit.ts';

/** Longer ranges ask first: Logs Insights bills by the data it scans. */
export const CONFIRM_RANGE_MS = 7 * 86_400_000;

const TIME_COLUMNS = ['@timestamp', 'last', 'first'];

/** What the query actions are built with besides the kit. */
export interface QueryDeps {
  /** `--log-group`: the group of every pool's user activity, unless `:log-group` names another. */
  logGroup?: string;
  exportDir?: string;
  poll?: PollPacing;
}

function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The newest record time the raw rows carry, if they carry one. */
function newestOf(rows: Record<string, string>[]): number | undefined {
  let newest: number | undefined;
  for (const row of rows) {
    for (const c of TIME_COLUMNS) {
      const t = activityTime(row[c]);
      if (t !== undefined && (newest === undefined || t > newest)) newest = t;
    }
  }
  return newest;
}

/** Canned questions, raw queries, their runs and results, and the IP pivot's pool-wide source. */
export function createQueryActions(kit: StoreKit, deps: QueryDeps): LogsActions {
  const { get, set, flash, top, push, setList, list } = kit;
  const sources = createLogSourceActions(kit, deps.logGroup);
  const running = new Map<string, RunningQuery>();
  /** The IP pivot's queries, apart: they never hold up a question asked meanwhile. */
  const pivots = new Map<string, RunningQuery>();
  /** Queries' endings still being handled (results stored, the journal line written). */
  const endings = new Set<Promise<unknown>>();
  let seq = 0;

  const putRun = (id: string, change: Partial<QueryRun>) =>
    set((s) => ({ logs: { ...s.logs, runs: { ...s.logs.runs, [id]: { ...s.logs.runs[id]!, ...change } } } }));

  /** The pool's log group, or undefined after saying why there is none (and offering the sweep where it can look). */
  async function groupFor(poolId: string): Promise<string | undefined> {
    const source = await sources.resolveSource(poolId);
    if (source.state === 'group') return source.logGroup;
    const line = describeLogSource(source);
    if (source.state === 'denied' || source.state === 'failed') {
      flash(source.state === 'denied' ? 'warn' : 'error', line);
      return undefined;
    }
    set({
      confirm: {
        title: line, detail: 'y asks to sweep the pool instead (one AdminListUserAuthEvents per user, paced; it shows the cost first); n or esc does nothing.',
        yesLabel: 'sweep', onConfirm: () => get().actions.askSweep(),
      },
    });
    return undefined;
  }

  function finish(run: QueryRun, plan: QueryPlan, results: QueryResults | undefined, status: QueryRun['status'], error?: string) {
    const raw = results?.rows ?? [];
    const shaped = plan.shape && results ? plan.shape(raw) : { columns: results?.columns ?? [], rows: raw };
    const truncated = raw.length >= QUERY_ROW_LIMIT;
    const newest = newestOf(raw);
    const ref: ListRef = { kind: 'query', poolId: run.poolId, run: run.id };
    const was = list<QueryRow>(ref);
    setList(ref, { ...was, items: queryRowsOf(shaped), complete: true, loading: false, pagesLoaded: 1, error: undefined });
    putRun(run.id, {
      status, columns: shaped.columns, returned: raw.length, truncated, endedAt: kit.now(),
      ...(results ? { statistics: results.statistics } : {}), ...(newest !== undefined ? { newestMs: newest } : {}), ...(error ? { error } : {}),
    });
    track(journal(get().logs.runs[run.id]!, plan));
  }

  /** Journals one query: what was asked of which group over which range, how it ended and what it scanned. */
  async function journal(run: Pick<QueryRun, 'poolId' | 'logGroup' | 'queryId' | 'status' | 'returned' | 'statistics' | 'error'>, plan: QueryPlan) {
    const j = activeJournal(kit);
    if (j.dir === undefined) return;
    try {
      const who = kit.gw.whoAmI ? await kit.gw.whoAmI() : { unknown: 'this connection cannot ask sts:GetCallerIdentity' };
      const { target, incident } = get();
      await j.append([queryJournalLine({
        at: kit.now(), who, ...(incident ? { incident } : {}), ...(target.profile ? { profile: target.profile } : {}), ...(target.region ? { region: target.region } : {}),
        poolId: run.poolId, name: plan.name, query: plan.query, logGroup: run.logGroup, startMs: plan.startMs, endMs: plan.endMs,
        ...(run.queryId ? { queryId: run.queryId } : {}), status: run.status, rows: run.returned, ...run.statistics,
        ...(run.error ? { error: run.error } : {}), ...(plan.user ? { user: plan.user } : {}),
      })]);
    } catch (error) {
      flash('warn', `The query ran, but the journal could not be written (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  function start(poolId: string, logGroup: string, plan: QueryPlan) {
    const busy = [...running.keys()][0];
    if (busy) {
      const run = get().logs.runs[busy];
      if (run) push({ view: 'query', poolId: run.poolId, run: busy });
      return flash('warn', 'A query is still running: esc on its view stops it (StopQuery), then ask again.');
    }
    const id = `q${++seq}`;
    const run: QueryRun = {
      id, poolId, name: plan.name, title: plan.title, query: plan.query, startMs: plan.startMs, endMs: plan.endMs, logGroup,
      status: 'Starting', statistics: {}, columns: [], returned: 0, truncated: false, startedAt: kit.now(),
    };
    set((s) => ({ logs: { ...s.logs, runs: { ...s.logs.runs, [id]: run } } }));
    setList({ kind: 'query', poolId, run: id }, { ...emptyList<QueryRow>(), loading: true });
    push({ view: 'query', poolId, run: id });
    const handle = startLogsQuery(kit.gw as Required<typeof kit.gw>, plan, logGroup, (queryId, r) =>
      putRun(id, { queryId, ...(r ? { status: r.status, statistics: r.statistics, returned: r.rows.length } : { status: 'Scheduled' }) }), deps.poll ?? DEFAULT_POLL);
    running.set(id, handle);
    track(handle.done.then((outcome) => {
      running.delete(id);
      const name = plan.name === 'query' ? `query "${excerpt(plan.query)}"` : `:ask ${plan.name}`;
      if (outcome.cancelled) {
        finish(run, plan, undefined, 'Cancelled');
        return flash('info', `Stopped ${name} (StopQuery): nothing more is scanned.`);
      }
      if (outcome.error !== undefined) {
        const cause = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
        const line = `${name} failed: ${cause}`;
        finish(run, plan, undefined, 'Failed', line);
        return flash('error', line);
      }
      const r = outcome.results!;
      if (r.status !== 'Complete') {
        const line = `${name} ended ${r.status}${r.status === 'Timeout' ? ' (Logs Insights stops a query after 60 minutes): narrow the range with :since' : ''}.`;
        finish(run, plan, r, r.status, line);
        return flash('error', line);
      }
      finish(run, plan, r, 'Complete');
      const done = get().logs.runs[id]!;
      if (done.truncated) flash('warn', `Cut at the service's limit of ${QUERY_ROW_LIMIT.toLocaleString('en-US')} rows: narrow the range (:since) or add a filter to see the rest.`);
    }));
  }

  function track(ending: Promise<unknown>): void {
    endings.add(ending);
    void ending.finally(() => endings.delete(ending));
  }

  /** Runs `plan` on the pool once its log group is known, asking first when its range is over 7 days. */
  async function ask(poolId: string, plan: QueryPlan) {
    const group = await groupFor(poolId);
    if (!group) return;
    const days = (plan.endMs - plan.startMs) / 86_400_000;
    if (plan.endMs - plan.startMs <= CONFIRM_RANGE_MS) return start(poolId, group, plan);
    set({
      confirm: {
        title: `Query ${Math.round(days)} days of user activity in ${group}?`,
        detail: 'Logs Insights bills by the data it scans (about USD 0.005 per GB in most regions): a long range over a busy pool can scan many GB. y runs it; n or esc does not.',
        yesLabel: 'run', onConfirm: () => start(poolId, group, plan),
      },
    });
  }

  /**
   * The pool's username and sub of a user named as typed (username, email, phone or sub): from a row already read, else
   * looked up with ListUsers (never AdminGetUser); as typed when nobody matches (the logs may know a deleted user).
   */
  async function whoIs(poolId: string, typed: string): Promise<{ user: string; sub?: string }> {
    const known = get().users[userKey(poolId, typed)];
    if (known?.attributes.sub) return { user: known.username, sub: known.attributes.sub };
    try {
      for (const filter of lookupFilters(typed)) {
        const hit = (await kit.gw.listUsers(poolId, filter)).items[0];
        if (hit) return { user: hit.username, ...(hit.attributes.sub ? { sub: hit.attributes.sub } : {}) };
      }
    } catch {
      return { user: typed };
    }
    return { user: typed };
  }

  function rangeOf(poolId: string, text: string | undefined): { startMs: number; endMs: number } | string {
    if (!text) return resolveRange(poolRange(get(), poolId), kit.now());
    const parsed = parseTimeRange(text);
    return parsed.ok ? resolveRange(parsed.range, kit.now()) : parsed.error;
  }

  const queryRoute = () => {
    const route = top();
    return route.view === 'query' ? route : undefined;
  };

  return {
    findLogSource: sources.findLogSource,
    setLogGroup: sources.setLogGroup,
    setTimeRange: sources.setTimeRange,
    askQuestion(name: QuestionName, arg, rangeText) {
      const poolId = currentPoolId(kit);
      if (!poolId) return flash('warn', 'Open a pool first: :ask asks the open pool\'s user-activity logs.');
      if (name === 'history' && !arg) return flash('warn', ':ask history needs a user: :ask history alice [RANGE], or H on a user in the users list.');
      const range = rangeOf(poolId, rangeText);
      if (typeof range === 'string') return flash('warn', range);
      if (name !== 'history' || !arg) return void ask(poolId, questionPlan(name, range));
      void whoIs(poolId, arg).then((who) => ask(poolId, questionPlan('history', { ...range, ...who })));
    },
    runRawQuery(query) {
      if (!query) {
        set({ prompt: { kind: 'command', text: 'query ' } });
        return;
      }
      const poolId = currentPoolId(kit);
      if (!poolId) return flash('warn', 'Open a pool first: :query reads the open pool\'s user-activity logs.');
      const range = rangeOf(poolId, undefined);
      if (typeof range === 'string') return flash('warn', range);
      void ask(poolId, rawPlan(query, range.startMs, range.endMs));
    },
    async stopQueries(waitMs) {
      const handles = [...running.values(), ...pivots.values()];
      for (const handle of handles) handle.cancel();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => { timer = setTimeout(resolve, waitMs); });
      const settled = (async () => {
        await Promise.all(handles.map((h) => h.done));
        while (endings.size > 0) await Promise.all([...endings]);
      })();
      await Promise.race([settled, deadline]);
      clearTimeout(timer);
      return handles.length;
    },
    cancelQuery() {
      const route = queryRoute();
      const handle = route ? running.get(route.run) : undefined;
      if (!handle) return false;
      handle.cancel();
      return true;
    },
    exportQuery(format) {
      const route = queryRoute();
      const run = route ? get().logs.runs[route.run] : undefined;
      if (!route || !run) return flash('warn', 'Open a query\'s results first: e exports them.');
      const rows = list<QueryRow>({ kind: 'query', poolId: route.poolId, run: route.run }).items;
      if (rows.length === 0) return flash('warn', run.endedAt === undefined ? 'The query is still running: export once it is done.' : 'No rows to export.');
      writeQueryExport(deps.exportDir ?? process.cwd(), format, run.columns, rows.map((r) => r.cells), {
        ...askedOf(run), truncated: run.truncated, now: kit.now(),
      }).then(
        (path) => flash('info', `Exported ${rows.length} rows to ${path}${run.truncated ? ' (cut at the service\'s row limit)' : ''}`),
        (error) => flash('error', error instanceof Error ? error.message : String(error)),
      );
    },
    shiftQueryColumns(delta) {
      const route = queryRoute();
      const run = route ? get().logs.runs[route.run] : undefined;
      if (!run || run.columns.length === 0) return;
      const firstColumn = Math.max(0, Math.min(run.columns.length - 1, (run.firstColumn ?? 0) + delta));
      putRun(run.id, { firstColumn });
    },
    pivotQueryRow() {
      const route = queryRoute();
      if (!route) return;
      const row = selectedItem(list<QueryRow>({ kind: 'query', poolId: route.poolId, run: route.run }));
      if (!row?.ip) return flash('warn', 'This row names no IP address.');
      push({ view: 'ip', poolId: route.poolId, address: row.ip });
    },
    askIpPivot(poolId, address) {
      void sources.resolveSource(poolId).then((source) => {
        if (source.state === 'group') pivotFromLogs(poolId, address, source.logGroup);
      });
    },
  };

  /** The IP pivot's pool-wide source: the users the logs name for one address, merged into the pivot's rows. */
  function pivotFromLogs(poolId: string, address: string, group: string) {
    const key = tupleKey(poolId, address);
    if (!kit.gw.startQuery || pivots.size > 0) return;
    const range = resolveRange(poolRange(get(), poolId), kit.now());
    const plan = ipPivotPlan(address, range.startMs, range.endMs);
    const id = `ip${++seq}`;
    const put = (change: Partial<IpPivotQuery>) =>
      set((s) => ({ logs: { ...s.logs, ipPivots: { ...s.logs.ipPivots, [key]: { ...{ runId: id, rows: [], done: false }, ...s.logs.ipPivots[key], ...change } } } }));
    put({ runId: id, done: false, rows: [], error: undefined });
    const handle = startLogsQuery(kit.gw as Required<typeof kit.gw>, plan, group, () => {}, deps.poll ?? DEFAULT_POLL);
    pivots.set(id, handle);
    track(handle.done.then((outcome) => {
      pivots.delete(id);
      const { results } = outcome;
      const error = outcome.error !== undefined || !results ? `the logs query for ${address} failed: ${outcome.error instanceof Error ? outcome.error.message : 'stopped'}` : undefined;
      track(journal({
        poolId, logGroup: group, ...(outcome.queryId ? { queryId: outcome.queryId } : {}), status: results?.status ?? (outcome.cancelled ? 'Cancelled' : 'Failed'),
        returned: results?.rows.length ?? 0, statistics: results?.statistics ?? {}, ...(error ? { error } : {}),
      }, plan));
      if (error !== undefined || !results) return put({ done: true, error });
      const rows = ipPivotUsers(results.rows).map((u) => ({
        user: unknownUser(u.username), events: u.events, worst: u.worst, ...(u.newestAt !== undefined ? { newestAt: u.newestAt } : {}),
      }));
      put({ done: true, rows });
      if (top().view === 'ip') get().actions.refresh();
    }));
  }
}
