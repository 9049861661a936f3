import type { Binding } from './binding.ts';

/**
 * Sorting any list: > takes the next column (times, counts and risk newest, most or worst first; text A to Z; after
 * the last column, the order rows were loaded in), < reverses. The header marks the column with ↑ or ↓.
 */
export const SORT_KEYS: Binding[] = [
  {
    keys: ['>'], label: '>', description: 'sort by the next column (then as loaded); a list still paging sorts what is loaded', short: 'sort', hint: true,
    run: (c) => { if (c.list) c.actions.cycleSort(c.list); },
  },
  {
    keys: ['<'], label: '<', description: 'reverse the sort', short: 'reverse sort',
    run: (c) => { if (c.list) c.actions.reverseSort(c.list); },
  },
];
