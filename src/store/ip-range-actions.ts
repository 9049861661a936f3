import { checkRange } from '../domain/ip-range.ts';
import type { AppClient, AuthEvent, RiskConfiguration } from '../gateway/types.ts';
import type { WriteSpec } from '../writes/write-spec.ts';
import { ipRangeSpec, type ConflictHolder, type RangeChange, type RangeList } from '../writes/ip-range-spec.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { displayedList } from './displayed-list.ts';
import { writeFailureReason } from './feedback-text.ts';
import { selectedItem } from './paged-list.ts';
import { eventsRefOf, isRiskKeyOf, riskKey } from './routes.ts';
import type { AppActions, AppState } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** A `:block`, `:unblock`, `:skip` or `:unskip` as typed: the list, add or remove, and the range text (checked here). */
export interface RangeRequest {
  list: RangeList;
  op: 'add' | 'remove';
  range: string;
}

/** The ranges of the loaded risk configurations of a pool and its clients, both lists, for Tab on :unblock and :unskip. */
export function loadedRanges(risk: AppState['risk'], poolId: string): string[] {
  const out = new Set<string>();
  for (const [key, r] of Object.entries(risk)) {
    if (!isRiskKeyOf(key, poolId)) continue;
    for (const range of [...(r.value?.exceptions?.blockedIpRanges ?? []), ...(r.value?.exceptions?.skippedIpRanges ?? [])]) out.add(range);
  }
  return [...out].slice(0, 400);
}

/** What the confirmation says first when it is shown again because someone else changed the configuration. */
export const CHANGED_NOTICE = 'The risk configuration CHANGED since the diff was shown: nothing was written. The new diff:';

/** How many times a changed configuration is shown again before the app gives up asking. */
const MAX_RETRIES_ON_CHANGE = 3;

/** Where a risk-configuration change goes: the open pool, or the app client selected in the risk view when its configuration is loaded. */
export function riskPlace(kit: StoreKit): { poolId: string; client?: AppClient } | undefined {
  const route = kit.top();
  if (!('poolId' in route) || typeof route.poolId !== 'string') return undefined;
  if (route.view !== 'risk') return { poolId: route.poolId };
  const client = selectedItem(kit.list<AppClient>({ kind: 'clients', poolId: route.poolId }));
  return client && kit.get().risk[riskKey(route.poolId, client.id)]?.value ? { poolId: route.poolId, client } : { poolId: route.poolId };
}

/**
 * Runs a risk-configuration write; when the configuration changed between the diff and the write (nothing was written),
 * asks again with the new configuration as base and the CHANGED notice, up to a few times.
 */
export async function askUntilSettled<C extends { base: RiskConfiguration; notice?: string }>(kit: StoreKit, makeSpec: (holder: ConflictHolder, change: C) => WriteSpec<C>, change: C, attempt = 1): Promise<void> {
  const holder: ConflictHolder = {};
  const run = await runWrite(kit, makeSpec(holder, change), [change]);
  if (run.status !== 'sent' || holder.changed === undefined) return;
  kit.set({ failedWrite: undefined });
  if (attempt >= MAX_RETRIES_ON_CHANGE) {
    kit.flash('warn', `NOT written: the risk configuration keeps changing (${attempt} times since the diff was shown). Try again when it is quiet.`);
    return;
  }
  await askUntilSettled(kit, makeSpec, { ...change, base: holder.changed, notice: CHANGED_NOTICE }, attempt + 1);
}

/**
 * Block/unblock and skip/unskip IP ranges on the open pool, or on the app client selected in the risk view (starting
 * from its effective configuration); and the key on an event that proposes its IP as a /32 on the command line.
 */
export function createIpRangeActions(kit: StoreKit): Pick<AppActions, 'askRangeChange' | 'proposeBlock'> {
  const { get, set, flash, top } = kit;

  const place = () => riskPlace(kit);
  const ask = (change: RangeChange, attempt: number) => askUntilSettled(kit, (holder) => ipRangeSpec(kit, holder), change, attempt);

  return {
    askRangeChange(request) {
      if (refuseReadOnly(kit)) return;
      const checked = checkRange(request.range);
      if (!checked.ok) return flash('warn', checked.error);
      const where = place();
      if (!where) return flash('warn', 'Open a pool first: ranges are set on a pool\'s (or an app client\'s) risk configuration.');
      const { poolId, client } = where;
      const mode = get().pools[poolId]?.value?.threatProtection;
      if (mode === 'OFF') return flash('warn', `Threat protection is off for pool ${poolId}: it has no risk configuration to add ranges to.`);
      flash('info', 'Reading the risk configuration…');
      kit.gw.describeRiskConfiguration(poolId, client?.id).then(
        (base) => ask({ poolId, clientId: client?.id, clientName: client?.name, list: request.list, op: request.op, cidr: checked.cidr, base, mode }, 1),
        (error: unknown) => flash('error', `Could not read the risk configuration: ${writeFailureReason(toListError(error).message)} Nothing was sent.`),
      );
    },
    proposeBlock() {
      const route = top();
      const ref = eventsRefOf(route);
      if (!ref) return flash('warn', 'No event selected.');
      const events = kit.list<AuthEvent>(ref);
      const event = route.view === 'event'
        ? events.items.find((e) => e.id === route.eventId)
        : selectedItem(displayedList<AuthEvent>(get(), ref) ?? events);
      if (!event) return flash('warn', 'No event selected.');
      const checked = event.ip ? checkRange(`${event.ip}/32`) : undefined;
      if (!checked?.ok) return flash('warn', event.ip ? `This event's IP ${event.ip} is not an IPv4 address; :block takes IPv4 ranges only.` : 'This event has no IP address.');
      set({ prompt: { kind: 'command', text: `block ${checked.cidr}` } });
    },
  };
}
