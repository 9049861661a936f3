import type { Route } from './routes.ts';
import type { AppState } from './state.ts';

/**
 * True when the flash on screen is about an action that is over: the user navigated away from where it was raised,
 * or a dialog or an input line has just opened.
 */
export function flashIsOver(s: AppState, prev: AppState): boolean {
  if (!s.flash) return false;
  if (s.stack !== prev.stack && s.flash.stack !== undefined && navigated(s.flash.stack, s.stack)) return true;
  return s.flash === prev.flash && opensOverlay(s, prev);
}

/** True when `now` shows other views than `then`; naming a user canonically in the same views is not navigating. */
function navigated(then: Route[], now: Route[]): boolean {
  const poolOf = (r: Route) => ('poolId' in r ? r.poolId : '');
  return then.length !== now.length || then.some((r, i) => r.view !== now[i].view || poolOf(r) !== poolOf(now[i]));
}

/** A dialog or an input line has just opened: an older flash was about the action before it. */
function opensOverlay(s: AppState, prev: AppState): boolean {
  return (s.confirm !== undefined && prev.confirm === undefined) || (s.prompt !== undefined && prev.prompt === undefined);
}
