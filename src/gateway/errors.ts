/** What went wrong, in the terms a person acts on. */
export type GatewayErrorKind =
  | 'permission'
  | 'credentials'
  | 'sso-expired'
  | 'not-found'
  | 'invalid-input'
  | 'throttled'
  | 'threat-protection-off'
  | 'network'
  | 'server'
  | 'malformed'
  | 'timeout'
  | 'outcome-unknown'
  | 'aborted'
  | 'unknown';

/** A failed gateway call: a kind, whether trying again may help, and a sentence a person can act on. */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly retryable: boolean;
  readonly operation: string;
  readonly awsName?: string;

  constructor(init: { kind: GatewayErrorKind; retryable: boolean; message: string; operation: string; awsName?: string }) {
    super(init.message);
    this.name = 'GatewayError';
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.operation = init.operation;
    this.awsName = init.awsName;
  }
}

/**
 * An answer that is not what Cognito's API declares (HTML, cut-off JSON, a wrong type): `detail` says what was
 * wrong in a few words ("CreationDate is not a date"); the gateway names the operation.
 */
export class MalformedAnswerError extends Error {
  readonly detail: string;
  readonly retryable: boolean;

  constructor(detail: string, retryable = false) {
    super(detail);
    this.name = 'MalformedAnswerError';
    this.detail = detail;
    this.retryable = retryable;
  }
}

/** "30 s", "1 s", "0.5 s": a deadline as the messages say it. */
export function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

const SERVICE_NAMES: Readonly<Record<string, string>> = { 'cognito-idp': 'Cognito', logs: 'CloudWatch Logs', cloudwatch: 'CloudWatch' };

/** The service a person knows, by its IAM prefix (Cognito's when absent). */
export function serviceName(service = 'cognito-idp'): string {
  return SERVICE_NAMES[service] ?? service;
}

/** A read that did not end within its deadline: retryable by hand (r). `service` is the IAM prefix of the service asked. */
export function readDeadlineError(operation: string, ms: number, service?: string): GatewayError {
  return new GatewayError({
    kind: 'timeout',
    retryable: true,
    operation,
    message: `${serviceName(service)} did not answer in ${secondsText(ms)} (${operation}). Press r to retry.`,
  });
}

/** A write that did not end within its deadline: it may or may not have been applied, and is never resent by itself. */
export function writeDeadlineError(operation: string, ms: number): GatewayError {
  return new GatewayError({
    kind: 'outcome-unknown',
    retryable: false,
    operation,
    message: `Cognito did not answer ${operation} in ${secondsText(ms)}: the outcome is UNKNOWN (it may or may not have been applied). Read it back before sending it again.`,
  });
}

/** Network failures that happen before a request leaves this machine: the server never saw it. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A write's failure: as `classifyFailure`, except that a connection lost once the request may have reached the
 * server (reset, hang-up, a timeout after connecting) is 'outcome-unknown', never a plain failure; a connection
 * that was refused or never made stays a failure (nothing was sent).
 */
export function classifyWriteFailure(facts: FailureFacts, ctx: FailureContext): GatewayError {
  const failure = classifyFailure(facts, ctx);
  if (failure.kind !== 'network') return failure;
  if (facts.code && NEVER_SENT_CODES.has(facts.code)) return failure;
  if (/without establishing a connection|did not establish a connection/i.test(facts.message ?? '')) return failure;
  const where = ctx.endpoint ?? `cognito-idp.${ctx.region ?? '?'}.amazonaws.com`;
  const how = facts.code ?? (/socket hang up/i.test(facts.message ?? '') ? 'socket hang up' : facts.name ?? 'connection lost');
  return new GatewayError({
    kind: 'outcome-unknown',
    retryable: false,
    operation: ctx.operation,
    awsName: failure.awsName,
    message: `The connection to ${where} was lost after ${ctx.operation} was sent (${how}): the outcome is UNKNOWN (it may or may not have been applied). Read it back before sending it again.`,
  });
}

/** A call its caller aborted (the view was left); the store drops it without a word. */
export function abortedError(operation: string): GatewayError {
  return new GatewayError({ kind: 'aborted', retryable: false, operation, message: `${operation} was cancelled.` });
}

/** The facts about a failure that classification needs; read off an SDK error or a Node network error. */
export interface FailureFacts {
  name?: string;
  message?: string;
  code?: string;
  httpStatus?: number;
  /** The SDK could not read the answer (not JSON, a wrong type). */
  deserialization?: boolean;
  /** For a MalformedAnswerError: whether asking again may help. */
  retryable?: boolean;
}

/** Where the failed call was going, to name it in the message. */
export interface FailureContext {
  operation: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  /** The IAM prefix and host name of the service called (`logs`); Cognito's (`cognito-idp`) when absent. */
  service?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

function iamAction(ctx: FailureContext): string {
  return `${ctx.service ?? 'cognito-idp'}:${ctx.operation}`;
}

function profileFlag(ctx: FailureContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

/** A NotAuthorizedException about the user's state (confirming a confirmed user), not about the caller's permissions. */
const STATE_REFUSAL = /cannot be confirmed|current status is/i;

/** Turns any failure of a Cognito call into a GatewayError whose message says what to do next. */
export function classifyFailure(facts: FailureFacts, ctx: FailureContext): GatewayError {
  const name = facts.name ?? '';
  const raw = (facts.message ?? '').trim().split('\n')[0].trim();
  const make = (kind: GatewayErrorKind, retryable: boolean, message: string) =>
    new GatewayError({ kind, retryable, message, operation: ctx.operation, awsName: name || facts.code });

  if (name === 'NotAuthorizedException' && STATE_REFUSAL.test(raw)) {
    return make('invalid-input', false, `Cognito refused ${ctx.operation}: ${raw}`);
  }
  switch (name) {
    case 'AccessDeniedException':
    case 'NotAuthorizedException':
      return make('permission', false,
        `Not allowed to call ${ctx.operation}: add ${iamAction(ctx)} to your IAM policy${ctx.service ? '' : ' for this pool'}.${raw ? ` (${raw})` : ''}`);
    case 'MalformedQueryException':
      return make('invalid-input', false, `The query is not valid Logs Insights: ${raw || 'syntax error'}`);
    case 'LimitExceededException':
      return make('throttled', false, `Too many Logs Insights queries are running in this account (${raw || 'LimitExceededException'}): wait for one to finish, then try again.`);
    case 'UserPoolAddOnNotEnabledException':
      return make('threat-protection-off', false,
        'This pool has threat protection off, so Cognito records no authentication events. Turn on threat protection (Plus tier, audit or full-function mode) to see them.');
    case 'TooManyRequestsException':
    case 'ThrottlingException':
      return make('throttled', true, `Cognito throttled ${ctx.operation} (request-rate quota reached). Wait a moment and press r to retry.`);
    case 'UserNotFoundException':
      return make('not-found', false, 'No such user in this pool. Check the username, email or sub.');
    case 'ResourceNotFoundException':
      return make('not-found', false, `${raw || 'Not found.'} Check the id and the region (${ctx.region ?? 'unknown'}).`);
    case 'InvalidParameterException':
    case 'ValidationException':
      return make('invalid-input', false, raw || `Cognito rejected the parameters of ${ctx.operation}.`);
    case 'InternalErrorException':
      return make('server', true, `Cognito had an internal error on ${ctx.operation}. Press r to retry.`);
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'IncompleteSignatureException':
      return make('credentials', false, `AWS rejected the credentials (${name}). Check the access key, or pass another --profile.`);
    case 'ExpiredTokenException':
      return make('sso-expired', false, `Your AWS session has expired. Renew it (aws sso login${profileFlag(ctx)}) and press r.`);
    case 'CredentialsProviderError':
      if (/sso/i.test(raw) && /not found/i.test(raw)) {
        return make('sso-expired', false, `No SSO session for this profile yet, or it was cleared. Run: aws sso login${profileFlag(ctx)} — then press r.`);
      }
      if (/sso|token/i.test(raw) && /expire|refresh/i.test(raw)) {
        return make('sso-expired', false, `Your SSO session has expired. Run: aws sso login${profileFlag(ctx)} — then press r.`);
      }
      if (/profile/i.test(raw) && /(not|could not) (be )?found|does not exist|could not resolve/i.test(raw) && ctx.profile) {
        return make('credentials', false, `AWS profile "${ctx.profile}" was not found in ~/.aws/config or ~/.aws/credentials. Pass an existing --profile.`);
      }
      return make('credentials', false, ctx.profile
        ? `No usable AWS credentials for profile "${ctx.profile}". Check it in ~/.aws/config and ~/.aws/credentials, or run aws sso login --profile ${ctx.profile}.`
        : 'No AWS credentials found. Run aws configure or aws sso login, set AWS_PROFILE, or pass --profile. To try the tool without AWS, run with --demo.');
    case 'MalformedAnswerError':
      return make('malformed', facts.retryable === true, `${ctx.operation}: ${raw}${facts.retryable ? '. Press r to retry.' : ''}`);
    case 'TokenProviderError':
      return make('sso-expired', false, `Your SSO session has expired or was never started. Run: aws sso login${profileFlag(ctx)} — then press r.`);
    default:
      break;
  }

  if (/Region is missing|Region not accepted/i.test(raw)) {
    return make('invalid-input', false, ctx.profile
      ? `No AWS region for profile "${ctx.profile}" (is the profile in ~/.aws/config?): pass --region (e.g. --region eu-west-1) or an existing --profile.`
      : 'No AWS region set: pass --region (e.g. --region eu-west-1) or set AWS_REGION.');
  }
  if (/profile .* (could not be found|not found)/i.test(raw)) {
    return make('credentials', false, `AWS profile "${ctx.profile ?? ''}" was not found in ~/.aws/config or ~/.aws/credentials. Pass an existing --profile.`);
  }
  const where = ctx.endpoint ?? `${ctx.service ?? 'cognito-idp'}.${ctx.region ?? '?'}.amazonaws.com`;
  if (facts.code === 'ECONNREFUSED') {
    return make('network', true, `The endpoint ${where} refused the connection. Is it running? Press r to retry.`);
  }
  if (facts.code === 'ENOTFOUND' || facts.code === 'EAI_AGAIN') {
    return make('network', true, `Cannot resolve ${where}: check the region (${ctx.region ?? '?'}) and your network. Press r to retry.`);
  }
  if ((facts.code && NETWORK_CODES.has(facts.code)) || name === 'TimeoutError' || /socket hang up|timed? ?out|network/i.test(raw)) {
    return make('network', true, `Lost the connection to ${where} during ${ctx.operation}${facts.code ? ` (${facts.code})` : ''}. Press r to retry.`);
  }
  if (facts.httpStatus !== undefined && facts.httpStatus >= 500) {
    return make('server', true, `Cognito answered ${ctx.operation} with HTTP ${facts.httpStatus}. Press r to retry.`);
  }
  if (facts.deserialization) return make('malformed', false, `${ctx.operation}: ${deserializationDetail(name, raw)}`);
  const known = name && !/^(Error|TypeError|SyntaxError|RangeError)$/.test(name);
  return make('unknown', false, `${ctx.operation} failed: ${known ? `${name}: ` : ''}${raw || 'no details given'}`);
}

function deserializationDetail(name: string, raw: string): string {
  if (name === 'SyntaxError') return 'the answer is not valid JSON';
  if (/expected (real )?number|NaN|timestamp/i.test(raw)) return 'a number or date in the answer is not one';
  if (/expected string/i.test(raw)) return 'a text field in the answer is not text';
  if (/expected boolean/i.test(raw)) return 'a true/false field in the answer is neither';
  return 'the answer does not match Cognito\'s API';
}

/** Why a failed attempt may be tried again (throttled, a 5xx, a lost connection); undefined when it may not. */
export function retryCause(facts: FailureFacts): 'throttled' | 'server' | 'network' | undefined {
  if (facts.name === 'TooManyRequestsException' || facts.name === 'ThrottlingException') return 'throttled';
  if (facts.name === 'InternalErrorException' || (facts.httpStatus !== undefined && facts.httpStatus >= 500)) return 'server';
  if (facts.deserialization || facts.name === 'MalformedAnswerError' || facts.name === 'AbortError') return undefined;
  if ((facts.code && NETWORK_CODES.has(facts.code)) || facts.name === 'TimeoutError' || /socket hang up/i.test(facts.message ?? '')) return 'network';
  return undefined;
}

/** Reads the classification facts off whatever was thrown. */
export function failureFacts(error: unknown): FailureFacts {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as {
    name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; cause?: unknown; errors?: unknown; retryable?: unknown;
  };
  let code = typeof e.code === 'string' ? e.code : undefined;
  if (!code && e.cause && typeof e.cause === 'object' && typeof (e.cause as { code?: unknown }).code === 'string') {
    code = (e.cause as { code: string }).code;
  }
  if (!code && Array.isArray(e.errors)) {
    const inner = e.errors.find((x: unknown) => typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string');
    if (inner) code = (inner as { code: string }).code;
  }
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
    code,
    httpStatus: e.$metadata?.httpStatusCode,
    deserialization: typeof e.message === 'string' && e.message.includes('Deserialization error'),
    retryable: error instanceof MalformedAnswerError ? error.retryable : undefined,
  };
}
