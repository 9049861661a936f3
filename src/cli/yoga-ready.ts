/** Where the bundle's Yoga loader (scripts/yoga-plugin.mjs) leaves the promise of its WebAssembly being ready. */
export const YOGA_READY = Symbol.for('cognito-tui.yoga-ready');

/**
 * Resolves once Ink's layout engine can be used. In the CommonJS bundle Yoga's WebAssembly is compiled when its module
 * first runs instead of by a top-level await (which CommonJS cannot have); elsewhere it is ready when imported.
 */
export function yogaReady(): Promise<void> {
  return (globalThis as { [YOGA_READY]?: Promise<void> })[YOGA_READY] ?? Promise.resolve();
}
