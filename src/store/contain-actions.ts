import { randomUUID } from 'node:crypto';
import { isHighRisk, needsAttention } from '../domain/event-risk.ts';
import type { AuthEvent, Device, TokenValidity, User } from '../gateway/types.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { resetPasswordSpec } from '../writes/admin-write-specs.ts';
import { feedbackSpec } from '../writes/feedback-spec.ts';
import { forgetDeviceSpec, type DeviceTarget } from '../writes/membership-write-specs.ts';
import { DEFAULT_WRITE_INTERVAL_MS } from '../writes/pacing.ts';
import { blockRanges, CONTAIN_STEPS, containPlan, dryRunLines, STEP_OPERATION, type ContainStep, type ContainSubject } from '../writes/playbook.ts';
import { journalMarker } from '../writes/journal-marker.ts';
import { callText, MAX_RECORDED_CALLS, PLAYBOOK_FINISHED, PLAYBOOK_STARTED, unfinishedPlaybook, type JournaledCall } from '../writes/playbook-journal.ts';
import { reportLines } from './report-actions.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { userWriteSpec } from '../writes/user-write-specs.ts';
import type { WriteRun, WriteSpec } from '../writes/write-spec.ts';
import { checklistDialog } from './dialog.ts';
import { displayedList } from './displayed-list.ts';
import { shortEventLabel, writeFailureReason } from './feedback-text.ts';
import { isUserListKind, markId, rowUser } from './list-rows.ts';
import { changeMarks, marksOf } from './mark-actions.ts';
import { selectedItem } from './paged-list.ts';
import { listKey, riskKey, tupleParts, userKey, type ListRef } from './routes.ts';
import { runBlockStep } from './contain-block.ts';
import { readRiskInto } from '../writes/ip-range-spec.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions, AppState } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

/** The most devices read for one user before forgetting them. */
const MAX_DEVICE_PAGES = 20;

/** What one step of one user came to, for the summary. */
interface StepResult {
  username: string;
  step: ContainStep;
  /** Calls that failed or whose outcome is unknown, with why. */
  problems: string[];
  ok: number;
  skipped?: string;
  /** Said in the summary even when it succeeded (the block step's skipped ranges and warnings). */
  notes?: string[];
  /** The id its journal lines carry. */
  playbook: string;
}

/** The work of a playbook run for one user and step; for mark Invalid, only these events when given (a resume). */
interface StepWork {
  username: string;
  step: ContainStep;
  eventIds?: string[];
  /** For the block step (username empty): the /32 ranges planned. */
  ranges?: string[];
}

const OPERATION_STEP = new Map<string, ContainStep>([...Object.entries(STEP_OPERATION).map(([step, op]) => [op, step as ContainStep] as const), ['AdminListDevices', 'forget-devices']]);

/** The steps left of an unfinished playbook, per user in the order planned; mark Invalid only for the events left. */
function workLeft(left: JournaledCall[]): StepWork[] {
  const work: StepWork[] = [];
  for (const call of left) {
    const step = OPERATION_STEP.get(call.operation);
    if (!step) continue;
    if (step === 'block-ips') {
      work.push({ username: '', step, ranges: (call.target ?? '').split(' ').filter(Boolean) });
      continue;
    }
    const known = work.find((w) => w.username === call.username && w.step === step);
    if (step === 'mark-invalid' && call.target !== undefined) {
      if (known) known.eventIds?.push(call.target);
      else work.push({ username: call.username, step, eventIds: [call.target] });
    } else if (!known) {
      work.push({ username: call.username, step });
    }
  }
  return work;
}

const STEP_WORD: Record<ContainStep, string> = {
  disable: 'disable', 'sign-out': 'sign out', 'reset-password': 'reset password', 'forget-devices': 'forget devices', 'mark-invalid': 'mark Invalid', 'block-ips': 'block the IPs',
};

const eventsRef = (poolId: string, username: string): ListRef => ({ kind: 'events', poolId, username });

/** The events of a user the app has read: their loaded events list, then those a sweep's finding holds (not already listed). */
function loadedEvents(kit: StoreKit, poolId: string, username: string): AuthEvent[] {
  const listed = kit.list<AuthEvent>(eventsRef(poolId, username)).items;
  const finding = kit.list<SweepFinding>({ kind: 'findings', poolId }).items.find((f) => f.user.username === username);
  const ids = new Set(listed.map((e) => e.id));
  return [...listed, ...(finding?.events ?? []).filter((e) => !ids.has(e.id))];
}

function riskyEvents(kit: StoreKit, poolId: string, username: string): AuthEvent[] {
  return loadedEvents(kit, poolId, username).filter((e) => needsAttention(e) && e.feedback?.value !== 'Invalid');
}

/**
 * The addresses of a user's loaded events that Cognito rated risky (High or Medium, a takeover, a block, compromised
 * credentials) and nobody marked Valid: the block step's. A failed sign-in without a risk rating (the user's own typo
 * at home) is not reason enough to block its address.
 */
function riskyIps(kit: StoreKit, poolId: string, username: string): string[] {
  const events = loadedEvents(kit, poolId, username).filter((e) => (isHighRisk(e) || e.riskLevel === 'Medium') && e.feedback?.value !== 'Valid');
  return [...new Set(events.flatMap((e) => (e.ip ? [e.ip] : [])))];
}

function validityText(v: TokenValidity): string {
  return v.value === undefined ? '1 hour (default)' : `${v.value} ${v.unit ?? 'hours'}`;
}

/** What the summary says containment cannot do, with each loaded app client's access and ID token validity. */
export function tokenCaveat(state: Pick<AppState, 'reads'>, poolId: string): string {
  const clients: string[] = [];
  for (const [key, read] of Object.entries(state.reads ?? {})) {
    const parts = tupleParts(key);
    const client = read.value as { name?: string; accessTokenValidity?: TokenValidity; idTokenValidity?: TokenValidity } | undefined;
    if (parts[2] !== 'appClient' || parts[3] !== poolId || !client?.accessTokenValidity || !client.idTokenValidity) continue;
    clients.push(`${client.name ?? parts[4]}: access ${validityText(client.accessTokenValidity)}, ID ${validityText(client.idTokenValidity)}`);
  }
  const per = clients.length > 0 ? ` (${clients.slice(0, 6).join('; ')})` : ' (per app client; :clients shows each)';
  return `Containment cannot revoke access and ID tokens already issued: they stay valid until they expire, 1 hour by default${per}.`;
}

/**
 * `:contain`: the containment playbook on the user on screen, or on the marked users of the list on screen (else the
 * one under the cursor). A checklist picks the steps; d shows the calls; y sends each once through `runWrite`, paced,
 * one user after another; a failed step does not stop the others; one summary at the end.
 */
export function createContainActions(kit: StoreKit, intervalMs = DEFAULT_WRITE_INTERVAL_MS): Pick<AppActions, 'askContain' | 'resumeContain'> {
  const { get, flash, top } = kit;
  let running = false;

  function subjects(): { poolId: string; usernames: string[]; marked?: { ref: ListRef; ids: string[] } } | string {
    const route = top();
    if ('username' in route && typeof route.username === 'string') {
      const { poolId, username } = route;
      const s = get();
      const key = userKey(poolId, username);
      if (s.users[key]?.username !== username) return s.missingUsers[key] ?? `${username} is still being looked up: nothing is sent until the pool's username for them is known.`;
      return { poolId, usernames: [username] };
    }
    const ref = currentListRef(get());
    if (!ref || !('poolId' in ref) || !isUserListKind(ref.kind)) return 'Open a user, or mark users in a list of users (space), then :contain.';
    const rows = kit.list(ref).items;
    const marks = marksOf(get(), ref);
    const markedRows = rows.filter((row) => marks[markId(ref, row)]);
    let users: User[] = markedRows.map((row) => rowUser(ref, row)!);
    if (users.length === 0) {
      const row = selectedItem(displayedList(get(), ref) ?? kit.list(ref));
      const user = row === undefined ? undefined : rowUser(ref, row);
      users = user?.username ? [user] : [];
    }
    if (users.length === 0) return 'No user selected: move to a user, or mark users with space or *.';
    const marked = markedRows.length > 0 ? { marked: { ref, ids: markedRows.map((row) => markId(ref, row)) } } : {};
    return { poolId: ref.poolId, usernames: [...new Set(users.map((u) => u.username))], ...marked };
  }

  function subjectOf(poolId: string, username: string): ContainSubject {
    const devices = kit.get().lists[listKey({ kind: 'devices', poolId, username })];
    const zone = get().timeZone;
    return {
      username,
      ...(devices?.complete && !devices.error ? { devices: (devices.items as Device[]).map((d) => d.key) } : {}),
      riskyEvents: riskyEvents(kit, poolId, username).map((e) => ({ id: e.id, label: shortEventLabel(e, zone) })),
      ips: riskyIps(kit, poolId, username),
    };
  }

  function planOf(poolId: string, usernames: string[], steps: ContainStep[]) {
    const base = get().risk[riskKey(poolId, undefined)]?.value;
    const mode = get().pools[poolId]?.value?.threatProtection;
    return containPlan(usernames.map((u) => subjectOf(poolId, u)), steps, poolId, { ...(base ? { base } : {}), ...(mode ? { mode } : {}) });
  }

  async function listDevices(poolId: string, username: string): Promise<Device[]> {
    const found: Device[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_DEVICE_PAGES; page++) {
      const answer = await kit.gw.listDevices(poolId, username, token);
      found.push(...answer.items);
      token = answer.nextToken;
      if (!token) break;
    }
    return found;
  }

  async function send<T>(spec: WriteSpec<T>, targets: T[], result: Pick<StepResult, 'problems' | 'skipped' | 'ok' | 'playbook'>, extra?: (t: T) => Record<string, string>): Promise<void> {
    const why = spec.precheck?.(targets);
    if (why) { result.skipped = why; return; }
    const tagged: WriteSpec<T> = { ...spec, parameters: (t) => ({ ...spec.parameters?.(t), ...extra?.(t), playbook: result.playbook }) };
    const run: WriteRun<T> = await runWrite(kit, tagged, targets, { confirmed: true, intervalMs });
    if (run.status !== 'sent') { result.skipped = 'refused (see the message before)'; return; }
    for (const o of run.outcomes) {
      if (o.outcome === 'ok' || o.readBack === 'applied') result.ok++;
      else result.problems.push(`${o.label}: ${o.outcome === 'unknown' ? 'outcome UNKNOWN' : o.outcome}${o.message ? ` (${o.message})` : ''}`);
    }
  }

  async function runStep(poolId: string, { username, step, eventIds, ranges }: StepWork, result: StepResult): Promise<void> {
    const who = { poolId, username };
    switch (step) {
      case 'block-ips':
        return runBlockStep(kit, poolId, ranges ?? [], result, (spec, targets) => send(spec, targets, result));
      case 'disable':
      case 'sign-out':
        return send(userWriteSpec(kit, step), [who], result);
      case 'reset-password':
        return send(resetPasswordSpec(kit), [who], result);
      case 'forget-devices': {
        let devices: Device[];
        try {
          devices = await listDevices(poolId, username);
        } catch (error) {
          result.problems.push(`listing the devices failed: ${writeFailureReason(toListError(error).message)}`);
          return;
        }
        if (devices.length === 0) { result.skipped = 'no remembered devices'; return; }
        const targets: DeviceTarget[] = devices.map((d) => ({ ...who, deviceKey: d.key, ...(d.name ? { deviceName: d.name } : {}) }));
        return send(forgetDeviceSpec(kit), targets, result, (t) => ({ device: t.deviceKey }));
      }
      case 'mark-invalid': {
        const loaded = loadedEvents(kit, poolId, username);
        const events = eventIds === undefined ? riskyEvents(kit, poolId, username)
          : eventIds.map((id) => loaded.find((e) => e.id === id) ?? { id, challenges: [] });
        if (events.length === 0) { result.skipped = 'no loaded risky event'; return; }
        return send(feedbackSpec(kit, poolId, username, 'Invalid'), events, result);
      }
    }
  }

  function newPlaybookId(): string {
    return `pb-${new Date(kit.now()).toISOString().replace(/[-:]|\.\d+/g, '')}-${randomUUID().slice(0, 6)}`;
  }

  async function start(poolId: string, usernames: string[], steps: ContainStep[]) {
    running = true;
    const id = newPlaybookId();
    const plan = planOf(poolId, usernames, steps);
    const calls: JournaledCall[] = plan.calls.slice(0, MAX_RECORDED_CALLS).map((c) => ({
      operation: c.operation, username: c.username, ...(c.target !== undefined ? { target: c.target } : {}), ...(c.step === 'mark-invalid' ? { value: 'Invalid' } : {}),
    }));
    const failure = await journalMarker(kit, { poolId, write: PLAYBOOK_STARTED, username: '', label: `playbook ${id} (${usernames.length} user${usernames.length === 1 ? '' : 's'})`, parameters: { playbook: id, users: String(usernames.length), calls: JSON.stringify(calls) } });
    if (failure) flash('warn', `Not journaled: ${failure}.`);
    const perUser = usernames.flatMap((username) => steps.filter((step) => step !== 'block-ips').map((step) => ({ username, step })));
    const block = steps.includes('block-ips') ? [{ username: '', step: 'block-ips' as const, ranges: blockRanges(usernames.map((u) => subjectOf(poolId, u))).cidrs }] : [];
    await play(poolId, id, usernames, [...perUser, ...block]);
  }

  async function play(poolId: string, id: string, usernames: string[], work: StepWork[]) {
    running = true;
    const results: StepResult[] = [];
    try {
      for (const [i, item] of work.entries()) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
        const n = usernames.indexOf(item.username) + 1;
        flash('info', item.step === 'block-ips'
          ? `Containing: blocking ${item.ranges?.length ?? 0} IP${item.ranges?.length === 1 ? '' : 's'} on pool ${poolId}…`
          : `Containing ${n}/${usernames.length}: ${item.username} — ${STEP_WORD[item.step]}…`);
        const result: StepResult = { username: item.username, step: item.step, problems: [], ok: 0, playbook: id };
        results.push(result);
        try {
          await runStep(poolId, item, result);
        } catch (error) {
          result.problems.push(writeFailureReason(toListError(error).message));
        }
      }
      const failed = results.filter((r) => r.problems.length > 0).length;
      await journalMarker(kit, { poolId, write: PLAYBOOK_FINISHED, username: '', label: `playbook ${id} (${usernames.length} user${usernames.length === 1 ? '' : 's'})`, parameters: { playbook: id, ok: String(results.reduce((s, r) => s + r.ok, 0)), failed: String(failed) } });
    } finally {
      running = false;
    }
    flash(results.some((r) => r.problems.length > 0) ? 'error' : 'info', summary(poolId, usernames, results));
  }

  function summary(poolId: string, usernames: string[], results: StepResult[]): string {
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const failed = results.filter((r) => r.problems.length > 0);
    const skipped = results.filter((r) => r.skipped);
    const who = usernames.length === 1 ? usernames[0] : `${usernames.length} users`;
    const parts = [`Contained ${who}: ${ok} call${ok === 1 ? '' : 's'} succeeded.`];
    if (failed.length > 0) {
      parts.push(`FAILED: ${failed.map((r) => `${STEP_OPERATION[r.step]} ${r.username || `pool ${poolId}`} — ${r.problems.join('; ')}`).join(' | ')}.`);
    }
    if (skipped.length > 0) parts.push(`Skipped: ${skipped.map((r) => `${STEP_WORD[r.step]}${r.username ? ` ${r.username}` : ''} (${r.skipped})`).join(', ')}.`);
    const notes = results.flatMap((r) => r.notes ?? []);
    if (notes.length > 0) parts.push(`Block: ${notes.join('; ')}.`);
    parts.push(tokenCaveat(get(), poolId));
    return parts.join(' ');
  }

  return {
    askContain() {
      if (refuseReadOnly(kit)) return;
      if (running) return flash('warn', 'A containment is still running: wait for its summary.');
      const found = subjects();
      if (typeof found === 'string') return flash('warn', found);
      const { poolId, usernames, marked } = found;
      const who = usernames.length === 1 ? usernames[0] : `${usernames.length} users`;
      const ids = (steps: { id: string }[]) => steps.map((s) => s.id as ContainStep);
      const open = () => kit.get().actions.openDialog(checklistDialog({
        title: `Contain ${who}? (pool ${poolId})`,
        detail: 'space checks a step, d shows the calls, y runs them (each once, paced), esc cancels',
        steps: CONTAIN_STEPS.map((s) => ({ ...s })),
        describe: (steps) => dryRunLines(planOf(poolId, usernames, ids(steps))),
        onRun: (steps) => {
          if (marked) changeMarks(kit, marked.ref, Object.fromEntries(marked.ids.map((id) => [id, false])));
          void start(poolId, usernames, ids(steps));
        },
      }));
      if (get().risk[riskKey(poolId, undefined)]?.value || get().pools[poolId]?.value?.threatProtection === 'OFF') return open();
      flash('info', 'Reading the risk configuration for the block step…');
      readRiskInto(kit, poolId, undefined).then(open, open);
    },
    resumeContain() {
      if (refuseReadOnly(kit)) return;
      if (running) return flash('warn', 'A containment is still running: wait for its summary.');
      if (!kit.journal || kit.journal.dir === undefined) return flash('warn', 'The journal is off (--no-journal): there is no playbook to resume.');
      const found = unfinishedPlaybook(reportLines(kit));
      if (!found) return flash('info', `No unfinished playbook in the journal (${get().incident ? `incident ${get().incident}` : "today's, UTC"}): nothing to resume.`);
      const { id, poolId, left } = found;
      if (left.length === 0) return flash('info', `Playbook ${id} has no call left to send (its planned calls are all journaled ok, or could not be read).`);
      const usernames = [...new Set(left.map((c) => c.username))];
      const writes = left.filter((c) => c.operation !== 'AdminListDevices').length;
      const shown = left.slice(0, 12).map(callText).join('; ');
      kit.set({
        confirm: {
          title: `Finish playbook ${id}? ${writes} call${writes === 1 ? '' : 's'} not yet done (pool ${poolId})`,
          detail: `Started ${found.startedAt}; ${found.planned.length - left.length} of ${found.planned.length} planned calls are journaled ok and are not sent again. Left: ${shown}${left.length > 12 ? `; and ${left.length - 12} more` : ''}.`,
          dangerous: true,
          lines: left.map(callText),
          onConfirm: () => { void play(poolId, id, usernames, workLeft(left)); },
        },
      });
    },
  };
}
