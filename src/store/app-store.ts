import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TimeZoneSetting } from '../domain/time-format.ts';
import { regionLabel, type AuthEvent, type CognitoGateway, type GatewayTarget, type Page } from '../gateway/types.ts';
import { createCallRecorder } from './api-stats.ts';
import { createCommandActions } from './command-actions.ts';
import { createFollowActions, type FollowPacing } from './follow-actions.ts';
import { createNavigationActions, reloadLists } from './navigation-actions.ts';
import { listSource } from './list-sources.ts';
import { viewSpec } from '../views/registry.ts';
import type { ViewContext } from '../views/view-spec.ts';
import { rereadList, withPendingFeedback } from './reread-list.ts';
import { createOutputActions, type OutputDeps } from './output-actions.ts';
import { createSweepActions } from './sweep-actions.ts';
import { displayedList, isFiltering } from './displayed-list.ts';
import { createDialogActions } from './dialog-actions.ts';
import { createFeedbackActions } from './feedback-actions.ts';
import { createPromptActions } from './prompt-actions.ts';
import { createLoadAborts } from './load-aborts.ts';
import { resourceKey, stopLoadsOfLeftViews } from './stop-left-loads.ts';
import { pageRowsOf } from './page-rows.ts';
import {
  advanceFollow, applyError, applyPage, beginLoad, canLoadMore, clampCursor, emptyList, isWalkStop, stopFollow, moveCursorTo, nearEnd,
  selectedItem, type PagedList,
} from './paged-list.ts';
import { listKey, riskKey, type ListRef, type Route } from './routes.ts';
import { createSearchActions } from './search-actions.ts';
import type { AppState, Resource } from './state.ts';
import { toListError } from './store-kit.ts';
import { createTriageActions } from './triage-actions.ts';
import { createUserActions } from './user-actions.ts';
import { createUserLookup } from './user-lookup.ts';
import { flashIsOver } from './flash-lifetime.ts';
import { createPoolWaiter } from './pool-waiter.ts';
import { allInFlight, NO_WRITES_IN_FLIGHT } from '../writes/in-flight.ts';

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
}

/** The app's store. */
export type AppStore = StoreApi<AppState>;

/** Builds a store; every test and every run of the app makes its own. */
export function createAppStore(deps: StoreDeps): AppStore {
  let gw = deps.gateway;
  let detach = () => {};
  const now = deps.now ?? Date.now;
  let flashSeq = 0;
  const aborts = createLoadAborts();

  const store = createStore<AppState>()((set, get, api) => {
    const list = <T>(ref: ListRef) => (get().lists[listKey(ref)] as PagedList<T> | undefined) ?? emptyList<T>();
    const setList = (ref: ListRef, next: PagedList<unknown>) =>
      set((s) => ({ lists: { ...s.lists, [listKey(ref)]: next } }));

    function fetchPage(ref: ListRef, token: string | undefined): Promise<Page<unknown>> {
      return listSource(ref).fetch(gw, ref, token, { signal: aborts.signal(listKey(ref)) }, get());
    }

    function loadMore(ref: ListRef) {
      const before = list(ref);
      if (!canLoadMore(before)) return;
      const started = beginLoad(before);
      setList(ref, started);
      fetchPage(ref, before.nextToken).then(
        (fetched) => {
          const page = { ...fetched, items: prepare(ref, fetched.items) };
          const current = list(ref);
          const next = applyPage(current, started.requestId, page);
          if (next === current) return;
          const gotNothing = next.items.length === current.items.length;
          const shown = next.followUntil === undefined ? clampCursor(next) : advanceFollow(next);
          setList(ref, shown);
          if (isWalkStop(next)) flash('warn', next.error!.message);
          if (next.pagesLoaded === 1) listSource(ref).firstPage?.(ref, { ensurePool, completeUser: resolveUser });
          followSelection(ref);
          if (shown.followUntil !== undefined) following.follow(ref);
          else if (canLoadMore(shown) && (gotNothing || nearEnd(shown, rowsOf(ref)))) loadMore(ref);
        },
        (error) => setList(ref, applyError(list(ref), started.requestId, toListError(error))),
      );
    }

    function prepare(ref: ListRef, items: unknown[]): unknown[] {
      return listSource(ref).prepare?.(items) ?? items;
    }

    const following = createFollowActions({
      get, list, setList, fetchPage, prepare, flash, followSelection, pacing: deps.paceFollow,
      jumpFiltered: (ref) => {
        if (ref.kind !== 'events' || !isFiltering(get().eventViews[listKey(ref)])) return false;
        moveCursorToIndex(ref, Number.MAX_SAFE_INTEGER);
        return true;
      },
    });

    function ensureList(ref: ListRef) {
      const l = list(ref);
      if (l.pagesLoaded === 0 ? !l.loading && !l.error : canLoadMore(l) && nearEnd(l, rowsOf(ref))) loadMore(ref);
    }

    function loadResource<T>(field: 'pools' | 'risk', key: string, fetch: (signal: AbortSignal) => Promise<T>, force = false) {
      const existing = get()[field][key] as Resource<T> | undefined;
      if (!force && existing && (existing.loading || existing.value !== undefined)) return;
      const requestId = (existing?.requestId ?? 0) + 1;
      const put = (r: Resource<T>) => set((s) => ({ [field]: { ...s[field], [key]: r } }) as Partial<AppState>);
      put({ loading: true, value: existing?.value, requestId });
      fetch(aborts.signal(resourceKey(field, key), 'resource')).then(
        (value) => { if (get()[field][key]?.requestId === requestId) put({ loading: false, value, requestId }); },
        (error) => { if (get()[field][key]?.requestId === requestId) put({ loading: false, value: existing?.value, error: toListError(error), requestId }); },
      );
    }

    function ensurePool(poolId: string, force = false) {
      loadResource('pools', poolId, (signal) => gw.describeUserPool(poolId, { signal }), force);
    }

    /**
     * Asks for a risk configuration only once the pool's details say threat protection is not OFF (with it OFF,
     * Cognito answers every DescribeRiskConfiguration with UserPoolAddOnNotEnabledException). While the details are
     * on their way it waits for them, and asks then only if the risk view of that pool is still open.
     */
    function ensureRisk(poolId: string, clientId?: string, force = false) {
      const pool = get().pools[poolId];
      if (pool === undefined || pool.loading) {
        ensurePool(poolId);
        afterPoolDetail(poolId, () => {
          const route = top();
          if (route.view !== 'risk' || route.poolId !== poolId) return;
          ensureRisk(poolId, undefined, force);
          ensureSelectedClientRisk(poolId);
        });
        return;
      }
      if (pool.value?.threatProtection === 'OFF') return;
      loadResource('risk', riskKey(poolId, clientId), (signal) => gw.describeRiskConfiguration(poolId, clientId, { signal }), force);
    }

    const afterPoolDetail = createPoolWaiter(api);
    const lookup = createUserLookup({ get, set, flash, gateway: () => gw, enter, signal: (key) => aborts.signal(resourceKey('lookup', key), 'resource') });
    const resolveUser = lookup.complete;

    function enter(route: Route) {
      const spec = viewSpec(route);
      if (spec.enter) spec.enter(route, kit);
      else for (const ref of spec.lists(route, get())) ensureList(ref);
    }

    function top(): Route {
      const stack = get().stack;
      return stack[stack.length - 1];
    }

    function push(route: Route) {
      set((s) => ({ stack: [...s.stack, route], helpOpen: false, detailScroll: 0 }));
      enter(route);
    }

    function flash(level: 'info' | 'warn' | 'error', text: string) {
      const id = ++flashSeq;
      set({ flash: { level, text, id, stack: get().stack } });
      const timer = setTimeout(() => { if (get().flash?.id === id) set({ flash: undefined }); }, (deps.flashMs ?? 6000) * (level === 'error' ? 3 : 1));
      timer.unref?.();
    }

    function rowsOf(ref: ListRef): number {
      return pageRowsOf(get(), listKey(ref), deps.listRows);
    }

    function moveCursorToIndex(ref: ListRef, index: number) {
      const rows = rowsOf(ref);
      const key = listKey(ref);
      const view = get().eventViews[key];
      if (ref.kind === 'events' && isFiltering(view)) {
        const moved = moveCursorTo(displayedList<AuthEvent>(get(), ref) ?? emptyList<AuthEvent>(), index);
        set((s) => ({ eventViews: { ...s.eventViews, [key]: { ...view, cursor: moved.cursor } } }));
        if (canLoadMore(list(ref)) && nearEnd(moved, rows)) loadMore(ref);
        return;
      }
      const next = moveCursorTo(stopFollow(list(ref)), index);
      setList(ref, next);
      if (canLoadMore(next) && nearEnd(next, rows)) loadMore(ref);
      followSelection(ref);
    }

    /** Loads what the selected row's detail line shows: a pool's mode and tier, a client's risk configuration. */
    function followSelection(ref: ListRef) {
      if (ref.kind === 'clients') ensureSelectedClientRisk(ref.poolId);
      if (ref.kind === 'pools') {
        const pool = selectedItem(list<{ id: string }>(ref));
        if (pool) ensurePool(pool.id);
      }
    }

    function ensureSelectedClientRisk(poolId: string) {
      const client = selectedItem(list<{ id: string }>({ kind: 'clients', poolId }));
      if (client) ensureRisk(poolId, client.id);
    }

    const stopLeftLoads = (all = false) => stopLoadsOfLeftViews({ get, set, aborts }, all);

    function reset(stack: Route[]) {
      set({ stack, helpOpen: false });
      stopLeftLoads();
      enter(top());
    }

    function switchTarget(change: { region?: string; profile?: string }): string | undefined {
      if (!deps.connect) return 'this session cannot switch region or profile';
      const target: GatewayTarget = { ...get().target, ...change };
      let next: CognitoGateway;
      try {
        next = deps.connect(target);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      stopLeftLoads(true);
      set({
        target: next.target, lists: {}, pools: {}, risk: {}, users: {}, missingUsers: {}, searches: {}, eventViews: {}, marks: {},
      });
      attach(next);
      reset([{ view: 'pools' }]);
      flash('info', `Now on ${[target.profile ? `profile ${target.profile}` : '', regionLabel(target)].filter(Boolean).join(', ')}.`);
      return undefined;
    }

    const kit: ViewContext = {
      get, set, get gw() { return gw; }, now, list, setList, flash, loadMore, ensureList, top, push, reset,
      canonical: (route) => lookup.canonical(route),
      reload: (refs) => reloadLists(kit, refs),
      resourceSignal: (key) => aborts.signal(key, 'resource'),
      rereadList: (ref) => {
        const prepareReread = (r: ListRef, items: unknown[]) => withPendingFeedback(r, prepare(r, items), get().pendingWrites);
        return rereadList({ list, setList, fetchPage, prepare: prepareReread }, ref);
      },
    };
    const commands = createCommandActions(kit, { switchTarget: deps.connect ? switchTarget : undefined, profiles: deps.profiles });
    const search = createSearchActions(kit);
    const triage = createTriageActions(kit);
    const prompts = createPromptActions(kit, {
      search: search.searchPrompt,
      filter: triage.filterPrompt,
      command: commands.commandPrompt,
    });

    return {
      readOnly: deps.readOnly ?? false,
      timeZone: deps.timeZone ?? 'utc',
      target: gw.target,
      stack: [{ view: 'pools' }],
      pageRows: {},
      lists: {},
      pools: {},
      risk: {},
      users: {},
      missingUsers: {},
      searches: {},
      eventViews: {},
      marks: {},
      sweeps: {},
      detailScroll: 0,
      userPane: 'groups',
      pendingWrites: NO_WRITES_IN_FLIGHT, actionLog: [],
      helpOpen: false,
      api: { calls: 0, failed: 0, throttled: 0, recent: [] },
      quitting: false,
      quitArmed: false,
      actions: {
        push,
        back() {
          const s = get();
          if (s.helpOpen) return set({ helpOpen: false });
          if (s.stack.length <= 1) return;
          reset(s.stack.slice(0, -1));
        },
        quit() {
          const inFlight = allInFlight(get().pendingWrites).length;
          if (inFlight > 0 && !get().quitArmed) {
            set({ quitArmed: true });
            flash('warn', `${inFlight} write${inFlight > 1 ? 's are' : ' is'} still being sent: wait for the result, or press q again to quit without knowing it.`);
            return;
          }
          stopLeftLoads(true);
          set({ quitting: true });
        },
        openDeepLink(poolId, user) {
          const stack: Route[] = [{ view: 'pools' }, { view: 'users', poolId }];
          if (user) stack.push({ view: 'user', poolId, username: user }, { view: 'events', poolId, username: user });
          reset(stack);
        },
        setPageRows(key, rows) {
          const n = Math.max(1, Math.floor(rows));
          if (get().pageRows[key] !== n) set((s) => ({ pageRows: { ...s.pageRows, [key]: n } }));
        },
        loadMore,
        loadToEnd: following.loadToEnd,
        stopLoading: following.stopLoading,
        moveCursor(ref, delta) {
          moveCursorToIndex(ref, (displayedList(get(), ref) ?? list(ref)).cursor + delta);
        },
        cursorTo: moveCursorToIndex,
        openRisk(poolId) {
          push({ view: 'risk', poolId });
        },
        ensurePool,
        ensureRisk,
        openSearch: search.openSearch,
        clearSearch: search.clearSearch,
        ...prompts,
        toggleAttention: triage.toggleAttention,
        clearEventFilter: triage.clearEventFilter,
        jumpRisky: triage.jumpRisky,
        toggleMark: triage.toggleMark,
        markAllShown: triage.markAllShown,
        clearMarks: triage.clearMarks,
        ...createFeedbackActions(kit, deps.feedbackIntervalMs),
        ...createNavigationActions(kit),
        ...createUserActions(kit),
        ...createSweepActions(kit, deps.sweepShare, deps.exportDir),
        ...createOutputActions(kit, deps),
        scrollDetail(delta) {
          set((s) => ({ detailScroll: Math.max(0, s.detailScroll + Math.trunc(delta)) }));
        },
        switchUserPane() {
          set((s) => ({ userPane: s.userPane === 'groups' ? 'devices' : 'groups' }));
        },
        ...createDialogActions(kit),
        flash,
      },
    };
  });

  function attach(gateway: CognitoGateway) {
    detach();
    gw = gateway;
    gateway.resolveTarget?.().then(
      (target) => { if (gw === gateway) store.setState({ target }); },
      () => {},
    );
    detach = gateway.subscribeCalls((record) => recordCall(record));
  }

  const recordCall = createCallRecorder(store, now);

  attach(gw);
  store.subscribe((s, prev) => { if (flashIsOver(s, prev)) store.setState({ flash: undefined }); });
  return store;
}
