import type { User } from '../gateway/types.ts';
import { selectedItem } from '../store/paged-list.ts';
import { listKey } from '../store/routes.ts';
import type { Binding } from './binding.ts';

function question(key: string, name: 'attention' | 'ips' | 'countries' | 'invalid', description: string, short?: string): Binding {
  return { keys: [key], label: key, description: `${description} (:ask ${name})`, ...(short ? { short, hint: true } : {}), run: ({ actions }) => actions.askQuestion(name) };
}

/**
 * The canned questions of the pool's user-activity logs (CloudWatch Logs Insights), one key each on the users list,
 * over the pool's range (:since).
 */
export const ASK_KEYS: Binding[] = [
  question('A', 'attention', 'pool-wide: users needing attention in the range, worst first', 'attention'),
  question('I', 'ips', 'pool-wide: top IPs by risky or failed sign-ins, with the users each touched'),
  question('W', 'countries', 'pool-wide: sign-ins from countries new to the user (vs the 30 days before)'),
  question('V', 'invalid', 'pool-wide: events tagged Invalid by feedback'),
  {
    keys: ['H'], label: 'H', description: 'the whole history of the user under the cursor from the logs (:ask history USER)',
    run: ({ state, list, actions }) => {
      const user = list ? selectedItem(state.lists[listKey(list)]) as User | undefined : undefined;
      if (!user) return actions.flash('warn', 'No user selected: move to a user, or :ask history USER.');
      actions.askQuestion('history', user.username);
    },
  },
];
