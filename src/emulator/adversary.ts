import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  COMBINING_FLOOD, HTML_PAGE, HUGE_FIELD, LIST_SHAPES, SAME_TOKEN, emptyPage, freshToken, truncated, withTextField, withToken,
  withWrongTypes,
} from './adversary-payloads.ts';
import type { ServiceSpec } from './service.ts';
import type { AdversaryBehaviour, AdversaryMode, AdversarySettings, WrongTypesVariant } from './types.ts';
import { JSON_1_1 } from './wire.ts';

/** Every adversarial mode, in the order the help lists them. */
export const ADVERSARY_MODES: readonly AdversaryMode[] = [
  'empty-pages', 'same-token', 'repeat-pages', 'slowloris', 'hang', 'wrong-types', 'html-200', 'truncated-json',
  'server-error', 'reset', 'combining-flood', 'huge-field',
];

/** The `wrong-types` variants. */
export const WRONG_TYPES_VARIANTS: readonly WrongTypesVariant[] = ['all', 'number-for-string', 'string-date', 'null-lists', 'null-page'];

/** Modes that only make sense for an operation that pages. */
const PAGING_MODES: ReadonlySet<AdversaryMode> = new Set(['empty-pages', 'same-token', 'repeat-pages']);

/** Milliseconds between two bytes of a `slowloris` answer unless the behaviour says otherwise. */
export const DEFAULT_SLOWLORIS_INTERVAL_MS = 3000;

/** The wildcard operation name: every operation not named in the settings. */
export const EVERY_OPERATION = '*';

function checkBehaviour(operation: string, b: AdversaryBehaviour): void {
  if (!ADVERSARY_MODES.includes(b.mode)) {
    throw new Error(`Unknown adversary mode "${String(b.mode)}" for ${operation}; the modes are ${ADVERSARY_MODES.join(', ')}.`);
  }
  if (PAGING_MODES.has(b.mode) && operation !== EVERY_OPERATION && !LIST_SHAPES.has(operation)) {
    throw new Error(`${b.mode} needs an operation that pages; ${operation} does not (${[...LIST_SHAPES.keys()].join(', ')} do).`);
  }
  if (b.variant !== undefined && !WRONG_TYPES_VARIANTS.includes(b.variant)) {
    throw new Error(`Unknown wrong-types variant "${String(b.variant)}"; the variants are ${WRONG_TYPES_VARIANTS.join(', ')}.`);
  }
  for (const key of ['intervalMs', 'after', 'times'] as const) {
    const v = b[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new Error(`${key} must be a whole number ≥ 0, got ${String(v)}.`);
  }
}

/** Holds the adversarial settings and decides, per request, which behaviour (if any) answers it. */
export class Adversary {
  private settings: AdversarySettings = {};
  private readonly seen = new Map<string, number>();

  constructor(settings: AdversarySettings = {}) {
    this.set(settings);
  }

  /** Replaces the settings and restarts every operation's `after`/`times` count. Throws on a bad behaviour. */
  set(settings: AdversarySettings): void {
    for (const [operation, b] of Object.entries(settings)) checkBehaviour(operation, b);
    this.settings = { ...settings };
    this.seen.clear();
  }

  /** The behaviour for this request of `operation`, counting it; undefined to answer it normally. */
  pick(operation: string): AdversaryBehaviour | undefined {
    const b = this.settings[operation] ?? this.settings[EVERY_OPERATION];
    if (b === undefined) return undefined;
    if (PAGING_MODES.has(b.mode) && !LIST_SHAPES.has(operation)) return undefined;
    const n = (this.seen.get(operation) ?? 0) + 1;
    this.seen.set(operation, n);
    const index = n - (b.after ?? 0);
    if (index <= 0) return undefined;
    if (b.times !== undefined && index > b.times) return undefined;
    return b;
  }
}

/** A normal answer, as the server would send it. */
export interface PlainOutcome {
  status: number;
  payload: unknown;
  errorType?: string;
}

/** One request an adversarial behaviour answers, and what the server lends it to do so. */
export interface AdversaryExchange {
  operation: string;
  /** The service the request was routed to, if any; its content type is used. */
  service?: ServiceSpec;
  requestId: string;
  res: ServerResponse;
  socket: Socket;
  /** The normal answer to this request; with `firstPage`, to the same request without its page token. */
  answer(firstPage: boolean): PlainOutcome | Promise<PlainOutcome>;
  /** Marks the recorded request as answered in full, with this status. */
  answered(status: number, errorType?: string): void;
  /** Registers a timer so closing the emulator cancels it. */
  track(timer: NodeJS.Timeout): void;
  untrack(timer: NodeJS.Timeout): void;
}

const jsonType = (x: AdversaryExchange): string => x.service?.contentType ?? JSON_1_1;

function headers(x: AdversaryExchange, contentType: string, body: string, errorType?: string): Record<string, string | number> {
  return {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': x.requestId,
    ...(errorType === undefined ? {} : { 'x-amzn-ErrorType': errorType }),
  };
}

function sendText(x: AdversaryExchange, status: number, contentType: string, body: string, errorType?: string): void {
  x.res.writeHead(status, headers(x, contentType, body, errorType));
  x.res.end(body, () => x.answered(status, errorType));
}

function sendOutcome(x: AdversaryExchange, o: PlainOutcome): void {
  sendText(x, o.status, jsonType(x), JSON.stringify(o.payload), o.errorType);
}

/** Sends a valid answer one byte every `intervalMs`, so the socket is never idle long enough to time out. */
function dribble(x: AdversaryExchange, o: PlainOutcome, intervalMs: number): void {
  const bytes = Buffer.from(JSON.stringify(o.payload), 'utf8');
  x.res.writeHead(o.status, headers(x, jsonType(x), bytes.toString('utf8'), o.errorType));
  x.res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    if (x.res.destroyed) return stop();
    x.res.write(bytes.subarray(sent, sent + 1));
    sent++;
    if (sent >= bytes.length) {
      stop();
      x.res.end(() => x.answered(o.status, o.errorType));
    }
  }, intervalMs);
  function stop(): void {
    clearInterval(timer);
    x.untrack(timer);
  }
  x.track(timer);
  x.res.on('close', stop);
}

async function withFirstPageToken(x: AdversaryExchange, token: string): Promise<void> {
  const shape = LIST_SHAPES.get(x.operation);
  const o = await x.answer(true);
  sendOutcome(x, shape === undefined || o.status !== 200 ? o : { ...o, payload: withToken(o.payload, shape, token) });
}

function ok(o: PlainOutcome, change: (payload: unknown) => unknown): PlainOutcome {
  return o.status === 200 ? { ...o, payload: change(o.payload) } : o;
}

/** Answers one request the way `b` misbehaves. */
export async function playAdversary(b: AdversaryBehaviour, x: AdversaryExchange): Promise<void> {
  switch (b.mode) {
    case 'empty-pages': {
      const shape = LIST_SHAPES.get(x.operation);
      if (shape !== undefined) sendOutcome(x, { status: 200, payload: emptyPage(shape) });
      return;
    }
    case 'same-token':
      return withFirstPageToken(x, SAME_TOKEN);
    case 'repeat-pages':
      return withFirstPageToken(x, freshToken());
    case 'slowloris':
      return dribble(x, await x.answer(false), b.intervalMs ?? DEFAULT_SLOWLORIS_INTERVAL_MS);
    case 'hang':
      return;
    case 'wrong-types':
      return sendOutcome(x, ok(await x.answer(false), (p) => withWrongTypes(x.operation, p, b.variant ?? 'all')));
    case 'html-200':
      return sendText(x, 200, 'text/html; charset=utf-8', HTML_PAGE);
    case 'truncated-json': {
      const o = await x.answer(false);
      return sendText(x, o.status, jsonType(x), truncated(JSON.stringify(o.payload)), o.errorType);
    }
    case 'server-error':
      return sendOutcome(x, {
        status: 500,
        payload: { __type: 'InternalErrorException', message: 'Internal server error.' },
        errorType: 'InternalErrorException',
      });
    case 'reset':
      x.socket.resetAndDestroy();
      return;
    case 'combining-flood':
      return sendOutcome(x, ok(await x.answer(false), (p) => withTextField(x.operation, p, COMBINING_FLOOD)));
    case 'huge-field':
      return sendOutcome(x, ok(await x.answer(false), (p) => withTextField(x.operation, p, HUGE_FIELD)));
  }
}

/**
 * Reads `OPERATION=MODE[:ARG]` from the command line: ARG is the slowloris interval in ms or the wrong-types
 * variant. Throws an Error with a readable message.
 */
export function parseAdversaryFlag(text: string): [string, AdversaryBehaviour] {
  const m = /^([A-Za-z*]+)=([a-z0-9-]+)(?::(.+))?$/.exec(text.trim());
  if (m === null) throw new Error(`--adversary takes OPERATION=MODE[:ARG], e.g. ListUsers=empty-pages, got "${text}".`);
  const [, operation, mode, arg] = m;
  const b: AdversaryBehaviour = { mode: mode as AdversaryMode };
  if (arg !== undefined) {
    if (mode === 'slowloris' && /^\d+$/.test(arg)) b.intervalMs = Number(arg);
    else if (mode === 'wrong-types') b.variant = arg as WrongTypesVariant;
    else throw new Error(`--adversary ${operation}=${mode}: ":${arg}" is not understood (slowloris takes :MS, wrong-types a variant).`);
  }
  checkBehaviour(operation, b);
  return [operation, b];
}
