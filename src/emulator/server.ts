import { answerSts } from './sts.ts';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { playAdversary } from './adversary.ts';
import type { Adversary } from './adversary.ts';
import { withoutToken } from './adversary-payloads.ts';
import type { EmulatorContext, OperationHandler } from './context.ts';
import { CognitoError, internalError } from './errors.ts';
import type { FaultInjector } from './faults.ts';
import { OPERATIONS } from './operations/index.ts';
import type { RecordedRequest } from './types.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 1_048_576;

/** What the HTTP layer needs besides the operation context. */
export interface ServerDeps {
  ctx: EmulatorContext;
  faults: FaultInjector;
  adversary: Adversary;
  requests: RecordedRequest[];
  /** Registers a timer so closing the server can cancel it. */
  track(timer: NodeJS.Timeout): void;
  untrack(timer: NodeJS.Timeout): void;
}

interface Outcome {
  status: number;
  payload: unknown;
  errorType?: string;
}

function errorOutcome(error: CognitoError): Outcome {
  return { status: error.status, payload: { __type: error.type, message: error.message }, errorType: error.type };
}

interface ParsedBody {
  body?: Record<string, unknown>;
  recorded: unknown;
  error?: CognitoError;
}

function parseBody(raw: string): ParsedBody {
  if (raw.trim() === '') return { body: {}, recorded: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { recorded: raw, error: new CognitoError('SerializationException', 'The request body is not valid JSON.') };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { recorded: parsed, error: new CognitoError('SerializationException', 'The request body must be a JSON object.') };
  }
  return { body: parsed as Record<string, unknown>, recorded: parsed };
}

interface Target {
  operation: string;
  handler?: OperationHandler;
}

function operationOf(req: IncomingMessage): Target {
  const target = req.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  if (value === undefined) return { operation: '' };
  if (!value.startsWith(TARGET_PREFIX)) return { operation: value };
  const operation = value.slice(TARGET_PREFIX.length);
  return { operation, handler: typeof target === 'string' ? OPERATIONS.get(operation) : undefined };
}

function answer(deps: ServerDeps, { operation, handler }: Target, parsed: ParsedBody): Outcome {
  const denied = deps.faults.operationError(operation);
  if (denied !== undefined) return errorOutcome(new CognitoError(denied.type, denied.message, denied.status));
  if (handler === undefined) {
    const message = operation === '' ? 'Missing X-Amz-Target header.' : `Unknown operation ${operation}.`;
    return errorOutcome(new CognitoError('UnknownOperationException', message));
  }
  if (parsed.error !== undefined) return errorOutcome(parsed.error);
  try {
    return { status: 200, payload: handler(deps.ctx, parsed.body ?? {}) };
  } catch (e) {
    return errorOutcome(e instanceof CognitoError ? e : internalError());
  }
}

function faultOutcome(fault: 'throttle' | 'error'): Outcome {
  if (fault === 'throttle') return errorOutcome(new CognitoError('TooManyRequestsException', 'Rate exceeded'));
  return errorOutcome(internalError());
}

function send(res: ServerResponse, requestId: string, outcome: Outcome): void {
  const text = JSON.stringify(outcome.payload);
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
  };
  if (outcome.errorType !== undefined) headers['x-amzn-ErrorType'] = outcome.errorType;
  res.writeHead(outcome.status, headers);
  res.end(text);
}

function misbehave(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, raw: string, target: Target): boolean {
  const behaviour = deps.adversary.pick(target.operation);
  if (behaviour === undefined) return false;
  const parsed = parseBody(raw);
  const record: RecordedRequest = { operation: target.operation, body: parsed.recorded, status: 0, at: Date.now(), adversary: behaviour.mode };
  deps.requests.push(record);
  playAdversary(behaviour, {
    operation: target.operation,
    requestId: randomUUID(),
    res,
    socket: req.socket,
    answer: (firstPage) => answer(deps, target, firstPage && parsed.body ? { ...parsed, body: withoutToken(target.operation, parsed.body) } : parsed),
    answered: (status, errorType) => {
      record.status = status;
      record.errorType = errorType;
    },
    track: deps.track,
    untrack: deps.untrack,
  });
  return true;
}

function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, raw: string): void {
  if (answerSts(req, res, raw)) return;
  const target = operationOf(req);
  if (misbehave(deps, req, res, raw, target)) return;
  const { operation } = target;
  const fault = deps.faults.decide();
  const requestId = randomUUID();
  const finish = (): void => {
    const parsed = parseBody(raw);
    if (fault === 'drop') {
      deps.requests.push({ operation, body: parsed.recorded, status: 0, at: Date.now() });
      req.socket.destroy();
      return;
    }
    const outcome = fault === undefined ? answer(deps, target, parsed) : faultOutcome(fault);
    deps.requests.push({ operation, body: parsed.recorded, status: outcome.status, errorType: outcome.errorType, at: Date.now() });
    send(res, requestId, outcome);
  };
  const latency = deps.faults.latencyMs;
  if (latency <= 0) {
    finish();
    return;
  }
  const timer = setTimeout(() => {
    deps.untrack(timer);
    finish();
  }, latency);
  deps.track(timer);
}

/** An HTTP server speaking Cognito's AWS JSON 1.1 protocol (POST, X-Amz-Target) over the given context. */
export function createCognitoServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      handle(deps, req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
}
