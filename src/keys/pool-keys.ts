import type { Binding } from './binding.ts';
import { LIST_KEYS } from './global-keys.ts';
import { openKey, RISK_CONFIG } from './shared-bindings.ts';

/** The pool list's own keys: its view's table, and the footer the start-up paint draws before the view is loaded. */
export const POOL_KEYS: Binding[] = [openKey('open the pool\'s users', 'open'), RISK_CONFIG, ...LIST_KEYS];
