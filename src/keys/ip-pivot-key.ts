import { canonicalIp } from '../domain/ip-pivot.ts';
import type { AuthEvent } from '../gateway/types.ts';
import { displayedList } from '../store/displayed-list.ts';
import { selectedItem } from '../store/paged-list.ts';
import { eventsRefOf } from '../store/routes.ts';
import type { Binding, KeyContext } from './binding.ts';

/** The event on screen: the one a detail view shows, or the one under the cursor of an events list. */
function eventOnScreen({ state, route }: KeyContext): AuthEvent | undefined {
  const ref = eventsRefOf(route);
  const list = ref ? displayedList<AuthEvent>(state, ref) : undefined;
  if (route.view === 'event') return list?.items.find((e) => e.id === route.eventId);
  return selectedItem(list);
}

/** I: every user whose read events carry the IP address of the event on screen (the IP pivot). */
export const IP_PIVOT: Binding = {
  keys: ['I'], label: 'I', description: 'IP pivot: every user whose loaded or swept events carry this event\'s IP address (also :ip ADDRESS)',
  short: 'IP pivot', hint: true,
  disabled: (ctx) => (eventOnScreen(ctx) && !canonicalIp(eventOnScreen(ctx)?.ip) ? 'this event has no IP address to pivot on' : undefined),
  run: (ctx) => {
    const address = canonicalIp(eventOnScreen(ctx)?.ip);
    if (address && 'poolId' in ctx.route) ctx.actions.openIpPivot(ctx.route.poolId, address, 'I');
  },
};
