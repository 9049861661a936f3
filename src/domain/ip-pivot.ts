import ipaddr from 'ipaddr.js';
import type { AuthEvent, User } from '../gateway/types.ts';
import { eventSeverity } from './event-risk.ts';

/** An IP address as typed, checked: its canonical text (IPv4 dotted, IPv6 compressed), or why it is not one. */
export type IpAddressCheck = { ok: true; address: string } | { ok: false; error: string };

/** Events the app has read for one user: a loaded events list, or a sweep finding's risky events. */
export interface UserEvents {
  user: User;
  events: readonly AuthEvent[];
}

/** One user whose events carry the address: how many, the worst of them, and when the newest happened. */
export interface IpPivotRow {
  user: User;
  /** Events from the address (each event counted once, wherever it was read). */
  events: number;
  /** The worst event from the address (eventSeverity). */
  worst: AuthEvent;
  /** When the newest event from the address happened (epoch ms). */
  newestAt?: number;
}

const MAX_TYPED = 64;

/** The canonical text of an IP address (an IPv4-mapped IPv6 address as its IPv4), or undefined when it is not one. */
export function canonicalIp(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const valid = trimmed.includes(':') ? ipaddr.IPv6.isValid(trimmed) : ipaddr.IPv4.isValidFourPartDecimal(trimmed);
  return valid ? ipaddr.process(trimmed).toString() : undefined;
}

/** Checks an address typed after `:ip`: IPv4 (four decimal parts) or IPv6, without a prefix. */
export function checkIpAddress(text: string): IpAddressCheck {
  const shown = text.length > MAX_TYPED ? `${text.slice(0, MAX_TYPED)}…` : text;
  if (text.includes('/')) return { ok: false, error: `"${shown}" is a range; :ip takes one address, e.g. :ip 203.0.113.7 or :ip 2001:db8::7.` };
  const address = canonicalIp(text);
  return address ? { ok: true, address } : { ok: false, error: `"${shown}" is not an IP address; type IPv4 like 203.0.113.7 or IPv6 like 2001:db8::7.` };
}

/**
 * Every user with events from `address` (canonical, see canonicalIp), newest first: each event counted once across
 * the sources, the whole user row preferred to a partial one.
 */
export function pivotOnIp(address: string, sources: readonly UserEvents[]): IpPivotRow[] {
  const byUser = new Map<string, { user: User; events: Map<string, AuthEvent> }>();
  for (const source of sources) {
    const name = source.user.username;
    let entry = byUser.get(name);
    if (!entry) {
      entry = { user: source.user, events: new Map() };
      byUser.set(name, entry);
    } else if (entry.user.partial && !source.user.partial) {
      entry.user = source.user;
    }
    for (const e of source.events) if (!entry.events.has(e.id) && canonicalIp(e.ip) === address) entry.events.set(e.id, e);
  }
  const rows: IpPivotRow[] = [];
  for (const { user, events } of byUser.values()) {
    const list = [...events.values()];
    if (list.length === 0) continue;
    const worst = list.reduce((w, e) => (eventSeverity(e) > eventSeverity(w) ? e : w));
    const newestAt = list.reduce<number | undefined>((n, e) => (e.createdAt !== undefined && (n === undefined || e.createdAt > n) ? e.createdAt : n), undefined);
    rows.push({ user, events: list.length, worst, ...(newestAt !== undefined ? { newestAt } : {}) });
  }
  const time = (r: IpPivotRow) => r.newestAt ?? Number.NEGATIVE_INFINITY;
  return rows.sort((a, b) => (time(a) !== time(b) ? (time(b) > time(a) ? 1 : -1) : a.user.username < b.user.username ? -1 : 1));
}
