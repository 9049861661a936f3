/** What an abort controller serves: a paged list (by list key) or a single resource (pool detail, risk configuration). */
export type LoadKind = 'list' | 'resource';

/** One AbortController per list and per resource, so that leaving a view aborts every request made for it. */
export interface LoadAborts {
  /** The signal to pass with the next request for `key`; a fresh one once the last was aborted. */
  signal(key: string, kind?: LoadKind): AbortSignal;
  /** Aborts the requests of every `kind` key not in `keep`; returns the keys aborted. */
  abortExcept(keep: ReadonlySet<string>, kind: LoadKind): string[];
}

/** Builds the abort controllers of one store. */
export function createLoadAborts(): LoadAborts {
  const controllers: Record<LoadKind, Map<string, AbortController>> = { list: new Map(), resource: new Map() };
  return {
    signal(key, kind = 'list') {
      let controller = controllers[kind].get(key);
      if (!controller || controller.signal.aborted) {
        controller = new AbortController();
        controllers[kind].set(key, controller);
      }
      return controller.signal;
    },
    abortExcept(keep, kind) {
      const aborted: string[] = [];
      for (const [key, controller] of controllers[kind]) {
        if (keep.has(key)) continue;
        controller.abort();
        controllers[kind].delete(key);
        aborted.push(key);
      }
      return aborted;
    },
  };
}
