import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { playAdversary } from './adversary.ts';
import type { Adversary } from './adversary.ts';
import { withoutToken } from './adversary-payloads.ts';
import { ServiceError } from './errors.ts';
import type { FaultInjector } from './faults.ts';
import { routeTarget } from './service.ts';
import type { ServiceHandler, ServiceSpec } from './service.ts';
import { answerSts } from './sts.ts';
import type { RecordedRequest } from './types.ts';
import { errorOutcome, parseBody, send } from './wire.ts';
import type { Outcome, ParsedBody } from './wire.ts';

const MAX_BODY_BYTES = 1_048_576;

/** What the HTTP layer needs: the services it hosts, the fault and adversary machinery, the request record. */
export interface ServerDeps {
  services: readonly ServiceSpec[];
  faults: FaultInjector;
  adversary: Adversary;
  requests: RecordedRequest[];
  /** Registers a timer so closing the server can cancel it. */
  track(timer: NodeJS.Timeout): void;
  untrack(timer: NodeJS.Timeout): void;
}

interface Target {
  operation: string;
  service?: ServiceSpec;
  handler?: ServiceHandler;
}

function targetOf(deps: ServerDeps, req: IncomingMessage): Target {
  const header = req.headers['x-amz-target'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return { operation: '' };
  const { service, operation } = routeTarget(deps.services, value);
  if (service === undefined) return { operation };
  return { operation, service, handler: typeof header === 'string' ? service.operations.get(operation) : undefined };
}

function failed(service: ServiceSpec, e: unknown): Outcome {
  return errorOutcome(e instanceof ServiceError ? e : service.internal());
}

function answer(deps: ServerDeps, { operation, service, handler }: Target, parsed: ParsedBody): Outcome | Promise<Outcome> {
  const denied = deps.faults.operationError(operation);
  if (denied !== undefined) return errorOutcome(new ServiceError(denied.type, denied.message, denied.status));
  if (handler === undefined || service === undefined) {
    const message = operation === '' ? 'Missing X-Amz-Target header.' : `Unknown operation ${operation}.`;
    return errorOutcome(new ServiceError('UnknownOperationException', message));
  }
  if (parsed.error !== undefined) return errorOutcome(parsed.error);
  try {
    const payload = handler(parsed.body ?? {});
    if (payload instanceof Promise) return payload.then((p: unknown) => ({ status: 200, payload: p }), (e: unknown) => failed(service, e));
    return { status: 200, payload };
  } catch (e) {
    return failed(service, e);
  }
}

function faultOutcome(target: Target, fault: 'throttle' | 'error'): Outcome {
  const { service } = target;
  if (fault === 'throttle') return errorOutcome(service?.throttle() ?? new ServiceError('TooManyRequestsException', 'Rate exceeded'));
  return errorOutcome(service?.internal() ?? new ServiceError('InternalErrorException', 'An internal error occurred.', 500));
}

function record(target: Target, body: unknown, status: number, extra: Partial<RecordedRequest> = {}): RecordedRequest {
  const out: RecordedRequest = { operation: target.operation, body, status, at: Date.now(), ...extra };
  if (target.service !== undefined) out.service = target.service.name;
  return out;
}

function misbehave(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, raw: string, target: Target): boolean {
  const behaviour = deps.adversary.pick(target.operation);
  if (behaviour === undefined) return false;
  const parsed = parseBody(raw);
  const recorded = record(target, parsed.recorded, 0, { adversary: behaviour.mode });
  deps.requests.push(recorded);
  void playAdversary(behaviour, {
    operation: target.operation,
    service: target.service,
    requestId: randomUUID(),
    res,
    socket: req.socket,
    answer: (firstPage) => answer(deps, target, firstPage && parsed.body ? { ...parsed, body: withoutToken(target.operation, parsed.body) } : parsed),
    answered: (status, errorType) => {
      recorded.status = status;
      recorded.errorType = errorType;
    },
    track: deps.track,
    untrack: deps.untrack,
  });
  return true;
}

function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, raw: string): void {
  if (answerSts(req, res, raw)) return;
  const target = targetOf(deps, req);
  if (misbehave(deps, req, res, raw, target)) return;
  const fault = deps.faults.decide();
  const requestId = randomUUID();
  const finish = (): void => {
    const parsed = parseBody(raw);
    if (fault === 'drop') {
      deps.requests.push(record(target, parsed.recorded, 0));
      req.socket.destroy();
      return;
    }
    const reply = (outcome: Outcome): void => {
      deps.requests.push(record(target, parsed.recorded, outcome.status, outcome.errorType === undefined ? {} : { errorType: outcome.errorType }));
      if (!res.destroyed) send(res, target.service, requestId, outcome);
    };
    const outcome = fault === undefined ? answer(deps, target, parsed) : faultOutcome(target, fault);
    if (outcome instanceof Promise) void outcome.then(reply);
    else reply(outcome);
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

/**
 * One HTTP server for every hosted service: AWS JSON (POST, X-Amz-Target) routed by the target's prefix, plus STS's
 * GetCallerIdentity (awsQuery).
 */
export function createEmulatorServer(deps: ServerDeps): Server {
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
