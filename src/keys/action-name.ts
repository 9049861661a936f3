import type { Binding } from './binding.ts';

/** A binding's name in the config's `keys:` remaps: its `action`, else its short words (or first clause) as-a-slug. */
export function actionName(b: Binding): string {
  return b.action ?? (b.short ?? b.description.replace(/\s*[(:;,\u2014].*$/, '')).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
