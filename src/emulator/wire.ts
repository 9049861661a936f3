import type { ServerResponse } from 'node:http';
import { ServiceError } from './errors.ts';
import type { ServiceSpec } from './service.ts';

/** The content type of AWS JSON 1.1 (Cognito, CloudWatch Logs) and the default for unrouted requests. */
export const JSON_1_1 = 'application/x-amz-json-1.1';

/** One answer before it is written: HTTP status, JSON payload, and the error name when it is an error. */
export interface Outcome {
  status: number;
  payload: unknown;
  errorType?: string;
}

/** The AWS JSON error answer for a ServiceError. */
export function errorOutcome(error: ServiceError): Outcome {
  return { status: error.status, payload: { ...error.extra, __type: error.type, message: error.message }, errorType: error.type };
}

/** A request body as parsed: the object, what to record, or the protocol error it deserves. */
export interface ParsedBody {
  body?: Record<string, unknown>;
  recorded: unknown;
  error?: ServiceError;
}

/** Parses an AWS JSON request body: empty = `{}`, anything but a JSON object = SerializationException. */
export function parseBody(raw: string): ParsedBody {
  if (raw.trim() === '') return { body: {}, recorded: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { recorded: raw, error: new ServiceError('SerializationException', 'The request body is not valid JSON.') };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { recorded: parsed, error: new ServiceError('SerializationException', 'The request body must be a JSON object.') };
  }
  return { body: parsed as Record<string, unknown>, recorded: parsed };
}

/** The headers of an AWS JSON answer from `service` (or a 1.1 answer when no service was routed). */
export function answerHeaders(
  service: ServiceSpec | undefined,
  requestId: string,
  text: string,
  status: number,
  errorType?: string,
): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    'Content-Type': service?.contentType ?? JSON_1_1,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
  };
  if (errorType !== undefined) {
    headers['x-amzn-ErrorType'] = errorType;
    if (service?.queryCompatible === true) {
      headers['x-amzn-query-error'] = `${service.queryCodes?.[errorType] ?? errorType};${status >= 500 ? 'Receiver' : 'Sender'}`;
    }
  }
  return headers;
}

/** Writes an outcome as an AWS JSON answer. */
export function send(res: ServerResponse, service: ServiceSpec | undefined, requestId: string, outcome: Outcome): void {
  const text = JSON.stringify(outcome.payload);
  res.writeHead(outcome.status, answerHeaders(service, requestId, text, outcome.status, outcome.errorType));
  res.end(text);
}
