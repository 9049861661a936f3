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

/** The facts about a failure that classification needs; read off an SDK error or a Node network error. */
export interface FailureFacts {
  name?: string;
  message?: string;
  code?: string;
  httpStatus?: number;
}

/** Where the failed call was going, to name it in the message. */
export interface FailureContext {
  operation: string;
  endpoint?: string;
  region?: string;
  profile?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

function iamAction(operation: string): string {
  return `cognito-idp:${operation}`;
}

function profileFlag(ctx: FailureContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

/** Turns any failure of a Cognito call into a GatewayError whose message says what to do next. */
export function classifyFailure(facts: FailureFacts, ctx: FailureContext): GatewayError {
  const name = facts.name ?? '';
  const raw = (facts.message ?? '').trim();
  const make = (kind: GatewayErrorKind, retryable: boolean, message: string) =>
    new GatewayError({ kind, retryable, message, operation: ctx.operation, awsName: name || facts.code });

  switch (name) {
    case 'AccessDeniedException':
    case 'NotAuthorizedException':
      return make('permission', false,
        `Not allowed to call ${ctx.operation}: add ${iamAction(ctx.operation)} to your IAM policy for this pool.${raw ? ` (${raw})` : ''}`);
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
  const where = ctx.endpoint ?? `cognito-idp.${ctx.region ?? '?'}.amazonaws.com`;
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
  return make('unknown', false, `${ctx.operation} failed: ${name ? `${name}: ` : ''}${raw || 'no details given'}`);
}

/** Reads the classification facts off whatever was thrown. */
export function failureFacts(error: unknown): FailureFacts {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as { name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; cause?: unknown; errors?: unknown };
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
  };
}
