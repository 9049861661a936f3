import { randomUUID } from 'node:crypto';
import type { WrongTypesVariant } from './types.ts';

/** Where a list operation keeps its items and its next-page token on the wire. */
export interface ListShape {
  items: string;
  token: string;
}

/** Every list operation the emulator answers, with its item and token names. */
export const LIST_SHAPES: ReadonlyMap<string, ListShape> = new Map([
  ['ListUserPools', { items: 'UserPools', token: 'NextToken' }],
  ['ListUserPoolClients', { items: 'UserPoolClients', token: 'NextToken' }],
  ['ListUsers', { items: 'Users', token: 'PaginationToken' }],
  ['ListUsersInGroup', { items: 'Users', token: 'NextToken' }],
  ['ListGroups', { items: 'Groups', token: 'NextToken' }],
  ['AdminListGroupsForUser', { items: 'Groups', token: 'NextToken' }],
  ['AdminListDevices', { items: 'Devices', token: 'PaginationToken' }],
  ['AdminListUserAuthEvents', { items: 'AuthEvents', token: 'NextToken' }],
]);

/** The next-page token `same-token` answers with every time. */
export const SAME_TOKEN = 'adversary-same-token';

/** A next-page token never given before. */
export function freshToken(): string {
  return `adversary-${randomUUID()}`;
}

/** The request body without its page token, so the real handler answers the first page again. */
export function withoutToken(operation: string, body: Record<string, unknown>): Record<string, unknown> {
  const shape = LIST_SHAPES.get(operation);
  if (shape === undefined) return body;
  const { [shape.token]: _dropped, ...rest } = body;
  return rest;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An empty page of `operation` that still carries a next-page token. */
export function emptyPage(shape: ListShape): Json {
  return { [shape.items]: [], [shape.token]: freshToken() };
}

/** The payload with its next-page token replaced (a 200 answer only). */
export function withToken(payload: unknown, shape: ListShape, token: string): unknown {
  return isObject(payload) ? { ...payload, [shape.token]: token } : payload;
}

/** The objects a field-level behaviour changes: the page's items, or the answer's one top-level object. */
function targets(operation: string, payload: Json): Json[] {
  const shape = LIST_SHAPES.get(operation);
  if (shape !== undefined) {
    const items = payload[shape.items];
    return Array.isArray(items) ? items.filter(isObject) : [];
  }
  const inner = Object.values(payload).find(isObject);
  return inner === undefined ? [payload] : [inner];
}

function setAttribute(item: Json, key: string, name: string, text: string): void {
  const list = Array.isArray(item[key]) ? (item[key] as Json[]) : [];
  const found = list.find((a) => a.Name === name);
  if (found !== undefined) found.Value = text;
  else list.push({ Name: name, Value: text });
  item[key] = list;
}

/** Puts `text` into the field of one item that the app shows in its list (email, city, name, description…). */
function putText(operation: string, item: Json, text: string): void {
  switch (operation) {
    case 'ListUsers':
    case 'ListUsersInGroup':
      setAttribute(item, 'Attributes', 'email', text);
      return;
    case 'AdminListDevices':
      setAttribute(item, 'DeviceAttributes', 'device_name', text);
      return;
    case 'AdminListUserAuthEvents':
      item.EventContextData = { ...(isObject(item.EventContextData) ? item.EventContextData : {}), City: text };
      return;
    case 'ListUserPoolClients':
      item.ClientName = text;
      return;
    case 'ListGroups':
    case 'AdminListGroupsForUser':
      item.Description = text;
      return;
    default: {
      const key = 'Name' in item ? 'Name' : Object.keys(item).find((k) => typeof item[k] === 'string');
      if (key !== undefined) item[key] = text;
    }
  }
}

/** The answer with `text` in one shown field of its first item (or of its one object). */
export function withTextField(operation: string, payload: unknown, text: string): unknown {
  if (!isObject(payload)) return payload;
  const copy = structuredClone(payload);
  const first = targets(operation, copy)[0];
  if (first !== undefined) putText(operation, first, text);
  return copy;
}

/** 'a' followed by 20,000 combining acute accents: one grapheme that costs a naive layout dearly. */
export const COMBINING_FLOOD = `a${'\u0301'.repeat(20_000)}`;

/** 100 KB of text in one field. */
export const HUGE_FIELD = 'x'.repeat(100 * 1024);

const NUMBER_FOR_STRING = 12_345;
const STRING_DATE = '2024-05-01T12:00:00Z';

function breakTypes(value: Json, variant: WrongTypesVariant): void {
  for (const [key, v] of Object.entries(value)) {
    if (Array.isArray(v)) {
      if (variant === 'all' || variant === 'null-lists') value[key] = null;
      else for (const x of v) if (isObject(x)) breakTypes(x, variant);
    } else if (isObject(v)) {
      breakTypes(v, variant);
    } else if (typeof v === 'number' && key.endsWith('Date')) {
      if (variant === 'all' || variant === 'string-date') value[key] = STRING_DATE;
    } else if (typeof v === 'string') {
      if (variant === 'all' || variant === 'number-for-string') value[key] = NUMBER_FOR_STRING;
    }
  }
}

/**
 * The answer with the wrong types: every string of each item a number, every epoch-seconds date an ISO string,
 * every list inside an item `null` (as `variant` asks), or the page's own list `null` ('null-page').
 */
export function withWrongTypes(operation: string, payload: unknown, variant: WrongTypesVariant): unknown {
  if (!isObject(payload)) return payload;
  const copy = structuredClone(payload);
  if (variant === 'null-page') {
    const shape = LIST_SHAPES.get(operation);
    if (shape !== undefined) copy[shape.items] = null;
    return copy;
  }
  for (const target of targets(operation, copy)) breakTypes(target, variant);
  return copy;
}

/** An HTML page, as a captive portal or a misconfigured proxy answers. */
export const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><h1>Sign in to the network</h1></body></html>\n';

/** The first half of a JSON text (at least one character short of it). */
export function truncated(text: string): string {
  return text.slice(0, Math.max(1, Math.min(text.length - 1, Math.floor(text.length / 2))));
}
