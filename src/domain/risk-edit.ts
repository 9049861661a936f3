import type { RiskAction, RiskConfiguration } from '../gateway/types.ts';

/** An account-takeover risk level. */
export type RiskLevel = 'low' | 'medium' | 'high';

/** The account-takeover actions, least protective first. */
export const TAKEOVER_ACTIONS = ['NO_ACTION', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'BLOCK'] as const;
/** The compromised-credentials actions, least protective first. */
export const CREDENTIALS_ACTIONS = ['NO_ACTION', 'BLOCK'] as const;
/** The events the compromised-credentials check can run on. */
export const CREDENTIALS_EVENTS = ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'] as const;

const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** The settings a `:risk-set` names; a field left out keeps its value. */
export interface RiskEdit {
  actions: Partial<Record<RiskLevel, string>>;
  notify: Partial<Record<RiskLevel, boolean>>;
  credentialsAction?: string;
  credentialsEvents?: string[];
  /** `pool` or `client` as the first word: which configuration, when the risk view shows both. */
  scope?: 'pool' | 'client';
}

/** One changed field of the configuration: its path and its value before and after, as shown. */
export interface RiskDiffLine {
  field: string;
  before: string;
  after: string;
}

const word = (v: string) => v.toLowerCase().replace(/_/g, '-');
const enumOf = (v: string) => v.toUpperCase().replace(/-/g, '_');

/** Every `key=value` word `:risk-set` takes, for Tab. */
export function riskSettingWords(): string[] {
  const levels = LEVELS.flatMap((l) => [...TAKEOVER_ACTIONS.map((a) => `${l}=${word(a)}`), `${l}-notify=on`, `${l}-notify=off`]);
  const events = ['sign-in', 'sign-in,password-change', 'sign-in,password-change,sign-up', 'sign-in,sign-up', 'password-change', 'password-change,sign-up', 'sign-up'];
  return ['pool', 'client', ...levels, 'notify=on', 'notify=off', ...CREDENTIALS_ACTIONS.map((a) => `cc=${word(a)}`), ...events.map((e) => `cc-events=${e}`)];
}

const USAGE = 'optionally first pool or client, e.g. :risk-set high=block notify=on  or  :risk-set cc=block cc-events=sign-in,sign-up (Tab completes)';

/** Parses the words of a `:risk-set`; a bad word gets a one-line message naming the values it takes. */
export function parseRiskEdit(text: string): { ok: true; edit: RiskEdit } | { ok: false; error: string } {
  const all = text.trim().split(/\s+/).filter((w) => w !== '');
  const first = all[0]?.toLowerCase();
  const scope = first === 'pool' || first === 'client' ? first : undefined;
  const words = scope ? all.slice(1) : all;
  if (words.length === 0) return { ok: false, error: `:risk-set needs at least one setting, ${USAGE}.` };
  if (words.length > 12) return { ok: false, error: ':risk-set takes at most 12 settings.' };
  const edit: RiskEdit = { actions: {}, notify: {}, ...(scope ? { scope } : {}) };
  let notifyAll: boolean | undefined;
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = (eq < 0 ? w : w.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : w.slice(eq + 1);
    const shown = w.slice(0, 40);
    if (eq < 0 || value === '') return { ok: false, error: `"${shown}" is not a setting: write key=value, ${USAGE}.` };
    const level = LEVELS.find((l) => key === l);
    const notifyLevel = LEVELS.find((l) => key === `${l}-notify`);
    if (level) {
      const action = enumOf(value);
      if (!(TAKEOVER_ACTIONS as readonly string[]).includes(action)) return { ok: false, error: `"${value.slice(0, 30)}" is not an action for ${level}: use ${TAKEOVER_ACTIONS.map(word).join(', ')}.` };
      edit.actions[level] = action;
    } else if (notifyLevel || key === 'notify') {
      const on = value.toLowerCase();
      if (on !== 'on' && on !== 'off') return { ok: false, error: `${key} takes on or off, not "${value.slice(0, 30)}".` };
      if (notifyLevel) edit.notify[notifyLevel] = on === 'on';
      else notifyAll = on === 'on';
    } else if (key === 'cc') {
      const action = enumOf(value);
      if (!(CREDENTIALS_ACTIONS as readonly string[]).includes(action)) return { ok: false, error: `"${value.slice(0, 30)}" is not a compromised-credentials action: use block or no-action.` };
      edit.credentialsAction = action;
    } else if (key === 'cc-events') {
      const events = value.split(',').map(enumOf);
      const bad = events.find((e) => !(CREDENTIALS_EVENTS as readonly string[]).includes(e));
      if (bad !== undefined) return { ok: false, error: `"${word(bad).slice(0, 30)}" is not an event: cc-events takes sign-in, password-change, sign-up, comma-separated.` };
      edit.credentialsEvents = CREDENTIALS_EVENTS.filter((e) => events.includes(e));
    } else {
      return { ok: false, error: `Unknown setting "${key.slice(0, 30)}": use low, medium, high, LEVEL-notify, notify, cc or cc-events, ${USAGE}.` };
    }
  }
  if (notifyAll !== undefined) {
    const named = LEVELS.filter((l) => edit.actions[l] !== undefined);
    if (named.length === 0) return { ok: false, error: 'notify=on|off applies to the levels named with it (e.g. high=block notify=on); or use high-notify=on.' };
    for (const l of named) edit.notify[l] ??= notifyAll;
  }
  return { ok: true, edit };
}

/** The configuration with the edit made and every other field as it was; or why the edit cannot be made on it. */
export function applyRiskEdit(base: RiskConfiguration, edit: RiskEdit): { ok: true; config: RiskConfiguration } | { ok: false; error: string } {
  let config: RiskConfiguration = { ...base };
  const touchesTakeover = LEVELS.some((l) => edit.actions[l] !== undefined || edit.notify[l] !== undefined);
  if (touchesTakeover) {
    const at = { ...(base.accountTakeover ?? {}) };
    for (const l of LEVELS) {
      if (edit.actions[l] === undefined && edit.notify[l] === undefined) continue;
      const was: RiskAction = at[l] ?? {};
      if (was.action === undefined && edit.actions[l] === undefined) return { ok: false, error: `${l} has no action yet: give one with it, e.g. ${l}=block ${l}-notify=on.` };
      at[l] = { ...was, ...(edit.actions[l] !== undefined ? { action: edit.actions[l] } : {}), notify: edit.notify[l] ?? was.notify ?? false };
    }
    const notifying = LEVELS.some((l) => at[l]?.notify === true);
    if (notifying && (at.notify?.sourceArn === undefined || at.notify.sourceArn === '')) {
      return { ok: false, error: 'Notify needs the notification e-mail settings (SES source ARN), which this configuration does not have: set them in the console first, or use notify=off.' };
    }
    config = { ...config, accountTakeover: at };
  }
  if (edit.credentialsAction !== undefined || edit.credentialsEvents !== undefined) {
    const cc = base.compromisedCredentials;
    const action = edit.credentialsAction ?? cc?.action;
    if (action === undefined) return { ok: false, error: 'There is no compromised-credentials configuration yet: give its action too, e.g. cc=block cc-events=sign-in.' };
    config = {
      ...config,
      compromisedCredentials: edit.credentialsEvents !== undefined
        ? { ...cc, action, eventFilter: edit.credentialsEvents, eventFilterAbsent: undefined }
        : { eventFilter: [], ...cc, action },
    };
  }
  return { ok: true, config };
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) { out.set(path, value.length === 0 ? '(none)' : value.join(',')); return; }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, out);
    return;
  }
  out.set(path, String(value));
}

const IGNORED = new Set(['poolId', 'clientId', 'modifiedAt']);

/** The fields of the whole configuration that differ between two versions, old → new; absent fields show as "(unset)". */
export function riskDiff(before: RiskConfiguration, after: RiskConfiguration): RiskDiffLine[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].filter((f) => !IGNORED.has(f) && !/Absent$/.test(f));
  return fields.filter((f) => a.get(f) !== b.get(f)).map((f) => ({ field: f, before: a.get(f) ?? '(unset)', after: b.get(f) ?? '(unset)' }));
}

/** What in the change lowers protection (an action made weaker, an event no longer checked), in words; empty when nothing. */
export function loweredProtection(before: RiskConfiguration, after: RiskConfiguration): string[] {
  const out: string[] = [];
  const rank = (list: readonly string[], v: string | undefined) => (v === undefined ? -1 : list.indexOf(v));
  for (const l of LEVELS) {
    const was = before.accountTakeover?.[l]?.action;
    const now = after.accountTakeover?.[l]?.action;
    if (rank(TAKEOVER_ACTIONS, now) < rank(TAKEOVER_ACTIONS, was)) out.push(`${l} risk: ${word(was ?? '')} → ${word(now ?? '')}`);
  }
  const wasCc = before.compromisedCredentials?.action;
  const nowCc = after.compromisedCredentials?.action;
  if (rank(CREDENTIALS_ACTIONS, nowCc) < rank(CREDENTIALS_ACTIONS, wasCc)) out.push(`compromised credentials: ${word(wasCc ?? '')} → ${word(nowCc ?? '')}`);
  const dropped = (before.compromisedCredentials?.eventFilter ?? []).filter((e) => !(after.compromisedCredentials?.eventFilter ?? []).includes(e));
  if (after.compromisedCredentials?.eventFilter !== undefined && dropped.length > 0) out.push(`no longer checks ${dropped.map(word).join(', ')}`);
  return out;
}
